#include "planner/lp/plan_result.hpp"

#include <gtest/gtest.h>

#include "lp_test_plans.hpp"
#include "planner/lp/solve_plan.hpp"

using namespace planner::lp;

// Corn plan (max-capacity 13): one more unit of corn in year 0 builds one more unit of
// capacity; in year 1 it saves 1 unit of x1 and so 0.5 of year-0 inputs; relaxing the
// terminal requirement x2 ≥ 2 by one saves 0.5 in year 1, i.e. 0.25 of capacity.
TEST(PlanResult, ShadowPricesAreGainsPerUnitOfRelaxation) {
  PlanResult r = solve_plan(planner::test::corn_plan());
  ASSERT_EQ(r.status, "optimal");
  EXPECT_NEAR(r.shadow_balance.at("corn", 0), 1.0, 1e-9);
  EXPECT_NEAR(r.shadow_balance.at("corn", 1), 0.5, 1e-9);
  ASSERT_EQ(r.shadow_other.size(), 1u);
  EXPECT_EQ(r.shadow_other[0].first, "terminal[corn]");
  EXPECT_NEAR(r.shadow_other[0].second, 0.25, 1e-9);
  // Binding: both balances (priced) and the terminal row; capacity is slack.
  std::vector<std::string> binding;
  for (const auto& b : r.binding) binding.push_back(b.row);
  EXPECT_EQ(binding, (std::vector<std::string>{"balance[corn,0]", "balance[corn,1]", "terminal[corn]"}));
}

// For a minimisation, a shadow price is still a gain: the objective falls as the row relaxes.
TEST(PlanResult, ShadowPricesOfMinimisationsArePositiveToo) {
  planner::Plan p = planner::test::corn_plan_with_labour(100.0);
  p.objective.kind = planner::ObjectiveKind::min_resource;
  p.objective.resource = "labour";
  p.objective.years = {1, 2};
  PlanResult r = solve_plan(p);
  ASSERT_EQ(r.status, "optimal");
  EXPECT_NEAR(r.shadow_other[0].second, 1.0, 1e-9);  // terminal: one unit less of x2 saves one unit of labour
}

TEST(PlanResult, JsonHasTheKeysOfSpecSection4) {
  PlanResult r = solve_plan(planner::test::williams_plan());
  nlohmann::json j = to_json(r);
  for (const char* key : {"status", "objective", "years", "output", "capacity", "capacity_additions", "stock", "exports",
                          "imports", "resource_use", "fulfilment", "shadow_prices", "binding"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_FALSE(j.contains("diagnosis"));
  EXPECT_EQ(j["status"], "optimal");
  EXPECT_EQ(j["years"], (std::vector<int>{0, 1, 2, 3, 4, 5, 6}));
  EXPECT_NEAR(j["output"]["coal"]["1"].get<double>(), 260.402615, 1e-5);
  EXPECT_NEAR(j["capacity"]["coal"]["5"].get<double>(), 1511.875197, 1e-5);
  EXPECT_TRUE(j["shadow_prices"]["balance"]["steel"].contains("0"));
  EXPECT_TRUE(j["shadow_prices"]["capacity"]["coal"].contains("6"));
  EXPECT_TRUE(j["shadow_prices"]["resource"]["labour"].contains("4"));
  EXPECT_NEAR(j["resource_use"]["labour"]["4"].get<double>(), 470.0, 1e-6);
  EXPECT_TRUE(j["fulfilment"].is_null());
}

TEST(PlanResult, SeriesLookups) {
  Series s;
  s.set("coal", 1, 2.0);
  s.set("steel", 0, 3.0);
  s.set("coal", 0, 1.0);
  EXPECT_EQ(s.ids, (std::vector<std::string>{"coal", "steel"}));
  EXPECT_EQ(*s.get("coal", 0), 1.0);
  EXPECT_FALSE(s.get("coal", 5));
  EXPECT_THROW(s.at("oil", 0), std::out_of_range);
}
