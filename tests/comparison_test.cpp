// planner/report/comparison: the figures of plan vs feasible vs actual, checked by hand
// against a fake solver (the LP itself is tested in comparison_solve_test.cpp).
#include "planner/report/comparison.hpp"

#include <gtest/gtest.h>

namespace planner {
namespace {

Sector sector(const std::string& id, const std::string& name, const std::string& unit, double output) {
  Sector s;
  s.id = id;
  s.name = name;
  s.unit = unit;
  s.output = output;
  return s;
}

// The First Plan's optimal variant in miniature: base 1927/28 = 1928, goal year 1933.
Plan fyp1() {
  Plan p;
  p.name = "FYP1 optimal";
  p.file = "plans/fyp1.toml";
  p.economy.name = "USSR";
  p.economy.base_year = 1928;
  p.economy.sectors = {sector("coal", "Coal", "Mt", 35.4), sector("pig_iron", "Pig iron", "Mt", 3.3),
                       sector("electricity", "Electricity", "bn kWh", 5.05), sector("grain", "Grain", "Mt", 73.3)};
  p.economy.sectors[3].demand = 50.0;
  p.economy.sectors[3].export_price = 36.7;
  p.economy.sectors[3].export_limit = 5.8;
  Resource labour;
  labour.id = "labour";
  labour.name = "labour";
  labour.unit = "million workers";
  p.economy.resources = {labour};
  p.years = 5;
  p.demand_years = {1, 2, 3, 4, 5};
  p.objective.kind = ObjectiveKind::max_capacity;
  Goal coal;
  coal.id = "coal";
  coal.sector = "coal";
  coal.target = 75.0;
  coal.year = 5;
  coal.source = "AN77";
  Goal elec;
  elec.id = "electricity";
  elec.sector = "electricity";
  elec.multiple = 4.0;
  elec.year = 5;
  Goal iron;
  iron.id = "pig_iron";
  iron.sector = "pig_iron";
  iron.target = 10.0;
  iron.year = 5;
  p.goals = {coal, elec, iron};
  Actual a;
  a.sector = "coal";
  a.value = 64.3;
  a.year = 1932;
  a.source = "WHP";
  a.alternatives = {{64.4, "brief"}};
  Actual a1928 = a;
  a1928.value = 35.4;
  a1928.year = 1928;
  a1928.alternatives.clear();
  Actual g;
  g.sector = "grain";
  g.value = 69.8;
  g.year = 1932;
  g.source = "WD94";
  p.actuals = {a1928, a, g};
  return p;
}

// A fake LP: outputs grow linearly to a per-sector end value that depends on the horizon;
// λ and the binding rows are fixed per variant.
struct FakeSolver {
  std::vector<Plan> seen;
  SolveSummary operator()(const Plan& plan) {
    seen.push_back(plan);
    SolveSummary r;
    r.status = "optimal";
    bool no_demand = plan.demand_override.has_value();
    bool no_exports = plan.economy.sectors[3].export_limit == 0.0;
    std::map<std::string, double> end = plan.years == 5 ? std::map<std::string, double>{{"coal", 60.0}, {"pig_iron", 8.0}, {"electricity", 21.0}, {"grain", 80.0}}
                                                        : std::map<std::string, double>{{"coal", 50.0}, {"pig_iron", 6.0}, {"electricity", 15.0}, {"grain", 78.0}};
    r.fulfilment = plan.years == 5 ? 0.8 : 0.6;
    if (no_demand) r.fulfilment = 0.9;
    if (no_exports) r.fulfilment = 0.7;
    for (const auto& s : plan.economy.sectors)
      for (int t = 0; t <= plan.years; ++t)
        r.output[s.id][t] = s.output + (end[s.id] - s.output) * t / plan.years;
    for (int t = 1; t <= plan.years; ++t) r.exports["grain"][t] = no_exports ? 0.0 : 5.0;
    BindingConstraint labour;
    labour.row = "labour[3]";
    labour.kind = "resource";
    labour.subject = "labour";
    labour.year = 3;
    labour.shadow_price = 0.42;
    BindingConstraint cap;
    cap.row = "capacity[coal,5]";
    cap.kind = "capacity";
    cap.subject = "coal";
    cap.year = 5;
    cap.shadow_price = 0.9;
    r.binding = {labour, cap};
    return r;
  }
};

const ProductComparison& product(const PlanComparison& c, const std::string& id) {
  for (const auto& p : c.products)
    if (p.id == id) return p;
  throw std::runtime_error("no product " + id);
}

TEST(Comparison, GoalAsMultipleAndAbsolute) {
  FakeSolver fake;
  PlanComparison c = compare_plan(fyp1(), {}, std::ref(fake));
  const auto& coal = product(c, "coal");
  EXPECT_DOUBLE_EQ(*coal.goal, 75.0);
  EXPECT_DOUBLE_EQ(*coal.goal_multiple, 75.0 / 35.4);  // a target T has multiple T / x̄
  const auto& elec = product(c, "electricity");
  EXPECT_DOUBLE_EQ(*elec.goal, 4.0 * 5.05);  // a multiple m has absolute m·x̄
  EXPECT_DOUBLE_EQ(*elec.goal_multiple, 4.0);
  EXPECT_EQ(coal.goal_year, 1933);
  EXPECT_EQ(coal.goal_source, "AN77");
}

TEST(Comparison, FeasibleActualAndRatios) {
  FakeSolver fake;
  PlanComparison c = compare_plan(fyp1(), {}, std::ref(fake));
  EXPECT_EQ(c.status, "optimal");
  EXPECT_DOUBLE_EQ(*c.fulfilment, 0.8);
  const auto& coal = product(c, "coal");
  EXPECT_DOUBLE_EQ(*coal.feasible, 60.0);
  // The actual compared is the latest not after the goal year (1932, not 1928).
  EXPECT_DOUBLE_EQ(*coal.actual, 64.3);
  EXPECT_EQ(coal.actual_year, 1932);
  ASSERT_EQ(coal.actual_alternatives.size(), 1u);
  EXPECT_DOUBLE_EQ(coal.actual_alternatives[0].value, 64.4);
  EXPECT_EQ(coal.history.size(), 2u);
  // By 1932 the plan is truncated to T' = 4 years: the fake reaches 50 there.
  EXPECT_DOUBLE_EQ(*coal.feasible_by_actual_year, 50.0);
  EXPECT_DOUBLE_EQ(*coal.goal_fulfilment(), 64.3 / 75.0);
  EXPECT_DOUBLE_EQ(*coal.feasibility_gap(), 60.0 / 75.0);
  EXPECT_DOUBLE_EQ(*coal.realised_share(), 64.3 / 50.0);  // against what was feasible by 1932
  EXPECT_TRUE(coal.goal_unmet());
  // Path by calendar year, 1928 … 1933.
  ASSERT_EQ(coal.path.size(), 6u);
  EXPECT_DOUBLE_EQ(coal.path.at(1928), 35.4);
  EXPECT_DOUBLE_EQ(coal.path.at(1933), 60.0);
  EXPECT_EQ(coal.path_by_actual_year.rbegin()->first, 1932);
}

TEST(Comparison, ProductsWithoutGoalOrActual) {
  FakeSolver fake;
  PlanComparison c = compare_plan(fyp1(), {}, std::ref(fake));
  ASSERT_EQ(c.products.size(), 4u);  // model order: coal, pig_iron, electricity, grain
  EXPECT_EQ(c.products[3].id, "grain");
  const auto& grain = product(c, "grain");  // an actual but no goal
  EXPECT_FALSE(grain.goal);
  EXPECT_FALSE(grain.goal_fulfilment());
  EXPECT_DOUBLE_EQ(*grain.feasible, 80.0);
  EXPECT_FALSE(grain.goal_unmet());
  const auto& iron = product(c, "pig_iron");  // a goal but no actual
  EXPECT_FALSE(iron.actual);
  EXPECT_FALSE(iron.realised_share());
  EXPECT_TRUE(iron.goal_unmet());
  const auto& elec = product(c, "electricity");  // 21 ≥ 20.2: met
  EXPECT_FALSE(elec.goal_unmet());
  auto unmet = c.unmet_goals();
  ASSERT_EQ(unmet.size(), 2u);
  EXPECT_EQ(unmet[0]->id, "coal");
  EXPECT_EQ(unmet[1]->id, "pig_iron");
}

TEST(Comparison, SolvesMaxFulfilmentAndTruncates) {
  FakeSolver fake;
  compare_plan(fyp1(), {}, std::ref(fake));
  ASSERT_EQ(fake.seen.size(), 2u);  // the plan, then truncated to 1932
  EXPECT_EQ(fake.seen[0].objective.kind, ObjectiveKind::max_fulfilment);
  EXPECT_EQ(fake.seen[0].years, 5);
  EXPECT_EQ(fake.seen[1].years, 4);
  for (const auto& g : fake.seen[1].goals) EXPECT_EQ(g.year, 4);
  for (int t : fake.seen[1].demand_years) EXPECT_LE(t, 4);
}

TEST(Comparison, BindingRowsInWordsLargestFirst) {
  FakeSolver fake;
  PlanComparison c = compare_plan(fyp1(), {}, std::ref(fake));
  ASSERT_EQ(c.binding.size(), 2u);
  EXPECT_EQ(c.binding[0].text(), "Coal capacity in 1933 (shadow price 0.9 per Mt)");
  EXPECT_EQ(c.binding[1].text(), "labour in 1931 (shadow price 0.42 per million workers)");
}

TEST(Comparison, ScenariosGiveDeltaLambdaAndImports) {
  FakeSolver fake;
  ComparisonOptions o;
  o.no_consumption_floor = true;
  o.no_exports = true;
  PlanComparison c = compare_plan(fyp1(), o, std::ref(fake));
  ASSERT_EQ(c.scenarios.size(), 3u);
  EXPECT_EQ(c.scenarios[0].id, "by-1932");
  EXPECT_EQ(c.scenarios[0].goal_year, 1932);
  EXPECT_NEAR(*c.scenarios[0].delta_fulfilment, -0.2, 1e-12);
  const Scenario* noc = c.scenario("no-consumption-floor");
  ASSERT_TRUE(noc);
  EXPECT_NEAR(*noc->delta_fulfilment, 0.1, 1e-12);
  const Scenario* nox = c.scenario("no-exports");
  ASSERT_TRUE(nox);
  EXPECT_NEAR(*nox->delta_fulfilment, -0.1, 1e-12);
  EXPECT_DOUBLE_EQ(c.exports_value, 5 * 5.0 * 36.7);
  EXPECT_DOUBLE_EQ(nox->exports_value, 0.0);
}

TEST(Comparison, PlanVariants) {
  Plan p = fyp1();
  Plan nd = without_consumption_floor(p);
  ASSERT_TRUE(nd.demand_override);
  for (double d : *nd.demand_override) EXPECT_EQ(d, 0.0);
  p.demand_years = {0, 1, 2, 3, 4, 5};  // a base-year demand is kept
  Plan nd0 = without_consumption_floor(p);
  EXPECT_FALSE(nd0.demand_override);
  EXPECT_EQ(nd0.demand_years, std::vector<int>{0});
  Plan nx = without_exports(p);
  EXPECT_EQ(nx.economy.sectors[3].export_limit, 0.0);
  EXPECT_FALSE(nx.economy.sectors[0].export_limit);
  p.then = Objective{};
  Plan f = fulfilment_plan(p);
  EXPECT_EQ(f.objective.kind, ObjectiveKind::max_fulfilment);
  EXPECT_FALSE(f.then);
}

TEST(Comparison, GroupGoalsApplyToMembersUnlessTheSectorHasItsOwn) {
  Plan p = fyp1();
  p.economy.sectors[0].groups = {"heavy"};
  p.economy.sectors[1].groups = {"heavy"};
  Goal heavy;
  heavy.id = "heavy";
  heavy.group = "heavy";
  heavy.multiple = 3.0;
  heavy.year = 5;
  p.goals.insert(p.goals.begin(), heavy);
  auto goals = sector_goals(p);
  EXPECT_DOUBLE_EQ(goals.at("coal").first, 75.0);        // its own goal wins
  EXPECT_DOUBLE_EQ(goals.at("pig_iron").first, 10.0);
  p.goals.pop_back();                                    // drop pig iron's own goal
  goals = sector_goals(p);
  EXPECT_DOUBLE_EQ(goals.at("pig_iron").first, 3.0 * 3.3);
}

TEST(Comparison, NoGoalsMeansNoSolve) {
  Plan p = fyp1();
  p.goals.clear();
  FakeSolver fake;
  PlanComparison c = compare_plan(p, {}, std::ref(fake));
  EXPECT_TRUE(fake.seen.empty());
  EXPECT_EQ(c.status, "no-goals");
  EXPECT_FALSE(c.fulfilment);
  EXPECT_EQ(c.products.size(), 2u);  // coal and grain have actuals
  EXPECT_FALSE(c.products[0].feasible);
}

TEST(Comparison, FailedSolveLeavesFeasibleMissing) {
  auto infeasible = [](const Plan&) {
    SolveSummary r;
    r.status = "infeasible";
    r.diagnosis = "labour short by 3";
    return r;
  };
  PlanComparison c = compare_plan(fyp1(), {}, infeasible);
  EXPECT_EQ(c.status, "infeasible");
  EXPECT_EQ(c.diagnosis, "labour short by 3");
  EXPECT_FALSE(c.fulfilment);
  EXPECT_FALSE(product(c, "coal").feasible);
  EXPECT_FALSE(product(c, "coal").goal_unmet());
  EXPECT_TRUE(c.unmet_goals().empty());
}

TEST(Comparison, SourcesAreDeduplicatedInOrder) {
  FakeSolver fake;
  Plan p = fyp1();
  p.economy.sectors[0].source = "WHP";
  Comparison c = compare_plans({p, p}, {}, std::ref(fake));
  auto sources = c.sources();
  ASSERT_GE(sources.size(), 3u);
  EXPECT_EQ(sources[0].text, "AN77");
  EXPECT_EQ(sources[1].text, "WHP");
  EXPECT_EQ(sources[1].cited_by, (std::vector<std::string>{"actual coal 1928", "actual coal 1932", "model sector coal"}));
}

}  // namespace
}  // namespace planner
