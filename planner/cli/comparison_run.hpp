#pragma once
// What `planner compare` and `planner frontier` share: the comparison's solvers under the
// command line's limits, with the progress line, and a solver limit turned into exit 4.
#include "planner/cli/progress.hpp"
#include "planner/cli/solver_options.hpp"
#include "planner/lp/solve_plan.hpp"
#include "planner/model/error.hpp"
#include "planner/report/comparison.hpp"
#include "planner/report/comparison_solve.hpp"

namespace planner::cli {

/// Comparison options whose every solve runs under `solve_options`: the plan solver (the
/// first limit reached stops the comparison, exit 4), frontiers and the history test unless
/// switched off.
inline PlanSolver comparison_solver(const lp::SolveOptions& solve_options) {
  return [solve_options](const Plan& plan) {
    lp::SolveOptions lp_options = solve_options;
    lp::PlanResult r;
    {
      SolveProgressLine line(lp_options);
      r = lp::solve_plan(plan, lp_options);
    }
    if (r.status == "iteration-limit") throw Error(ExitCode::solver_failure, plan.file, "", limit_advice(r.message));
    return summarise(plan, r);
  };
}

}  // namespace planner::cli
