#pragma once
// Solving a plan end to end: build the §2 LP, solve it (lexicographically when the plan has
// a `then` objective), read the result, and diagnose a plan with no optimum.
#include "planner/lp/diagnosis.hpp"
#include "planner/lp/plan_lp_builder.hpp"
#include "planner/lp/plan_result.hpp"

namespace planner::lp {

/// Solves `plan` with CLP. Infeasible/unbounded plans come back with a diagnosis, not an exception;
/// bad plan data throws Error (exit 2). A goal objective without `then` is followed by its
/// second stage (second_stage.hpp) unless the plan says second_stage = "none".
PlanResult solve_plan(const Plan& plan, const SolveOptions& options = {});

/// The same with another solver (tests hand in fakes or other back ends).
PlanResult solve_plan(const Plan& plan, const SolveOptions& options, const LpSolver& solver);

/// `lp` with `first` held at its optimum z (within tol·max(1,|z|)) as the row
/// `hold[<first kind>]`, and `second` as the objective.
LinearProgram hold_objective(const LinearProgram& lp, const LinearObjective& first, double z,
                             const LinearObjective& second, double tol = 1e-9);

}  // namespace planner::lp
