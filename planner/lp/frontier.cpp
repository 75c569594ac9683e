#include "planner/lp/frontier.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "planner/lp/clp_solver.hpp"
#include "planner/lp/plan_lp_builder.hpp"
#include "planner/model/error.hpp"

namespace planner::lp {

std::vector<FrontierValue> fulfilment_frontier(const Plan& plan, double level, const std::vector<FrontierProduct>& products,
                                               const SolveOptions& options) {
  // One CLP model for every product: the LPs differ only in their costs, so each solve starts
  // from the previous product's optimal basis.
  auto warm = std::make_shared<ClpWarmSolver>();
  return fulfilment_frontier(plan, level, products, options,
                             [warm](const LinearProgram& lp, const SolveOptions& o) { return warm->solve(lp, o); });
}

std::vector<FrontierValue> lp_frontier(const Plan& plan, const PlanColumns& columns, const LinearProgram& lp,
                                       const std::vector<FrontierProduct>& products, const SolveOptions& options,
                                       const LpSolver& solver) {
  LpBuilder b(lp);
  b.set_sense(Sense::maximise);
  // Only the costs change between products: the primal simplex resumes from the last basis.
  SolveOptions o = options;
  if (o.algorithm == Algorithm::by_size) o.algorithm = Algorithm::primal;
  std::vector<FrontierValue> out;
  for (const FrontierProduct& p : products) {
    b.clear_objective();
    for (const auto& [j, w] : p.weights) {
      if (j >= plan.economy.size() || p.year < 1 || p.year > plan.horizon())
        throw Error(ExitCode::bad_input, plan.file, p.id, fmt::format("no output of \"{}\" in plan year {}", p.id, p.year));
      b.add_cost(columns.output[j][static_cast<std::size_t>(p.year)], w);
    }
    LpSolution s = solver(b.build(), o);
    FrontierValue v;
    v.status = s.status == SolveStatus::optimal      ? "optimal"
               : s.status == SolveStatus::unbounded  ? "unbounded"
               : s.status == SolveStatus::infeasible ? "infeasible"
                                                     : "error";
    if (s.status == SolveStatus::optimal) v.value = s.objective;
    out.push_back(v);
  }
  return out;
}

std::vector<FrontierValue> fulfilment_frontier(const Plan& plan, double level, const std::vector<FrontierProduct>& products,
                                               const SolveOptions& options, const LpSolver& solver) {
  if (plan.objective.kind != ObjectiveKind::max_fulfilment || plan.then)
    throw std::logic_error("fulfilment_frontier: the plan must be a max-fulfilment plan without `then`");
  PlanLp plan_lp = build_plan_lp(plan);
  LpBuilder b(plan_lp.lp);
  // λ fixed a hair (1e-12) below the level: the first solve's λ* may sit a rounding error above what holds.
  const double held = level - 1e-12 * std::max(1.0, std::fabs(level));
  b.set_bounds(plan_lp.columns.lambda, held, held);
  return lp_frontier(plan, plan_lp.columns, b.build(), products, options, solver);
}

}  // namespace planner::lp
