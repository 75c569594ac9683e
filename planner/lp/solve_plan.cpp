#include "planner/lp/solve_plan.hpp"

#include <cmath>

#include "planner/lp/clp_solver.hpp"
#include "planner/lp/leontief_crash.hpp"

namespace planner::lp {
namespace {

PlanResult without_optimum(const Plan& plan, const PlanLp& plan_lp, const LpSolution& s, const LpSolver& solver,
                           const SolveOptions& options) {
  PlanResult r;
  r.solver_status = s.status;
  r.objective_kind = plan_lp.objective.kind;
  if (plan_lp.then) r.then_kind = plan_lp.then->kind;
  for (int t = 0; t <= plan.horizon(); ++t) r.years.push_back(t);
  if (s.status == SolveStatus::infeasible || s.status == SolveStatus::unbounded) {
    // The elastic re-solve first: a solver may call an infeasible LP "unbounded" (dual infeasible).
    Diagnosis d = diagnose_infeasible(plan, plan_lp.lp, solver, options);
    if (d.status != "infeasible" && s.status == SolveStatus::unbounded) d = diagnose_unbounded(plan, plan_lp.lp, solver, options);
    r.status = d.status == "infeasible" || d.status == "unbounded" ? d.status : "error";
    if (r.status == "error") r.message = d.summary;
    r.diagnosis = d;
  } else if (s.status == SolveStatus::iteration_limit) {
    // A limit is not a verdict on the plan: no diagnosis (it would hit the same limit).
    r.status = "iteration-limit";
    r.message = "the solver stopped before an optimum: " + s.message;
  } else {
    r.status = "error";
    r.message = "the solver stopped without an answer: " + s.message;
  }
  return r;
}

}  // namespace

LinearProgram hold_objective(const LinearProgram& lp, const LinearObjective& first, double z,
                             const LinearObjective& second) {
  LpBuilder b(lp);
  std::vector<Term> terms;
  for (std::size_t j = 0; j < first.cost.size(); ++j)
    if (first.cost[j] != 0.0) terms.push_back({static_cast<int>(j), first.cost[j]});
  // Constant terms are not in the row: hold Σ c x (= z − offset) at its optimum, with a
  // tolerance so the second stage is not made infeasible by the solver's rounding.
  const double target = z - first.offset, tol = 1e-9 * std::max(1.0, std::fabs(z));
  if (first.sense == Sense::maximise) b.add_row("hold[" + first.kind + "]", terms, target - tol, kInf);
  else b.add_row("hold[" + first.kind + "]", terms, -kInf, target + tol);
  b.clear_objective();
  b.set_sense(second.sense);
  b.set_offset(second.offset);
  for (std::size_t j = 0; j < second.cost.size(); ++j) b.add_cost(static_cast<int>(j), second.cost[j]);
  return b.build();
}

PlanResult solve_plan(const Plan& plan, const SolveOptions& options) {
  return solve_plan(plan, options, [](const LinearProgram& lp, const SolveOptions& o) { return solve_with_clp(lp, o); });
}

PlanResult solve_plan(const Plan& plan, const SolveOptions& options, const LpSolver& given) {
  // An optimal answer that fails its accuracy check (solution_check.hpp) is solved once more without presolve.
  const LpSolver solver = retry_when_inaccurate(given);
  PlanLp plan_lp = build_plan_lp(plan);
  SolveOptions first_options = options;
  if (use_crash(options.crash, plan_lp.lp.num_row))  // the solver uses it only where it runs the primal simplex
    first_options.start = std::make_shared<StartingBasis>(leontief_crash_basis(plan, plan_lp));
  LpSolution first = solver(plan_lp.lp, first_options);
  if (first.status != SolveStatus::optimal) return without_optimum(plan, plan_lp, first, solver, options);
  if (!plan_lp.then) return read_plan_result(plan, plan_lp, plan_lp.lp, first);

  LinearProgram second_lp = hold_objective(plan_lp.lp, plan_lp.objective, first.objective, *plan_lp.then);
  LpSolution second = solver(second_lp, options);
  if (second.status != SolveStatus::optimal) {
    // Holding the first optimum cannot make the plan infeasible; an unbounded second stage can happen.
    PlanResult r = without_optimum(plan, plan_lp, second, solver, options);
    if (second.status == SolveStatus::unbounded) {
      r.status = "unbounded";
      r.diagnosis = diagnose_unbounded(plan, second_lp, solver, options);
    }
    return r;
  }
  PlanResult r = read_plan_result(plan, plan_lp, second_lp, second);
  return r;
}

}  // namespace planner::lp
