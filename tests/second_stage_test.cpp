// planner/lp/second_stage: the two-sector oracle (two_sector_dynamic.hpp), solved by hand.
//   Stage 1: max λ with x_a ≥ 25λ; fuel 2x_a ≤ 40 gives x_a ≤ 20, so λ* = 0.8. b has no goal,
//            so the optimal vertex may leave x_b anywhere in [0, 20].
//   Floor:   λ ≥ 0.8 holds x_a ≥ 20; labour x_a + 2x_b ≤ 60 leaves x_b ≤ 20 = 1.0·x̄_b: μ* = 1.
//            μ(λ) = (60 − 25λ)/(2·20), so giving up one unit of λ lifts μ by 25/40 = 0.625 (the
//            hold row's shadow price) and one more man-year lifts it by 1/40 = 0.025.
//   Size:    max x_a/10 + x_b/20 with x_a ≤ 20 (fuel) and x_b ≥ 20: x = (20, 20).
#include "planner/lp/second_stage.hpp"

#include <gtest/gtest.h>

#include "expect_error.hpp"
#include "planner/lp/solve_plan.hpp"
#include "two_sector_dynamic.hpp"

namespace planner {
namespace {

double price_of(const std::vector<lp::BindingRow>& rows, const std::string& row) {
  for (const auto& b : rows)
    if (b.row == row) return b.shadow_price;
  return 0.0;
}

TEST(SecondStage, TwoSectorOracleByHand) {
  const Plan plan = test::two_sector_plan("second_stage");
  const lp::PlanResult r = lp::solve_plan(plan);
  ASSERT_EQ(r.status, "optimal");
  EXPECT_NEAR(*r.fulfilment, 0.8, 1e-9);
  EXPECT_EQ(r.second_stage, "base-output");
  ASSERT_TRUE(r.second_stage_growth);
  EXPECT_NEAR(*r.second_stage_growth, 1.0, 1e-9);
  EXPECT_NEAR(r.output.at("a", 1), 20.0, 1e-9);
  EXPECT_NEAR(r.output.at("b", 1), 20.0, 1e-9);
  EXPECT_NEAR(price_of(r.second_stage_binding, "hold[max-fulfilment]"), 0.625, 1e-9);
  EXPECT_NEAR(price_of(r.second_stage_binding, "labour[1]"), 0.025, 1e-9);
  // The shadow prices stay the first stage's: fuel values λ at 1/(2·25) per t.
  EXPECT_NEAR(*r.shadow_resource.get("fuel", 1), 0.02, 1e-9);
}

TEST(SecondStage, SwitchedOffLeavesTheFirstVertex) {
  const Plan plan = test::two_sector_plan("second_stage_off", 2.0, "second_stage = \"none\"\n");
  const lp::PlanResult r = lp::solve_plan(plan);
  ASSERT_EQ(r.status, "optimal");
  EXPECT_TRUE(r.second_stage.empty());
  EXPECT_FALSE(r.second_stage_growth);
  EXPECT_NEAR(r.output.at("a", 1), 20.0, 1e-9);
  EXPECT_GE(r.output.at("b", 1), -1e-9);
  EXPECT_LE(r.output.at("b", 1), 20.0 + 1e-9);
}

TEST(SecondStage, SizeStageWeighsByPrices) {
  // With prices, the size stage maximises 3·x_a + 1·x_b; the floor still holds x_b ≥ 20 and
  // fuel caps x_a at 20, so the quantities are the same; the weights are the prices.
  Plan plan = test::two_sector_plan("second_stage_prices");
  plan.second_stage = SecondStage::prices;
  plan.economy.sectors[0].price = 3.0;
  plan.economy.sectors[1].price = 1.0;
  EXPECT_EQ(lp::second_stage_weights(plan), (std::vector<double>{3.0, 1.0}));
  plan.second_stage = SecondStage::base_output;
  EXPECT_EQ(lp::second_stage_weights(plan), (std::vector<double>{0.1, 0.05}));
}

TEST(SecondStage, OnlyGoalObjectivesWithoutThen) {
  Plan plan = test::two_sector_plan("second_stage_kinds");
  EXPECT_TRUE(lp::has_second_stage(plan));
  EXPECT_EQ(lp::sectors_with_goals(plan), (std::vector<bool>{true, false}));
  plan.objective.kind = ObjectiveKind::max_output;
  EXPECT_FALSE(lp::has_second_stage(plan));
}

}  // namespace
}  // namespace planner
