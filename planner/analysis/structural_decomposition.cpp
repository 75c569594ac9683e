#include "planner/analysis/structural_decomposition.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "planner/analysis/leontief.hpp"
#include "planner/analysis/productivity.hpp"
#include "planner/model/error.hpp"

namespace planner::analysis {
namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

DecompositionEffects scaled_sum(const DecompositionEffects& a, const DecompositionEffects& b, double weight) {
  return {weight * (a.technology + b.technology), weight * (a.demand_level + b.demand_level),
          weight * (a.demand_structure + b.demand_structure)};
}

}  // namespace

DecompositionEffects decompose_in_order(const MatrixXd& l0, double level0, const VectorXd& s0, const MatrixXd& l1,
                                        double level1, const VectorXd& s1, const std::vector<int>& order) {
  bool switched[3] = {false, false, false};
  auto x = [&] {
    const MatrixXd& l = switched[0] ? l1 : l0;
    return VectorXd(l * ((switched[1] ? level1 : level0) * (switched[2] ? s1 : s0)));
  };
  DecompositionEffects d;
  VectorXd before = x();
  for (int k : order) {
    switched[k] = true;
    VectorXd after = x();
    (k == 0 ? d.technology : k == 1 ? d.demand_level : d.demand_structure) = after - before;
    before = std::move(after);
  }
  return d;
}

StructuralDecomposition structural_decomposition(const Economy& e0, const Economy& e1, bool all_orderings) {
  StructuralDecomposition r;
  r.sectors = e0.sector_ids();
  const auto ids1 = e1.sector_ids();
  if (ids1 != r.sectors) {
    std::string detail;
    for (const auto& id : r.sectors)
      if (std::find(ids1.begin(), ids1.end(), id) == ids1.end()) { detail = fmt::format("sector \"{}\" of {} is missing", id, e0.file); break; }
    if (detail.empty())
      for (const auto& id : ids1)
        if (std::find(r.sectors.begin(), r.sectors.end(), id) == r.sectors.end()) { detail = fmt::format("it has sector \"{}\", which {} has not", id, e0.file); break; }
    if (detail.empty()) detail = "the sectors are in a different order";
    throw_bad_input(e1.file, "sector", "the two models must have the same sectors in the same order to be decomposed: " + detail);
  }
  require_productive(e0);
  require_productive(e1);
  const MatrixXd l0 = leontief_inverse(e0.technical), l1 = leontief_inverse(e1.technical);
  const VectorXd f0 = e0.demands(), f1 = e1.demands();
  const double level0 = f0.sum(), level1 = f1.sum();
  if (level0 == 0 || level1 == 0)
    throw_bad_input(level0 == 0 ? e0.file : e1.file, "demand",
                    "total final demand is 0: its product structure (shares f / Σf) is not defined");
  const VectorXd s0 = f0 / level0, s1 = f1 / level1;
  r.output_0 = l0 * f0;
  r.output_1 = l1 * f1;
  r.change = r.output_1 - r.output_0;
  r.polar_first = decompose_in_order(l0, level0, s0, l1, level1, s1, {0, 1, 2});
  r.polar_last = decompose_in_order(l0, level0, s0, l1, level1, s1, {2, 1, 0});
  r.all_orderings = all_orderings;
  if (!all_orderings) {
    r.average = scaled_sum(r.polar_first, r.polar_last, 0.5);
    return r;
  }
  std::vector<int> order{0, 1, 2};
  const auto n = static_cast<Eigen::Index>(r.sectors.size());
  DecompositionEffects sum{VectorXd::Zero(n), VectorXd::Zero(n), VectorXd::Zero(n)};
  int count = 0;
  do {
    sum = scaled_sum(sum, decompose_in_order(l0, level0, s0, l1, level1, s1, order), 1.0);
    ++count;
  } while (std::next_permutation(order.begin(), order.end()));
  r.average = scaled_sum(sum, {VectorXd::Zero(n), VectorXd::Zero(n), VectorXd::Zero(n)}, 1.0 / count);
  return r;
}

}  // namespace planner::analysis
