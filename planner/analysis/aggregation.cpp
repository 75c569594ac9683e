#include "planner/analysis/aggregation.hpp"

#include <fmt/format.h>

#include <set>

#include "planner/model/error.hpp"

namespace planner::analysis {
namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

/// Σ_j w_j c_j / Σ_j w_j per group: a coefficient's average weighted by the quantity it applies to.
VectorXd weighted_average(const MatrixXd& c, const VectorXd& coefficient, const VectorXd& weight) {
  const VectorXd num = c * coefficient.cwiseProduct(weight), den = c * weight;
  VectorXd out = VectorXd::Zero(num.size());
  for (Index g = 0; g < num.size(); ++g) out[g] = den[g] != 0 ? num[g] / den[g] : 0.0;
  return out;
}

}  // namespace

Aggregation aggregate(const Economy& e, const std::vector<std::string>& groups, const MatrixXd& c, const std::string& source) {
  const auto n = static_cast<Index>(e.size());
  const auto m = static_cast<Index>(groups.size());
  const VectorXd x = e.outputs();
  const VectorXd x_agg = c * x;
  for (Index g = 0; g < m; ++g)
    if (!(x_agg[g] > 0))
      throw_bad_input(source, fmt::format("group \"{}\"", groups[static_cast<std::size_t>(g)]),
                      "its sectors' base-year output sums to 0: aggregated coefficients are weighted by output, so "
                      "every group needs output > 0");

  Aggregation out;
  Economy& a = out.economy;
  a.name = e.name + " (aggregated)";
  a.unit = e.unit;
  a.base_year = e.base_year;
  a.technical_lag = e.technical_lag;
  a.capital_lag = e.capital_lag;
  a.credit = e.credit;

  const MatrixXd z = e.flows ? *e.flows : MatrixXd(e.technical * x.asDiagonal());
  out.flows = c * z * c.transpose();
  a.technical = out.flows * x_agg.cwiseInverse().asDiagonal();
  a.flows = out.flows;

  // Capital and capacity coefficients apply to new capacity: weight them by opening capacity
  // where the model has capacities, else by output.
  const bool capacities = e.has_capacities();
  VectorXd k = VectorXd::Zero(n), stock(n), dep(n);
  for (Index j = 0; j < n; ++j) {
    const auto& s = e.sectors[static_cast<std::size_t>(j)];
    k[j] = s.capacity.value_or(0.0);
    stock[j] = s.stock;
    dep[j] = s.depreciation;
  }
  const VectorXd w = capacities && (c * k).minCoeff() > 0 ? k : x;
  const VectorXd w_agg = c * w;
  const MatrixXd bk = e.capital.size() == n * n ? e.capital : MatrixXd::Zero(n, n);
  a.capital = (c * bk * w.asDiagonal() * c.transpose()) * w_agg.cwiseInverse().asDiagonal();

  const VectorXd f_agg = c * e.demands(), k_agg = c * k, s_agg = c * stock, dep_agg = weighted_average(c, dep, w);
  bool trade = false, grouped = false;
  for (const auto& s : e.sectors) {
    trade = trade || s.export_price || s.import_price || s.export_limit || s.import_limit;
    grouped = grouped || !s.groups.empty() || s.price;
  }
  for (Index g = 0; g < m; ++g) {
    Sector s;
    s.id = groups[static_cast<std::size_t>(g)];
    s.name = s.id;
    std::set<std::string> units;
    for (Index j = 0; j < n; ++j)
      if (c(g, j) > 0) units.insert(e.sectors[static_cast<std::size_t>(j)].unit);
    s.unit = units.size() == 1 ? *units.begin() : e.unit;
    s.output = x_agg[g];
    s.demand = f_agg[g];
    s.stock = s_agg[g];
    if (capacities) s.capacity = k_agg[g];
    s.depreciation = dep_agg[g];
    s.source = "aggregated from " + source;
    a.sectors.push_back(std::move(s));
  }
  if (trade) out.notes.push_back("export and import prices and limits are not aggregated (dropped)");
  if (grouped) out.notes.push_back("sector groups and prices are not aggregated (dropped)");

  for (const auto& r : e.resources) {
    Resource ra = r;
    ra.per_output = weighted_average(c, r.per_output, x);
    ra.per_capacity = weighted_average(c, r.per_capacity.size() == n ? r.per_capacity : VectorXd::Zero(n), w);
    a.resources.push_back(std::move(ra));
  }
  return out;
}

}  // namespace planner::analysis
