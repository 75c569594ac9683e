#include "planner/analysis/structural_decomposition.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "planner/analysis/leontief.hpp"
#include "planner/analysis/productivity.hpp"
#include "planner/model/error.hpp"

namespace planner::analysis {
namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

DecompositionEffects scaled_sum(const DecompositionEffects& a, const DecompositionEffects& b, double weight) {
  return {weight * (a.technology + b.technology), weight * (a.demand_level + b.demand_level),
          weight * (a.demand_mix + b.demand_mix), weight * (a.demand_structure + b.demand_structure)};
}

DecompositionEffects zero_effects(Index n) {
  return {VectorXd::Zero(n), VectorXd::Zero(n), VectorXd::Zero(n), VectorXd::Zero(n)};
}

void require_same_sectors(const Economy& e0, const Economy& e1) {
  const auto ids0 = e0.sector_ids(), ids1 = e1.sector_ids();
  if (ids1 == ids0) return;
  std::string detail;
  for (const auto& id : ids0)
    if (std::find(ids1.begin(), ids1.end(), id) == ids1.end()) { detail = fmt::format("sector \"{}\" of {} is missing", id, e0.file); break; }
  if (detail.empty())
    for (const auto& id : ids1)
      if (std::find(ids0.begin(), ids0.end(), id) == ids0.end()) { detail = fmt::format("it has sector \"{}\", which {} has not", id, e0.file); break; }
  if (detail.empty()) detail = "the sectors are in a different order";
  throw_bad_input(e1.file, "sector", "the two models must have the same sectors in the same order to be decomposed: " + detail);
}

/// A category whose entries cancel (|total| ≤ 1e-9 of their absolute sum, in either table: a
/// stock change up in one product and down in another) has no product shares; it is split, in
/// both tables, into its positive and its negative entries, "<id>+" and "<id>-", which have.
void split_cancelling(FinalDemandCategories& y0, FinalDemandCategories& y1) {
  auto cancels = [](const Eigen::VectorXd& c) {
    const double a = c.cwiseAbs().sum();
    return a > 0 && std::abs(c.sum()) <= 1e-9 * a;
  };
  FinalDemandCategories out0{{}, MatrixXd(y0.y.rows(), 0), y0.source}, out1{{}, MatrixXd(y1.y.rows(), 0), y1.source};
  auto append = [](FinalDemandCategories& t, const std::string& id, const VectorXd& col) {
    t.categories.push_back(id);
    t.y.conservativeResize(Eigen::NoChange, t.y.cols() + 1);
    t.y.col(t.y.cols() - 1) = col;
  };
  for (Index k = 0; k < y0.y.cols(); ++k) {
    const std::string& id = y0.categories[static_cast<std::size_t>(k)];
    const VectorXd c0 = y0.y.col(k), c1 = y1.y.col(k);
    if (!cancels(c0) && !cancels(c1)) {
      append(out0, id, c0);
      append(out1, id, c1);
      continue;
    }
    append(out0, id + "+", c0.cwiseMax(0.0));
    append(out1, id + "+", c1.cwiseMax(0.0));
    append(out0, id + "-", c0.cwiseMin(0.0));
    append(out1, id + "-", c1.cwiseMin(0.0));
  }
  y0 = std::move(out0);
  y1 = std::move(out1);
}

/// The two tables' factors y, d, B; a category whose total is 0 (to rounding) in one table
/// takes the other's product structure, one that is 0 in both is dropped.
void demand_factors(FinalDemandCategories y0, FinalDemandCategories y1, SdaFactors& f0, SdaFactors& f1,
                    std::vector<std::string>& categories) {
  for (const auto* t : {&y0, &y1})
    if (t->y.sum() == 0)
      throw_bad_input(t->source, "demand", "total final demand is 0: its mix and product structure (shares) are not defined");
  split_cancelling(y0, y1);
  f0.level = y0.y.sum();
  f1.level = y1.y.sum();
  const VectorXd c0 = y0.y.colwise().sum().transpose(), c1 = y1.y.colwise().sum().transpose();
  const double tiny0 = 1e-12 * y0.y.cwiseAbs().sum(), tiny1 = 1e-12 * y1.y.cwiseAbs().sum();
  std::vector<Index> kept;
  for (Index k = 0; k < c0.size(); ++k)
    if (std::abs(c0[k]) > tiny0 || std::abs(c1[k]) > tiny1) kept.push_back(k);
  const auto n = y0.y.rows(), m = static_cast<Index>(kept.size());
  f0.mix = f1.mix = VectorXd::Zero(m);
  f0.structure = f1.structure = MatrixXd::Zero(n, m);
  for (Index q = 0; q < m; ++q) {
    const Index k = kept[static_cast<std::size_t>(q)];
    categories.push_back(y0.categories[static_cast<std::size_t>(k)]);
    const bool has0 = std::abs(c0[k]) > tiny0, has1 = std::abs(c1[k]) > tiny1;
    f0.mix[q] = has0 ? c0[k] / f0.level : 0.0;
    f1.mix[q] = has1 ? c1[k] / f1.level : 0.0;
    const VectorXd b0 = has0 ? VectorXd(y0.y.col(k) / c0[k]) : VectorXd(y1.y.col(k) / c1[k]);
    const VectorXd b1 = has1 ? VectorXd(y1.y.col(k) / c1[k]) : b0;
    f0.structure.col(q) = b0;
    f1.structure.col(q) = b1;
  }
}

}  // namespace

DecompositionEffects decompose_in_order(const SdaFactors& f0, const SdaFactors& f1, const std::vector<int>& order) {
  bool switched[4] = {false, false, false, false};
  auto x = [&] {
    const MatrixXd& l = switched[0] ? f1.leontief : f0.leontief;
    const double y = switched[1] ? f1.level : f0.level;
    const VectorXd& d = switched[2] ? f1.mix : f0.mix;
    const MatrixXd& b = switched[3] ? f1.structure : f0.structure;
    return VectorXd(l * (b * (d * y)));
  };
  DecompositionEffects e;
  VectorXd before = x();
  for (int k : order) {
    switched[k] = true;
    VectorXd after = x();
    (k == 0 ? e.technology : k == 1 ? e.demand_level : k == 2 ? e.demand_mix : e.demand_structure) = after - before;
    before = std::move(after);
  }
  return e;
}

StructuralDecomposition structural_decomposition(const Economy& e0, const Economy& e1, bool all_orderings,
                                                 const FinalDemandCategories* y0, const FinalDemandCategories* y1) {
  StructuralDecomposition r;
  require_same_sectors(e0, e1);
  r.sectors = e0.sector_ids();
  const auto n = static_cast<Index>(r.sectors.size());
  FinalDemandCategories own0{{"final_demand"}, e0.demands(), e0.file}, own1{{"final_demand"}, e1.demands(), e1.file};
  if (!y0) y0 = &own0;
  if (!y1) y1 = &own1;
  if (y0->categories != y1->categories)
    throw_bad_input(y1->source, "", fmt::format("the final-demand categories must be the same in both tables ({} has {}, {} has {})",
                                                y0->source, fmt::join(y0->categories, ", "), y1->source,
                                                fmt::join(y1->categories, ", ")));
  require_productive(e0);
  require_productive(e1);
  SdaFactors f0, f1;
  f0.leontief = leontief_inverse(e0.technical);
  f1.leontief = leontief_inverse(e1.technical);
  demand_factors(*y0, *y1, f0, f1, r.categories);
  r.output_0 = f0.leontief * y0->y.rowwise().sum();
  r.output_1 = f1.leontief * y1->y.rowwise().sum();
  r.change = r.output_1 - r.output_0;
  r.polar_first = decompose_in_order(f0, f1, {0, 1, 2, 3});
  r.polar_last = decompose_in_order(f0, f1, {3, 2, 1, 0});
  r.all_orderings = all_orderings;
  if (!all_orderings) {
    r.average = scaled_sum(r.polar_first, r.polar_last, 0.5);
    return r;
  }
  std::vector<int> order{0, 1, 2, 3};
  DecompositionEffects sum = zero_effects(n);
  int count = 0;
  do {
    sum = scaled_sum(sum, decompose_in_order(f0, f1, order), 1.0);
    ++count;
  } while (std::next_permutation(order.begin(), order.end()));
  r.average = scaled_sum(sum, zero_effects(n), 1.0 / count);
  return r;
}

}  // namespace planner::analysis
