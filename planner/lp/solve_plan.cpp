#include "planner/lp/memory_estimate.hpp"
#include "planner/lp/solve_plan.hpp"

#include <algorithm>
#include <cmath>

#include "planner/lp/clp_solver.hpp"
#include "planner/lp/leontief_crash.hpp"
#include "planner/lp/second_stage.hpp"

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

// Replaces `r`'s quantities by the second stage's (second_stage.hpp); its shadow prices and
// shortfalls stay the first stage's. The stages hold the optimum within 1e-12 (relative), and
// within 1e-9 when rounding makes that infeasible; a stage that still fails leaves the first
// vertex and says why.
void run_second_stage(const Plan& plan, const PlanLp& plan_lp, const LpSolution& first, const LpSolver& solver,
                      const SolveOptions& options, PlanResult& r) {
  std::string failed;
  for (double tol : {1e-12, 1e-9}) {
    const LinearProgram held = held_first_stage(plan_lp, first.objective, tol);
    std::optional<LinearProgram> floor_lp = floor_stage(plan, plan_lp, held);
    std::optional<double> mu;
    std::vector<BindingRow> floor_binding;
    if (floor_lp) {
      LpSolution s = solver(*floor_lp, options);
      if (s.status != SolveStatus::optimal) {
        failed = "the second stage's floor did not solve (" + to_string(s.status) + ")";
        continue;
      }
      mu = s.objective;
      for (int i = 0; i < floor_lp->num_row; ++i) {
        const std::string& row = floor_lp->row_names[i];
        const double price = shadow_price(*floor_lp, s, i);
        if (std::fabs(price) > 1e-9 && row.rfind("second_stage_floor[", 0) != 0 && is_binding(*floor_lp, s, i))
          floor_binding.push_back({row, price});
      }
      std::stable_sort(floor_binding.begin(), floor_binding.end(), [](const BindingRow& a, const BindingRow& b) {
        return std::fabs(a.shadow_price) > std::fabs(b.shadow_price);
      });
    }
    const LinearProgram size_lp = size_stage(plan, plan_lp, floor_lp ? *floor_lp : held, mu, tol);
    LpSolution s = solver(size_lp, options);
    if (s.status != SolveStatus::optimal) {
      failed = "the second stage did not solve (" + to_string(s.status) + ")";
      continue;
    }
    PlanResult sized = read_plan_result(plan, plan_lp, size_lp, s);
    r.output = std::move(sized.output);
    r.capacity = std::move(sized.capacity);
    r.capacity_additions = std::move(sized.capacity_additions);
    r.stock = std::move(sized.stock);
    r.exports = std::move(sized.exports);
    r.imports = std::move(sized.imports);
    r.consumption = std::move(sized.consumption);
    r.resource_use = std::move(sized.resource_use);
    r.activity = std::move(sized.activity);
    r.second_stage = to_string(plan.second_stage);
    r.second_stage_growth = mu;
    r.second_stage_binding = std::move(floor_binding);
    return;
  }
  r.second_stage_note = failed + ": quantities are the first stage's vertex";
}

}  // namespace

LinearProgram hold_objective(const LinearProgram& lp, const LinearObjective& first, double z,
                             const LinearObjective& second, double tol) {
  LpBuilder b(lp);
  std::vector<Term> terms;
  for (std::size_t j = 0; j < first.cost.size(); ++j)
    if (first.cost[j] != 0.0) terms.push_back({static_cast<int>(j), first.cost[j]});
  // Constant terms are not in the row: hold Σ c x (= z − offset) at its optimum, with a
  // tolerance so the second stage is not made infeasible by the solver's rounding.
  const double target = z - first.offset, slack = tol * std::max(1.0, std::fabs(z));
  if (first.sense == Sense::maximise) b.add_row("hold[" + first.kind + "]", terms, target - slack, kInf);
  else b.add_row("hold[" + first.kind + "]", terms, -kInf, target + slack);
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
  check_memory(plan_lp.lp, options, plan.file);  // exit 2 before the solver starts, not an out-of-memory kill
  SolveOptions first_options = options;
  if (use_crash(options.crash, plan_lp.lp.num_row))  // the solver uses it only where it runs the primal simplex
    first_options.start = std::make_shared<StartingBasis>(leontief_crash_basis(plan, plan_lp));
  LpSolution first = solver(plan_lp.lp, first_options);
  if (first.status != SolveStatus::optimal) return without_optimum(plan, plan_lp, first, solver, options);
  if (!plan_lp.then) {
    PlanResult r = read_plan_result(plan, plan_lp, plan_lp.lp, first);
    if (has_second_stage(plan)) run_second_stage(plan, plan_lp, first, solver, options, r);
    return r;
  }

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
