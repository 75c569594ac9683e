// planner/lp/history_test: the two-sector oracle (two_sector_dynamic.hpp), by hand.
// Recorded 1929: a = 15, b = 18.
//   Model L_b = 2: fuel 2·15 = 30 ≤ 40, labour 15 + 36 = 51 ≤ 60: history feasible;
//     θ* = min(40/30, 60/51) = 20/17. Frontier (b), the other record held:
//     a with b = 18: labour x_a ≤ 24, fuel x_a ≤ 20 → 20;  b with a = 15: 2x_b ≤ 45 → 22.5.
//   Perturbed L_b = 3: labour 15 + 54 = 69 > 60: history infeasible, θ* = 60/69 = 20/23, and
//     the least relaxation is labour[1] by 9 (fuel is slack; no balance can lower labour use).
//     Frontier (b): a with b = 18: x_a ≤ 60 − 54 = 6;  b with a = 15: 3x_b ≤ 45 → 15.
#include "planner/lp/history_test.hpp"

#include <gtest/gtest.h>

#include "expect_error.hpp"
#include "planner/lp/clp_solver.hpp"
#include "planner/lp/plan_lp_builder.hpp"
#include "two_sector_dynamic.hpp"

namespace planner {
namespace {

const std::vector<lp::FrontierProduct> kProducts{{"a", {{0, 1.0}}, 1}, {"b", {{1, 1.0}}, 1}};

// Frontier (b) posed afresh: the plan as max-output of one product in 1929, the other product's
// record written as a row x ≥ record; solved cold.
double separate_lp(const Plan& plan, std::size_t product, std::size_t other, double record) {
  Plan p = plan;
  p.objective = Objective{};
  p.objective.kind = ObjectiveKind::max_output;
  p.objective.years = {1};
  p.objective.weights = {{plan.economy.sectors[other].id, 0.0}};
  p.goals.clear();
  p.second_stage = SecondStage::none;
  lp::PlanLp lp = lp::build_plan_lp(p);
  lp::LpBuilder b(lp.lp);
  b.add_row("held", {{lp.columns.output[other][1], 1.0}}, record, lp::kInf);
  lp::LpSolution s = lp::solve_with_clp(b.build());
  EXPECT_EQ(s.status, lp::SolveStatus::optimal);
  return s.objective;
}

TEST(HistoryTest, FeasibleHistory) {
  const Plan plan = test::two_sector_plan("history_feasible");
  const lp::HistoryTest h = lp::test_history(plan);
  EXPECT_EQ(h.status, "feasible");
  ASSERT_TRUE(h.share);
  EXPECT_NEAR(*h.share, 20.0 / 17.0, 1e-9);
  EXPECT_TRUE(h.relaxation.empty());
  EXPECT_NE(h.verdict.find("History is feasible"), std::string::npos) << h.verdict;
  auto v = lp::history_frontier(plan, kProducts);
  ASSERT_TRUE(v[0].value && v[1].value);
  EXPECT_NEAR(*v[0].value, 20.0, 1e-9);
  EXPECT_NEAR(*v[1].value, 22.5, 1e-9);
  EXPECT_NEAR(*v[0].value, separate_lp(plan, 0, 1, 18.0), 1e-9);
  EXPECT_NEAR(*v[1].value, separate_lp(plan, 1, 0, 15.0), 1e-9);
}

TEST(HistoryTest, PerturbedCoefficientIsTheRowThatMustMove) {
  const Plan plan = test::two_sector_plan("history_perturbed", 3.0);
  const lp::HistoryTest h = lp::test_history(plan);
  EXPECT_EQ(h.status, "infeasible");
  ASSERT_TRUE(h.share);
  EXPECT_NEAR(*h.share, 20.0 / 23.0, 1e-9);
  ASSERT_EQ(h.relaxation.size(), 1u);
  EXPECT_EQ(h.relaxation[0].row, "labour[1]");
  EXPECT_NEAR(h.relaxation[0].amount, 9.0, 1e-7);
  ASSERT_EQ(h.findings.size(), 1u);
  EXPECT_EQ(h.findings[0], "labour in 1929: 9 man-years more than the model allows (+15 %)");
  EXPECT_NE(h.verdict.find("The model cannot reproduce 1929: at most 87.0 % of every recorded outcome"), std::string::npos)
      << h.verdict;
  auto v = lp::history_frontier(plan, kProducts);
  ASSERT_TRUE(v[0].value && v[1].value);
  EXPECT_NEAR(*v[0].value, 6.0, 1e-9);
  EXPECT_NEAR(*v[1].value, 15.0, 1e-9);
  EXPECT_NEAR(*v[0].value, separate_lp(plan, 0, 1, 18.0), 1e-9);
  EXPECT_NEAR(*v[1].value, separate_lp(plan, 1, 0, 15.0), 1e-9);
}

TEST(HistoryTest, NoRecordMeansTheTestDoesNotApply) {
  const Plan plan = test::two_sector_plan("history_none", 2.0, "", "");
  const lp::HistoryTest h = lp::test_history(plan);
  EXPECT_EQ(h.status, "not-applicable");
  EXPECT_NE(h.verdict.find("does not apply"), std::string::npos);
}

TEST(HistoryTest, BaseYearRecordIsDataNotTested) {
  const Plan plan = test::two_sector_plan("history_base", 2.0, "", "a = { value = 10.0, year = 1928 }\n");
  EXPECT_TRUE(lp::history_records(plan).empty());
  EXPECT_EQ(lp::test_history(plan).status, "not-applicable");
}

TEST(HistoryTest, RecordAfterThePlanIsBadInput) {
  const Plan plan = test::two_sector_plan("history_late", 2.0, "", "a = { value = 15.0, year = 1931 }\n");
  expect_bad_input([&] { lp::test_history(plan); }, {"actual.a.year", "1931", "outside the plan"});
}

}  // namespace
}  // namespace planner
