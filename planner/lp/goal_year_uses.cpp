#include "planner/lp/goal_year_uses.hpp"

#include <algorithm>

#include "planner/model/error.hpp"

namespace planner::lp {

FinalDemandCategories goal_year_uses(const Plan& plan, const PlanResult& r) {
  const Economy& e = plan.economy;
  if (!e.processes.empty())
    throw_bad_input(plan.file, "model", "the model has techniques ([[process]]): a product's output is not L·f there, so "
                                        "the goal-year outputs cannot be decomposed");
  const auto n = static_cast<Eigen::Index>(e.size());
  const int t = plan.years;
  auto series = [&](const Series& s, int year) {
    Eigen::VectorXd v = Eigen::VectorXd::Zero(n);
    for (Eigen::Index j = 0; j < n; ++j) v[j] = s.get(e.sectors[static_cast<std::size_t>(j)].id, year).value_or(0.0);
    return v;
  };
  FinalDemandCategories out;
  out.source = plan.file;
  out.categories = {"demand", "consumption", "investment", "stock_change", "net_exports", "inputs_ahead", "unused"};
  out.y = Eigen::MatrixXd::Zero(n, static_cast<Eigen::Index>(out.categories.size()));
  const bool demand_year = std::find(plan.demand_years.begin(), plan.demand_years.end(), t) != plan.demand_years.end();
  if (demand_year)
    out.y.col(0) = plan.demand_override ? Eigen::Map<const Eigen::VectorXd>(plan.demand_override->data(), n) : e.demands();
  out.y.col(1) = series(r.consumption, t);
  if (e.capital.size() == n * n) out.y.col(2) = e.capital * series(r.capacity_additions, t + e.capital_lag);
  // The carried stock s_{T+1} exists only before the last year H (spec §2): else it is 0.
  out.y.col(3) = series(r.stock, t + 1) - series(r.stock, t);
  out.y.col(4) = series(r.exports, t) - series(r.imports, t);
  const Eigen::VectorXd x = series(r.output, t);
  out.y.col(5) = e.technical * (series(r.output, t + e.technical_lag) - x);
  const Eigen::VectorXd net = x - e.technical * x;
  out.y.col(6) = net - out.y.leftCols(6).rowwise().sum();
  return out;
}

}  // namespace planner::lp
