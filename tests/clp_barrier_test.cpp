// The interior point (clp_barrier.hpp): CLP's barrier with CHOLMOD for its normal equations, then
// crossover. Checked against the dual simplex on the same LPs, by the KKT conditions from the
// LP's own arrays, and for what a solve owes its caller (limits, progress, infeasible plans).
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "generated_plan.hpp"
#include "lp_test_plans.hpp"
#include "planner/lp/clp_solver.hpp"
#include "planner/lp/plan_lp_builder.hpp"
#include "planner/lp/solution_check.hpp"

using namespace planner;
using namespace planner::lp;

namespace {

SolveOptions barrier(bool presolve = true) {
  SolveOptions o;
  o.algorithm = Algorithm::barrier;
  o.presolve = presolve;
  return o;
}

}  // namespace

// 80 sectors, 1,046 rows × 1,440 columns: the same optimum as the dual simplex (relative 1e-9),
// with and without presolve, and a solution that passes the KKT check on its own (1e-9 scaled).
TEST(ClpBarrier, GivesTheDualSimplexOptimumAndAKktPoint) {
  const PlanLp built = build_plan_lp(test::generated_plan(80, 5));
  SolveOptions dual;
  dual.algorithm = Algorithm::dual;
  const LpSolution reference = solve_with_clp(built.lp, dual);
  ASSERT_EQ(reference.status, SolveStatus::optimal);
  for (bool presolve : {true, false}) {
    const LpSolution s = solve_with_clp(built.lp, barrier(presolve));
    ASSERT_EQ(s.status, SolveStatus::optimal) << s.message;
    EXPECT_NEAR(s.objective, reference.objective, 1e-9 * std::abs(reference.objective)) << presolve;
    const SolutionCheck check = check_solution(built.lp, s);
    EXPECT_TRUE(check.ok) << "presolve " << presolve << ": worst scaled residual " << check.worst();
    EXPECT_LE(check.worst(), 1e-9);
  }
}

// A unique vertex with unique duals, which the crossover must land on exactly.
TEST(ClpBarrier, CrossesOverToTheVertexAndItsDuals) {
  const LpSolution s = solve_with_clp(test::two_variable_lp(), barrier(false));
  ASSERT_EQ(s.status, SolveStatus::optimal);
  EXPECT_NEAR(s.col_value[0], 3.0, 1e-9);
  EXPECT_NEAR(s.col_value[1], 1.0, 1e-9);
  EXPECT_NEAR(s.row_dual[0], 2.0, 1e-9);
  EXPECT_NEAR(s.row_dual[1], 1.0, 1e-9);
}

// An interior point cannot tell "infeasible" from "unbounded" by itself; the simplex that
// finishes such a solve must, as it does for every other method.
TEST(ClpBarrier, InfeasibleAndUnboundedAreClassified) {
  for (bool presolve : {true, false}) {
    LpBuilder b;
    int x = b.add_variable("x", 0, kInf, 1);
    int y = b.add_variable("y", 0, kInf, 1);
    b.add_row("low", {{x, 1}, {y, 1}}, -kInf, 1);
    b.add_row("high", {{x, 1}, {y, 2}}, 3, kInf);
    EXPECT_EQ(solve_with_clp(b.build(), barrier(presolve)).status, SolveStatus::infeasible) << presolve;
    LpBuilder u;
    int v = u.add_variable("x", 0, kInf, 1);
    int w = u.add_variable("y", 0, kInf, 1);
    u.add_row("mix", {{v, 1}, {w, -1}}, -kInf, 1);
    u.set_sense(Sense::maximise);
    EXPECT_EQ(solve_with_clp(u.build(), barrier(presolve)).status, SolveStatus::unbounded) << presolve;
  }
}

// The same LP twice gives the same bytes (threaded BLAS must not make results drift); progress
// comes as interior-point steps, then the crossover's simplex iterations, and changes nothing.
TEST(ClpBarrier, IsRepeatableAndReportsItsSteps) {
  const PlanLp built = build_plan_lp(test::generated_plan(80, 5));
  const LpSolution quiet = solve_with_clp(built.lp, barrier());
  ASSERT_EQ(quiet.status, SolveStatus::optimal);

  std::vector<SolveProgress> reports;
  SolveOptions options = barrier();
  options.progress = [&](const SolveProgress& p) { reports.push_back(p); };
  options.progress_interval = 0.0;
  const LpSolution watched = solve_with_clp(built.lp, options);
  ASSERT_EQ(watched.status, SolveStatus::optimal);
  EXPECT_EQ(watched.col_value, quiet.col_value);
  EXPECT_EQ(watched.row_dual, quiet.row_dual);
  EXPECT_EQ(watched.iterations, quiet.iterations);

  int steps = 0, last_step = -1;
  for (const SolveProgress& p : reports) {
    EXPECT_EQ(p.rows, built.lp.num_row);
    EXPECT_EQ(p.columns, built.lp.num_col);
    if (!p.interior_point) continue;
    ++steps;
    EXPECT_GT(p.iterations, last_step);  // one report a step, in order
    last_step = p.iterations;
  }
  EXPECT_GE(steps, 5);   // an interior point on this LP takes 15–40 steps
  EXPECT_LE(steps, 200);
}

// A time limit stops the interior point between steps: the solve ends at the limit, not optimal.
TEST(ClpBarrier, StopsAtTheTimeLimit) {
  const PlanLp built = build_plan_lp(test::generated_plan(80, 5));
  SolveOptions o = barrier();
  o.time_limit = 1e-9;
  const LpSolution s = solve_with_clp(built.lp, o);
  EXPECT_EQ(s.status, SolveStatus::iteration_limit);
  EXPECT_NE(s.message.find("time limit"), std::string::npos) << s.message;
}
