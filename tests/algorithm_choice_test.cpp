// The default method (`by-size`): the dual simplex for small LPs, the primal simplex with
// partial pricing from kLargeLpRows rows on, the interior point from kBarrierLpRows (issue #5,
// docs/performance.md). Whatever runs, the
// answer must be the same optimum, checked from the LP's own arrays.
#include <gtest/gtest.h>

#include "generated_plan.hpp"
#include "planner/lp/clp_solver.hpp"
#include "planner/lp/leontief_crash.hpp"
#include "planner/lp/plan_lp_builder.hpp"
#include "planner/lp/solution_check.hpp"
#include "planner/lp/solve_plan.hpp"

#include <set>

using namespace planner;
using namespace planner::lp;

using planner::test::generated_plan;

TEST(AlgorithmChoice, BySizeRunsTheDualThenThePrimalThenTheInteriorPoint) {
  EXPECT_EQ(resolve(Algorithm::by_size, kLargeLpRows - 1), Algorithm::dual);
  EXPECT_EQ(resolve(Algorithm::by_size, kLargeLpRows), Algorithm::primal);
  EXPECT_EQ(resolve(Algorithm::by_size, kBarrierLpRows - 1), Algorithm::primal);
  EXPECT_EQ(resolve(Algorithm::by_size, kBarrierLpRows), Algorithm::barrier);
  EXPECT_EQ(resolve(Algorithm::by_size, 26'006), Algorithm::barrier);  // n = 2,000 sectors
  for (Algorithm a : {Algorithm::dual, Algorithm::primal, Algorithm::barrier, Algorithm::automatic}) {
    EXPECT_EQ(resolve(a, 10), a);
    EXPECT_EQ(resolve(a, 100'000), a);
  }
  EXPECT_EQ(SolveOptions{}.algorithm, Algorithm::by_size);
  EXPECT_EQ(to_string(Algorithm::by_size), "by-size");
}

// 80 sectors: 13·80 + 6 = 1,046 rows, so the default runs the primal simplex. Its optimum must
// equal the dual simplex's (relative 1e-9) and pass the KKT check on its own.
TEST(AlgorithmChoice, ALargePlanGetsTheSameOptimumFromEveryMethod) {
  const PlanLp built = build_plan_lp(generated_plan(80, 5));
  ASSERT_GE(built.lp.num_row, kLargeLpRows);
  SolveOptions by_size, dual;
  dual.algorithm = Algorithm::dual;
  const LpSolution a = solve_with_clp(built.lp, by_size);
  const LpSolution b = solve_with_clp(built.lp, dual);
  ASSERT_EQ(a.status, SolveStatus::optimal) << a.message;
  ASSERT_EQ(b.status, SolveStatus::optimal) << b.message;
  EXPECT_NEAR(a.objective, b.objective, 1e-9 * std::abs(b.objective));
  const SolutionCheck check = check_solution(built.lp, a);
  EXPECT_TRUE(check.ok) << "worst scaled residual " << check.worst();
  EXPECT_LE(check.worst(), 1e-9);
}

// The crash basis pairs output x[i,1…5] with balance (i,t), x[i,6] with terminal[i] and s[i,1]
// with balance (i,0): 7 pairs per sector, every column and row at most once.
TEST(LeontiefCrash, PairsEachSectorsOutputWithItsBalances) {
  const Plan plan = generated_plan(80, 5);
  const PlanLp built = build_plan_lp(plan);
  const StartingBasis basis = leontief_crash_basis(plan, built);
  EXPECT_EQ(basis.num_row, built.lp.num_row);
  EXPECT_EQ(basis.num_col, built.lp.num_col);
  ASSERT_EQ(basis.basic.size(), 7u * 80u);
  std::set<int> columns, rows;
  for (const auto& [c, r] : basis.basic) {
    EXPECT_TRUE(columns.insert(c).second) << built.lp.col_names[static_cast<std::size_t>(c)];
    EXPECT_TRUE(rows.insert(r).second) << built.lp.row_names[static_cast<std::size_t>(r)];
  }
  const auto col = [&](const char* name) { return *built.lp.column(name); };
  const auto row = [&](const char* name) { return *built.lp.row(name); };
  const std::vector<std::pair<int, int>>& b = basis.basic;
  for (auto expected : {std::pair{col("output[s7,3]"), row("balance[s7,3]")}, std::pair{col("output[s7,6]"), row("terminal[s7]")},
                        std::pair{col("stock[s7,1]"), row("balance[s7,0]")}})
    EXPECT_NE(std::find(b.begin(), b.end(), expected), b.end());
}

// By default the crash basis is used below 10,000 rows (measured faster up to n = 500 sectors,
// 6,506 rows; no gain at 13,006); `on` and `off` hold at any size.
TEST(LeontiefCrash, ByDefaultOnlyBelowTenThousandRows) {
  EXPECT_EQ(SolveOptions{}.crash, Crash::by_size);
  EXPECT_TRUE(use_crash(Crash::by_size, 1306));
  EXPECT_TRUE(use_crash(Crash::by_size, 9999));
  EXPECT_FALSE(use_crash(Crash::by_size, 10000));
  EXPECT_FALSE(use_crash(Crash::by_size, 13006));
  EXPECT_TRUE(use_crash(Crash::on, 13006));
  EXPECT_FALSE(use_crash(Crash::off, 1306));
}

// Starting from the crash basis or from the slack basis, the primal simplex reaches the same
// optimum (relative 1e-9), and the crash answer passes the KKT check.
TEST(LeontiefCrash, GivesTheSameOptimumAsTheSlackStart) {
  const Plan plan = generated_plan(80, 7);
  SolveOptions with, without;
  with.crash = Crash::on;
  without.crash = Crash::off;
  const PlanResult a = solve_plan(plan, with);
  const PlanResult b = solve_plan(plan, without);
  ASSERT_EQ(a.status, "optimal");
  ASSERT_EQ(b.status, "optimal");
  EXPECT_NEAR(*a.objective, *b.objective, 1e-9 * std::abs(*b.objective));
  ASSERT_TRUE(a.accuracy.has_value());
  EXPECT_TRUE(a.accuracy->ok) << "worst scaled residual " << a.accuracy->worst();
}
