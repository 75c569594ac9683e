// planner/lp/frontier: frontier (a) of the two-sector oracle (two_sector_dynamic.hpp), by hand
// and against a separate LP of the same question.
//   λ* = 0.8 (fuel: 2x_a ≤ 40, goal 25). With λ held at 0.8 (x_a ≥ 20):
//   a: fuel caps x_a at 20                          → frontier 20
//   b: labour x_a + 2x_b ≤ 60 with x_a ≥ 20 → x_b ≤ 20 → frontier 20
#include "planner/lp/frontier.hpp"

#include <gtest/gtest.h>

#include "planner/io/plan_reader.hpp"
#include "planner/lp/clp_solver.hpp"
#include "planner/lp/plan_lp_builder.hpp"
#include "planner/lp/solve_plan.hpp"
#include "two_sector_dynamic.hpp"

namespace planner {
namespace {

// The same question posed afresh: the plan's LP with λ left free, the goal rows as they are,
// and x[held,t] ≥ level·goal written as a row of its own; maximise x[product,t]; solved cold.
double separate_lp(const Plan& plan, const std::vector<std::pair<std::size_t, double>>& held, std::size_t product, int t) {
  lp::PlanLp p = lp::build_plan_lp(plan);
  lp::LpBuilder b(p.lp);
  for (const auto& [j, floor] : held) b.add_row("held[" + std::to_string(j) + "]", {{p.columns.output[j][t], 1.0}}, floor, lp::kInf);
  b.clear_objective();
  b.set_sense(lp::Sense::maximise);
  b.add_cost(p.columns.output[product][t], 1.0);
  lp::LpSolution s = lp::solve_with_clp(b.build());
  EXPECT_EQ(s.status, lp::SolveStatus::optimal);
  return s.objective;
}

TEST(Frontier, TwoSectorOracleByHandAndBySeparateLp) {
  const Plan plan = test::two_sector_plan("frontier");
  const lp::PlanResult r = lp::solve_plan(plan);
  ASSERT_EQ(r.status, "optimal");
  const double lambda = *r.fulfilment;
  ASSERT_NEAR(lambda, 0.8, 1e-12);
  auto v = lp::fulfilment_frontier(plan, lambda, {{"a", {{0, 1.0}}, 1}, {"b", {{1, 1.0}}, 1}});
  ASSERT_EQ(v.size(), 2u);
  ASSERT_TRUE(v[0].value && v[1].value);
  EXPECT_NEAR(*v[0].value, 20.0, 1e-9);
  EXPECT_NEAR(*v[1].value, 20.0, 1e-9);
  EXPECT_NEAR(*v[0].value, separate_lp(plan, {{0, lambda * 25.0}}, 0, 1), 1e-9);
  EXPECT_NEAR(*v[1].value, separate_lp(plan, {{0, lambda * 25.0}}, 1, 1), 1e-9);
}

TEST(Frontier, BundledFirstPlanEqualsSeparateLps) {
  // Every product of the Gosplan initial variant: the warm frontier equals a cold LP that holds
  // each goal at λ*·goal by a row of its own (1e-9, relative to the figure's size).
  const Plan plan = read_plan(std::string(PLANNER_SOURCE_DIR) + "/plans/fyp1-gosplan-initial.toml");
  const lp::PlanResult r = lp::solve_plan(plan);
  ASSERT_EQ(r.status, "optimal");
  const double lambda = *r.fulfilment;
  std::vector<std::pair<std::size_t, double>> held;
  for (const Goal& g : plan.goals) held.emplace_back(*plan.economy.sector_index(g.sector), lambda * *g.target);
  std::vector<lp::FrontierProduct> products;
  for (std::size_t j = 0; j < plan.economy.size(); ++j) products.push_back({plan.economy.sectors[j].id, {{j, 1.0}}, plan.years});
  auto v = lp::fulfilment_frontier(plan, lambda, products);
  for (std::size_t j = 0; j < products.size(); ++j) {
    ASSERT_TRUE(v[j].value) << products[j].id;
    const double separate = separate_lp(plan, held, j, plan.years);
    EXPECT_NEAR(*v[j].value, separate, 1e-9 * std::max(1.0, std::fabs(separate))) << products[j].id;
    // No product can fall below what the goals themselves ask.
    EXPECT_GE(*v[j].value, *r.output.get(products[j].id, plan.years) - 1e-6 * std::max(1.0, *v[j].value)) << products[j].id;
  }
}

}  // namespace
}  // namespace planner
