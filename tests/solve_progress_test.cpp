// SolveOptions::progress: a long solve reports how it goes (the CLI draws a line from it).
// Reports come from CLP's event handler, inside the presolved model too; they must not change
// the solve.
#include <gtest/gtest.h>

#include <vector>

#include "generated_plan.hpp"
#include "planner/lp/clp_solver.hpp"
#include "planner/lp/plan_lp_builder.hpp"

using namespace planner;
using namespace planner::lp;

TEST(SolveProgress, ReportsIterationsAndTimeWithoutChangingTheSolve) {
  const PlanLp built = build_plan_lp(test::generated_plan(80, 5));  // 1,046 rows: presolve, then the primal simplex
  const LpSolution quiet = solve_with_clp(built.lp, SolveOptions{});
  ASSERT_EQ(quiet.status, SolveStatus::optimal);

  std::vector<SolveProgress> reports;
  SolveOptions options;
  options.progress = [&](const SolveProgress& p) { reports.push_back(p); };
  options.progress_interval = 0.0;  // every iteration
  const LpSolution watched = solve_with_clp(built.lp, options);
  ASSERT_EQ(watched.status, SolveStatus::optimal);
  EXPECT_EQ(watched.iterations, quiet.iterations);
  EXPECT_EQ(watched.objective, quiet.objective);
  EXPECT_EQ(watched.col_value, quiet.col_value);

  // One report an iteration, of the LP as built, in time order; the iterations climb to the
  // solve's count (the presolved LP's, then the clean-up's, if any, from there).
  ASSERT_GE(reports.size(), static_cast<std::size_t>(quiet.iterations) / 2);
  int most = 0;
  for (std::size_t k = 0; k < reports.size(); ++k) {
    EXPECT_EQ(reports[k].rows, built.lp.num_row);
    EXPECT_EQ(reports[k].columns, built.lp.num_col);
    EXPECT_GE(reports[k].iterations, 0);
    if (k > 0) {
      EXPECT_GE(reports[k].seconds, reports[k - 1].seconds);
    }
    most = std::max(most, reports[k].iterations);
  }
  EXPECT_LE(most, watched.iterations);
  EXPECT_GE(most, watched.iterations - 1);

  // The first report waits one interval: a solve shorter than it reports nothing.
  int calls = 0;
  options.progress = [&](const SolveProgress&) { ++calls; };
  options.progress_interval = 3600.0;
  EXPECT_EQ(solve_with_clp(built.lp, options).iterations, quiet.iterations);
  EXPECT_EQ(calls, 0);
}
