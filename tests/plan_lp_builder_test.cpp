// The shape of the §2 LP: which variables and rows exist, with which coefficients.
#include "planner/lp/plan_lp_builder.hpp"

#include <gtest/gtest.h>

#include "lp_test_plans.hpp"
#include "planner/model/error.hpp"

using namespace planner::lp;

namespace {
double coefficient(const LinearProgram& lp, const std::string& row, const std::string& col) {
  int i = *lp.row(row), j = *lp.column(col);
  for (int k = lp.a_start[j]; k < lp.a_start[j + 1]; ++k)
    if (lp.a_index[k] == i) return lp.a_value[k];
  return 0.0;
}
}  // namespace

TEST(PlanLpBuilder, WilliamsVariablesAndRowsFollowTheLags) {
  LinearProgram lp = build_plan_lp(planner::test::williams_plan()).lp;
  // x and s for t = 0…H = 6; e for t = max(1, ℓB) = 2 … T = 5.
  EXPECT_TRUE(lp.column("output[coal,6]"));
  EXPECT_TRUE(lp.column("stock[steel,6]"));
  EXPECT_FALSE(lp.column("capacity_addition[coal,1]"));
  EXPECT_TRUE(lp.column("capacity_addition[coal,2]"));
  EXPECT_TRUE(lp.column("capacity_addition[coal,5]"));
  EXPECT_FALSE(lp.column("capacity_addition[coal,6]"));
  // Balances t = 0…T (ℓA = 1: no year-H balance); capacity t = 1…H; labour t = 1…H.
  EXPECT_TRUE(lp.row("balance[coal,0]"));
  EXPECT_TRUE(lp.row("balance[coal,5]"));
  EXPECT_FALSE(lp.row("balance[coal,6]"));
  EXPECT_FALSE(lp.row("capacity[coal,0]"));
  EXPECT_TRUE(lp.row("capacity[coal,6]"));
  EXPECT_FALSE(lp.row("labour[0]"));  // only base-year output, which is data
  EXPECT_TRUE(lp.row("labour[6]"));
  EXPECT_TRUE(lp.row("terminal[transport]"));
  EXPECT_EQ(lp.num_col, 3 * 7 * 2 + 3 * 4);
  EXPECT_EQ(lp.num_row, 18 + 18 + 6 + 3);
  // balance[steel,1]: inputs for output in year 2, capacity effective in year 3.
  EXPECT_DOUBLE_EQ(coefficient(lp, "balance[steel,1]", "output[transport,2]"), -0.2);
  EXPECT_DOUBLE_EQ(coefficient(lp, "balance[steel,1]", "capacity_addition[coal,3]"), -0.1);
  EXPECT_DOUBLE_EQ(coefficient(lp, "balance[steel,1]", "stock[steel,2]"), -1.0);
  EXPECT_DOUBLE_EQ(coefficient(lp, "balance[steel,1]", "stock[steel,1]"), 1.0);
  EXPECT_DOUBLE_EQ(lp.row_lower[*lp.row("balance[steel,1]")], 60.0);
  EXPECT_DOUBLE_EQ(lp.row_lower[*lp.row("balance[steel,0]")], 0.0);  // demand years 1…5
  // labour[3]: 0.6 x[coal,3] + 0.4 e[coal,4]; capacity[coal,4] has e[coal,2..4].
  EXPECT_DOUBLE_EQ(coefficient(lp, "labour[3]", "output[coal,3]"), 0.6);
  EXPECT_DOUBLE_EQ(coefficient(lp, "labour[3]", "capacity_addition[coal,4]"), 0.4);
  EXPECT_DOUBLE_EQ(coefficient(lp, "capacity[coal,4]", "capacity_addition[coal,4]"), -1.0);
  EXPECT_DOUBLE_EQ(coefficient(lp, "capacity[coal,4]", "capacity_addition[coal,5]"), 0.0);
  EXPECT_NEAR(lp.row_lower[*lp.row("terminal[coal]")], 166.396761, 1e-6);
  EXPECT_DOUBLE_EQ(lp.offset, 930.0);
}

TEST(PlanLpBuilder, TerminalCapacityBoundAndSectorsWithoutCapacity) {
  planner::Plan p = planner::test::williams_plan();
  p.terminal_capacity_bound = false;
  p.economy.sectors[2].capacity.reset();
  LinearProgram lp = build_plan_lp(p).lp;
  EXPECT_TRUE(lp.row("capacity[coal,5]"));
  EXPECT_FALSE(lp.row("capacity[coal,6]"));
  EXPECT_FALSE(lp.row("capacity[transport,1]"));
  EXPECT_FALSE(lp.column("capacity_addition[transport,2]"));
}

TEST(PlanLpBuilder, DepreciationAndBaseYearResourceUse) {
  planner::Plan p = planner::test::corn_plan_with_labour(100.0);
  p.economy.sectors[0].depreciation = 0.25;
  p.economy.sectors[0].output = 3.0;
  p.economy.resources[0].per_output_lag = 1;  // labour in year t for output in year t+1
  p.economy.resources[0].per_output[0] = 2.0;
  LinearProgram lp = build_plan_lp(p).lp;
  // capacity[corn,2]: x2 − 0.75 e1 ≤ 4·0.75²
  EXPECT_DOUBLE_EQ(coefficient(lp, "capacity[corn,2]", "capacity_addition[corn,1]"), -0.75);
  EXPECT_DOUBLE_EQ(lp.row_upper[*lp.row("capacity[corn,2]")], 4.0 * 0.75 * 0.75);
  // labour[0] = 2·x1 (x0 would be year −1) → a row; the last row with a variable is labour[1] = 2·x2.
  EXPECT_DOUBLE_EQ(coefficient(lp, "labour[0]", "output[corn,1]"), 2.0);
  EXPECT_FALSE(lp.row("labour[2]"));
  p.economy.resources[0].per_output_lag = 0;
  LinearProgram lp0 = build_plan_lp(p).lp;
  EXPECT_FALSE(lp0.row("labour[0]"));  // 2·x̄ is data: no row
  EXPECT_DOUBLE_EQ(lp0.col_lower[*lp0.column("output[corn,0]")], 3.0);
  EXPECT_DOUBLE_EQ(lp0.col_upper[*lp0.column("stock[corn,0]")], 10.0);
}

TEST(PlanLpBuilder, TradeAndCurrencyBalance) {
  planner::Plan p = planner::test::corn_plan();
  p.economy.sectors[0].export_price = 2.0;
  p.economy.sectors[0].export_limit = 3.0;
  p.economy.sectors[0].import_price = 5.0;
  p.economy.credit = {1.5};
  LinearProgram lp = build_plan_lp(p).lp;
  EXPECT_FALSE(lp.column("export[corn,0]"));
  EXPECT_EQ(lp.col_upper[*lp.column("export[corn,1]")], 3.0);
  EXPECT_EQ(lp.col_upper[*lp.column("import[corn,1]")], kInf);
  EXPECT_DOUBLE_EQ(coefficient(lp, "balance[corn,1]", "export[corn,1]"), -1.0);
  EXPECT_DOUBLE_EQ(coefficient(lp, "balance[corn,1]", "import[corn,1]"), 1.0);
  EXPECT_DOUBLE_EQ(coefficient(lp, "currency[1]", "export[corn,1]"), 2.0);
  EXPECT_DOUBLE_EQ(coefficient(lp, "currency[1]", "import[corn,1]"), -5.0);
  EXPECT_DOUBLE_EQ(lp.row_lower[*lp.row("currency[1]")], -1.5);
}

TEST(PlanLpBuilder, TerminalYearBalanceWhenInputsAreSameYear) {
  planner::Plan p = planner::test::corn_plan();
  p.economy.technical_lag = 0;
  LinearProgram lp = build_plan_lp(p).lp;
  ASSERT_TRUE(lp.row("balance[corn,2]"));  // t = H with ℓA = 0; no stock carried out of H
  EXPECT_FALSE(lp.column("stock[corn,3]"));
  EXPECT_DOUBLE_EQ(coefficient(lp, "balance[corn,2]", "output[corn,2]"), 0.5);
}

TEST(PlanLpBuilder, DemandOverrideAppliesOnlyInDemandYearsAndNotToTheTerminal) {
  planner::Plan p = planner::test::corn_plan();
  p.demand_override = std::vector<double>{0.0};
  LinearProgram lp = build_plan_lp(p).lp;
  EXPECT_DOUBLE_EQ(lp.row_lower[*lp.row("balance[corn,1]")], 0.0);
  EXPECT_DOUBLE_EQ(lp.row_lower[*lp.row("terminal[corn]")], 2.0);  // x* from the model's own demand
}

TEST(PlanLpBuilder, BadDataIsBadInput) {
  planner::Plan p = planner::test::corn_plan();
  p.economy.technical(0, 0) = 1.0;  // I − A singular: no steady state
  try {
    build_plan_lp(p);
    FAIL();
  } catch (const planner::Error& e) {
    EXPECT_EQ(e.code(), planner::ExitCode::bad_input);
  }
  planner::Plan q = planner::test::corn_plan();
  q.objective.years = {7};
  q.objective.kind = planner::ObjectiveKind::max_output;
  EXPECT_THROW(build_plan_lp(q), planner::Error);
}
