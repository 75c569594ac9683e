// Every objective kind of spec §2 on the one-sector corn plan (tests/lp_test_plans.hpp), with
// answers derived by hand:
//   balance t=0: 10 = 0.5 x1 + e1 + s1;   balance t=1: s1 + x1 = 0.5 x2 + 1 + s2 (+ c1)
//   capacity: x1 ≤ 4 + e1, x2 ≤ 4 + e1;  terminal: x2 ≥ x* = 1/(1−0.5) = 2
#include <gtest/gtest.h>

#include "lp_test_plans.hpp"
#include "planner/lp/solve_plan.hpp"
#include "planner/model/error.hpp"

using planner::ObjectiveKind;
using planner::Plan;
using planner::lp::PlanResult;
using planner::lp::solve_plan;

namespace {
PlanResult solve_ok(const Plan& p) {
  PlanResult r = solve_plan(p);
  EXPECT_EQ(r.status, "optimal");
  return r;
}
planner::Goal corn_goal(double target, double weight = 1.0) {
  planner::Goal g;
  g.id = "corn";
  g.sector = "corn";
  g.target = target;
  g.year = 1;
  g.weight = weight;
  return g;
}
}  // namespace

// min 0.5 x1 + s1 s.t. x1 + s1 ≥ 2 → x1 = 2, e1 = 9, capacity 4 + 9 = 13 (the 4 is the offset).
TEST(PlanObjective, MaxCapacityCountsOpeningCapacity) {
  PlanResult r = solve_ok(planner::test::corn_plan());
  EXPECT_NEAR(*r.objective, 13.0, 1e-9);
  EXPECT_NEAR(r.capacity_additions.at("corn", 1), 9.0, 1e-9);
  EXPECT_NEAR(r.capacity.at("corn", 1), 13.0, 1e-9);
}

// Depreciation: capacity at the end of T=1 is 4·0.9 + e1; the objective keeps the constant.
TEST(PlanObjective, MaxCapacityWithDepreciation) {
  Plan p = planner::test::corn_plan();
  p.economy.sectors[0].depreciation = 0.1;
  PlanResult r = solve_ok(p);
  EXPECT_NEAR(*r.objective, 3.6 + 9.0, 1e-9);
}

// With s1 = 0: e1 = 10 − 0.5 x1, x1 ≤ 4 + e1 → x1 ≤ 28/3; x2 ≤ min(14 − 0.5 x1, 2(x1 − 1)) (the
// year-2 surplus goes to the stock s2 left after the plan). For x1 ≥ 6.4 the objective is
// 14 + 0.5 x1, so x1 = x2 = 28/3 and the total is 56/3.
TEST(PlanObjective, MaxOutputOverYears) {
  Plan p = planner::test::corn_plan();
  p.objective.kind = ObjectiveKind::max_output;
  p.objective.years = {1, 2};
  PlanResult r = solve_ok(p);
  EXPECT_NEAR(*r.objective, 56.0 / 3.0, 1e-9);
  EXPECT_NEAR(r.output.at("corn", 1), 28.0 / 3.0, 1e-9);
  EXPECT_NEAR(r.output.at("corn", 2), 28.0 / 3.0, 1e-9);
  EXPECT_NEAR(r.stock.at("corn", 2), 11.0 / 3.0, 1e-9);
}

TEST(PlanObjective, MaxOutputWeights) {
  Plan p = planner::test::corn_plan();
  p.objective.kind = ObjectiveKind::max_output;
  p.objective.years = {1, 2};
  p.objective.weights = {{"corn", 2.0}};
  EXPECT_NEAR(*solve_ok(p).objective, 112.0 / 3.0, 1e-9);
}

// Labour = output: the least labour in years 1–2 carries stock instead of producing in year 1:
// x1 = 0, x2 = 2 → 2. The most is the max-output answer 56/3 (labour 100 a year does not bind).
TEST(PlanObjective, MinAndMaxResource) {
  Plan p = planner::test::corn_plan_with_labour(100.0);
  p.objective.kind = ObjectiveKind::min_resource;
  p.objective.resource = "labour";
  p.objective.years = {1, 2};
  PlanResult r = solve_ok(p);
  EXPECT_NEAR(*r.objective, 2.0, 1e-9);
  EXPECT_NEAR(r.resource_use.at("labour", 2), 2.0, 1e-9);
  p.objective.kind = ObjectiveKind::max_resource;
  EXPECT_NEAR(*solve_ok(p).objective, 56.0 / 3.0, 1e-9);
}

// Labour limit 5 a year binds max-output: x1 = x2 = 5 (e1 = 7.5, s2 = 1.5) → 10; one more unit
// of labour in either year adds one unit of output.
TEST(PlanObjective, ResourceLimitBindsWithItsShadowPrice) {
  Plan p = planner::test::corn_plan_with_labour(5.0);
  p.objective.kind = ObjectiveKind::max_output;
  p.objective.years = {1, 2};
  PlanResult r = solve_ok(p);
  EXPECT_NEAR(*r.objective, 10.0, 1e-9);
  EXPECT_NEAR(r.shadow_resource.at("labour", 1), 1.0, 1e-9);
  EXPECT_NEAR(r.shadow_resource.at("labour", 2), 1.0, 1e-9);
  EXPECT_FALSE(r.shadow_resource.get("labour", 0));  // year 0 uses only base-year output: no row
  EXPECT_NEAR(r.shadow_capacity.at("corn", 1), 0.0, 1e-9);
}

// max x1: 1.5 x1 ≤ 14 → x1 = 28/3, so λ = (28/3)/5 = 28/15.
TEST(PlanObjective, MaxFulfilmentLambda) {
  Plan p = planner::test::corn_plan();
  p.objective.kind = ObjectiveKind::max_fulfilment;
  p.goals = {corn_goal(5.0)};
  PlanResult r = solve_ok(p);
  EXPECT_NEAR(*r.objective, 28.0 / 15.0, 1e-9);
  EXPECT_NEAR(*r.fulfilment, 28.0 / 15.0, 1e-9);
}

// A group goal without weights binds each member: x[j,T] ≥ λ·multiple·x̄_j.
TEST(PlanObjective, MaxFulfilmentGroupGoalBindsEachMember) {
  Plan p = planner::test::williams_plan();
  for (auto& s : p.economy.sectors) s.groups = {"all"};
  p.economy.sectors[0].output = 100.0;  // x̄ = (100, 50, 50): output in year 0 is data
  p.economy.sectors[1].output = 50.0;
  p.economy.sectors[2].output = 50.0;
  planner::Goal g;
  g.id = "all";
  g.group = "all";
  g.multiple = 2.0;
  g.year = 5;
  p.goals = {g};
  p.objective.kind = ObjectiveKind::max_fulfilment;
  auto lp = planner::lp::build_plan_lp(p);
  EXPECT_TRUE(lp.lp.row("goal[all,coal]"));
  EXPECT_TRUE(lp.lp.row("goal[all,transport]"));
  PlanResult r = solve_plan(p);
  if (r.status == "optimal") {
    for (const char* id : {"coal", "steel", "transport"})
      EXPECT_GE(r.output.at(id, 5) + 1e-7, *r.fulfilment * 2.0 * (id == std::string("coal") ? 100.0 : 50.0));
  }
}

// Target 12 but at most 28/3 can be made in year 1: shortfall 8/3, weighted ×2 in the objective.
TEST(PlanObjective, MinShortfall) {
  Plan p = planner::test::corn_plan();
  p.objective.kind = ObjectiveKind::min_shortfall;
  p.goals = {corn_goal(12.0, 2.0)};
  PlanResult r = solve_ok(p);
  EXPECT_NEAR(*r.objective, 16.0 / 3.0, 1e-9);
  ASSERT_EQ(r.shortfall.size(), 1u);
  EXPECT_NEAR(r.shortfall[0].second, 8.0 / 3.0, 1e-9);
}

// c1 = 8 + 0.5 x1 − e1 with x1 ≤ 4 + e1: best e1 = 0, x1 = 4 → c1 = 10, objective 0.5¹·10 = 5.
TEST(PlanObjective, MaxConsumptionDiscounted) {
  Plan p = planner::test::corn_plan();
  p.objective.kind = ObjectiveKind::max_consumption;
  p.objective.discount = 0.5;
  PlanResult r = solve_ok(p);
  EXPECT_NEAR(*r.objective, 5.0, 1e-9);
  EXPECT_NEAR(r.consumption.at("corn", 1), 10.0, 1e-9);
}

// `years` picks the consumption years the objective counts. On T = 2 (discount 1) the default
// counts both; counting one year alone can only do as well or better for that year, so
// z[1] + z[2] ≥ z[1,2], and each single-year value is exactly that year's consumption.
TEST(PlanObjective, MaxConsumptionCountsOnlyTheObjectiveYears) {
  Plan p = planner::test::corn_plan();
  p.objective.kind = ObjectiveKind::max_consumption;
  p.objective.discount = 0.5;
  p.objective.years = {1};
  EXPECT_NEAR(*solve_ok(p).objective, 5.0, 1e-9);  // as MaxConsumptionDiscounted: T = 1 has one year

  p.years = 2;
  p.demand_years = {1, 2};
  p.objective.discount = 1.0;
  p.objective.years = {};
  const double both = *solve_ok(p).objective;
  double single = 0.0;
  for (int t : {1, 2}) {
    p.objective.years = {t};
    PlanResult r = solve_ok(p);
    EXPECT_NEAR(*r.objective, r.consumption.at("corn", t), 1e-9) << "year " << t;
    single += *r.objective;
  }
  EXPECT_GE(single, both - 1e-9);
  p.objective.years = {1, 2};
  EXPECT_NEAR(*solve_ok(p).objective, both, 1e-9);

  p.objective.years = {3};  // the terminal year H = 3 has no consumption variable
  try {
    solve_plan(p);
    ADD_FAILURE() << "year 3 accepted";
  } catch (const planner::Error& e) {
    EXPECT_NE(std::string(e.what()).find("objective.years"), std::string::npos) << e.what();
  }
}

// A floor of 11 cannot be met (at most 10): infeasible, with a diagnosis.
TEST(PlanObjective, ConsumptionFloorAboveTheMaximumIsInfeasible) {
  Plan p = planner::test::corn_plan();
  p.objective.kind = ObjectiveKind::max_consumption;
  p.objective.floors = {{"corn", 11.0}};
  PlanResult r = solve_plan(p);
  EXPECT_EQ(r.status, "infeasible");
  ASSERT_TRUE(r.diagnosis);
  double total = 0.0;
  for (const auto& v : r.diagnosis->violations) total += v.amount;
  EXPECT_NEAR(total, 1.0, 1e-7);
}

// min-resource alone leaves e1 + s1 = 10 with s1 ≥ 2 → then max-capacity holds labour at 2 and
// reaches 4 + 8 = 12 (without the hold it would be 13).
TEST(PlanObjective, ThenSolvesLexicographically) {
  Plan p = planner::test::corn_plan_with_labour(100.0);
  p.objective.kind = ObjectiveKind::min_resource;
  p.objective.resource = "labour";
  p.objective.years = {1, 2};
  planner::Objective then;
  then.kind = ObjectiveKind::max_capacity;
  p.then = then;
  PlanResult r = solve_ok(p);
  EXPECT_NEAR(*r.objective, 2.0, 1e-7);
  EXPECT_NEAR(*r.then_objective, 12.0, 1e-7);
  EXPECT_EQ(r.then_kind, "max-capacity");
}

TEST(PlanObjective, UnknownIdsAreBadInput) {
  Plan p = planner::test::corn_plan();
  p.objective.kind = ObjectiveKind::max_resource;
  p.objective.resource = "steel";
  try {
    solve_plan(p);
    FAIL() << "expected an error";
  } catch (const planner::Error& e) {
    EXPECT_EQ(e.code(), planner::ExitCode::bad_input);
    EXPECT_NE(std::string(e.what()).find("steel"), std::string::npos);
  }
  p.objective.kind = ObjectiveKind::max_output;
  p.objective.weights = {{"wheat", 1.0}};
  EXPECT_THROW(solve_plan(p), planner::Error);
  p.objective.weights.clear();
  p.objective.kind = ObjectiveKind::max_fulfilment;
  planner::Goal g = corn_goal(5.0);
  g.sector = "wheat";
  p.goals = {g};
  EXPECT_THROW(solve_plan(p), planner::Error);
}
