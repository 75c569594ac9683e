#pragma once
// Per-product frontiers (issue #17). max-fulfilment's λ* says how much of the goals is feasible
// together, but every goal sits at exactly λ*·goal, so it says nothing of any one product. The
// frontier of a product is the most of it reachable in its year with every goal of a
// max-fulfilment plan held at a level (λ* for the plan's goals; for the history test the
// recorded actuals, held at min(1, θ*)): one LP, λ fixed, re-solved once per product with only
// the objective changed, each solve warm from the previous basis.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "planner/lp/diagnosis.hpp"
#include "planner/lp/lp_solution.hpp"
#include "planner/lp/plan_lp_builder.hpp"
#include "planner/model/plan.hpp"

namespace planner::lp {

/// A product whose frontier is asked: Σ_j weight·x[j,year] (one sector, or a weighted group).
struct FrontierProduct {
  std::string id;
  std::vector<std::pair<std::size_t, double>> weights;  ///< (sector index, weight)
  int year = 0;                                         ///< plan year 1…T
};

/// One product's frontier: its value, or why there is none.
struct FrontierValue {
  std::string status = "error";   ///< "optimal", "unbounded", "infeasible", "error"
  std::optional<double> value;    ///< set when optimal
};

/// The frontier of each product in the max-fulfilment plan `plan` with λ held at `level`.
/// Uses CLP, warm-started between products.
std::vector<FrontierValue> fulfilment_frontier(const Plan& plan, double level, const std::vector<FrontierProduct>& products,
                                               const SolveOptions& options = {});

/// The frontier of each product over `lp` (the plan's LP with what must be held), whose output
/// columns are `columns`: one re-solve per product with only the objective changed.
std::vector<FrontierValue> lp_frontier(const Plan& plan, const PlanColumns& columns, const LinearProgram& lp,
                                       const std::vector<FrontierProduct>& products, const SolveOptions& options,
                                       const LpSolver& solver);

/// The same with another solver (tests hand in a plain cold solve to compare with).
std::vector<FrontierValue> fulfilment_frontier(const Plan& plan, double level, const std::vector<FrontierProduct>& products,
                                               const SolveOptions& options, const LpSolver& solver);

}  // namespace planner::lp
