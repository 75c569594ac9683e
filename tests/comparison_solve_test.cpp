// planner/report/comparison_solve: the comparison on the real plan LP (CLP), on tiny plans
// whose λ is derived by hand, and the parsing of LP row names into words.
#include "planner/report/comparison_solve.hpp"

#include <gtest/gtest.h>

namespace planner {
namespace {

Resource labour(std::size_t n, std::vector<double> available, std::vector<double> per_output) {
  Resource r;
  r.id = "labour";
  r.name = "labour";
  r.unit = "million workers";
  r.available = std::move(available);
  r.per_output = Eigen::Map<Eigen::VectorXd>(per_output.data(), static_cast<Eigen::Index>(n));
  r.per_capacity = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(n));
  return r;
}

// One sector, coal: x̄ = 10, no inputs, one worker per tonne, labour 10, 10, 20 in years
// 0, 1, 2. Coal may be exported at price 0 (free disposal). Goal: 40 in 1932 (T = 2).
//   λ = max x[2] / 40 with x[2] ≤ 20          → λ = 0.5, feasible 20;
//   truncated to 1931: x[1] ≤ 10, goal 40 in 1931 → λ = 0.25, feasible 10.
// Labour in 1932 binds: one more worker gives 1/40 more λ.
Plan one_sector() {
  Plan p;
  p.name = "one sector";
  p.economy.name = "coal only";
  p.economy.base_year = 1930;
  Sector coal;
  coal.id = "coal";
  coal.name = "Coal";
  coal.unit = "Mt";
  coal.output = 10.0;
  coal.export_price = 0.0;
  coal.export_limit = 1000.0;
  p.economy.sectors = {coal};
  p.economy.technical = Eigen::MatrixXd::Zero(1, 1);
  p.economy.capital = Eigen::MatrixXd::Zero(1, 1);
  p.economy.resources = {labour(1, {10.0, 10.0, 20.0}, {1.0})};
  p.years = 2;
  p.demand_years = {1, 2};
  p.objective.kind = ObjectiveKind::max_capacity;  // re-posed as max-fulfilment by the comparison
  Goal g;
  g.id = "coal";
  g.sector = "coal";
  g.target = 40.0;
  g.year = 2;
  p.goals = {g};
  Actual a;
  a.sector = "coal";
  a.value = 8.0;
  a.year = 1931;
  p.actuals = {a};
  return p;
}

TEST(ComparisonSolve, OneSectorLambdaByHand) {
  PlanComparison c = compare_plan(one_sector(), {}, solve_for_comparison);
  ASSERT_EQ(c.status, "optimal") << c.diagnosis;
  EXPECT_NEAR(*c.fulfilment, 0.5, 1e-7);
  ASSERT_EQ(c.products.size(), 1u);
  const auto& coal = c.products[0];
  EXPECT_NEAR(*coal.feasible, 20.0, 1e-6);
  EXPECT_NEAR(*coal.feasible_by_actual_year, 10.0, 1e-6);
  EXPECT_NEAR(*c.scenario("by-1931")->fulfilment, 0.25, 1e-7);
  EXPECT_DOUBLE_EQ(*coal.goal_fulfilment(), 8.0 / 40.0);
  EXPECT_NEAR(*coal.feasibility_gap(), 0.5, 1e-7);
  EXPECT_NEAR(*coal.realised_share(), 0.8, 1e-7);
  EXPECT_TRUE(coal.goal_unmet());
  bool found = false;
  for (const auto& b : c.binding)
    if (b.row == "labour[2]") {
      found = true;
      EXPECT_NEAR(b.shadow_price, 1.0 / 40.0, 1e-9);
      EXPECT_EQ(b.text(), "labour in 1932 (shadow price 0.025 per million workers)");
    }
  EXPECT_TRUE(found);
}

// Grain pays for machinery: grain (x̄ 5, demand 5, exportable up to 10 at price 1), machinery
// (x̄ 1, two workers a unit, importable at price 1), steel (x̄ 1, one unit of machinery per
// unit, no labour); labour 10 a year; T = 1; goal: 10 steel. Steel and machinery may be
// disposed of as exports at price 0. With exports, steel = x_m + m with m ≤ z_g = x_g and
// x_g + 2 x_m ≤ 10: best x_g = 10, x_m = 0, steel 10, λ = 1. Without paid exports m = 0:
// x_m = 5, λ = 0.5; imports fall by 10.
Plan grain_for_machinery() {
  Plan p;
  p.name = "grain for machinery";
  p.economy.base_year = 1930;
  Sector grain, machinery, steel;
  grain.id = "grain";
  grain.output = 5.0;
  grain.demand = 5.0;
  grain.export_price = 1.0;
  grain.export_limit = 10.0;
  machinery.id = "machinery";
  machinery.output = 1.0;
  machinery.import_price = 1.0;
  machinery.import_limit = 100.0;
  machinery.export_price = 0.0;
  machinery.export_limit = 1000.0;
  steel.id = "steel";
  steel.output = 1.0;
  steel.export_price = 0.0;
  steel.export_limit = 1000.0;
  p.economy.sectors = {grain, machinery, steel};
  p.economy.technical = Eigen::MatrixXd::Zero(3, 3);
  p.economy.technical(1, 2) = 1.0;  // machinery per unit of steel
  p.economy.capital = Eigen::MatrixXd::Zero(3, 3);
  p.economy.resources = {labour(3, {10.0}, {1.0, 2.0, 0.0})};
  p.years = 1;
  p.demand_years = {1};
  p.objective.kind = ObjectiveKind::max_fulfilment;
  Goal g;
  g.id = "steel";
  g.sector = "steel";
  g.target = 10.0;
  g.year = 1;
  p.goals = {g};
  return p;
}

TEST(ComparisonSolve, ExportsBuyMachinery) {
  ComparisonOptions o;
  o.no_exports = true;
  PlanComparison c = compare_plan(grain_for_machinery(), o, solve_for_comparison);
  ASSERT_EQ(c.status, "optimal") << c.diagnosis;
  EXPECT_NEAR(*c.fulfilment, 1.0, 1e-7);
  EXPECT_NEAR(c.imports_value, 10.0, 1e-6);
  EXPECT_NEAR(c.exports_value, 10.0, 1e-6);
  const Scenario* nox = c.scenario("no-exports");
  ASSERT_TRUE(nox);
  ASSERT_EQ(nox->status, "optimal");
  EXPECT_NEAR(*nox->fulfilment, 0.5, 1e-7);
  EXPECT_NEAR(*nox->delta_fulfilment, -0.5, 1e-7);
  EXPECT_NEAR(*nox->delta_imports_value, -10.0, 1e-6);
  EXPECT_NEAR(nox->delta_imports.at("machinery"), -10.0, 1e-6);
  EXPECT_NEAR(nox->feasible.at("steel"), 5.0, 1e-6);
}

TEST(ComparisonSolve, RowNamesInWords) {
  Plan p = grain_for_machinery();
  p.economy.resources[0].unit = "million workers";
  auto b = describe_row(p, "balance[steel,1]", 0.1);
  EXPECT_EQ(b.kind, "balance");
  EXPECT_EQ(b.subject, "steel");
  EXPECT_EQ(b.year, 1);
  b = describe_row(p, "capacity[grain,3]", 0.2);
  EXPECT_EQ(b.kind, "capacity");
  EXPECT_EQ(b.year, 3);
  b = describe_row(p, "labour[0]", 0.3);
  EXPECT_EQ(b.kind, "resource");
  EXPECT_EQ(b.subject, "labour");
  EXPECT_EQ(b.year, 0);
  b = describe_row(p, "currency[1]", 0.4);
  EXPECT_EQ(b.kind, "trade");
  EXPECT_EQ(b.year, 1);
  b = describe_row(p, "goal[steel]", 0.5);
  EXPECT_EQ(b.kind, "goal");
  EXPECT_EQ(b.subject, "steel");
  EXPECT_EQ(b.year, 1);
  b = describe_row(p, "terminal[grain]", 0.6);
  EXPECT_EQ(b.kind, "terminal");
  b = describe_row(p, "lambda_bound", 0.7);
  EXPECT_EQ(b.kind, "other");
  EXPECT_EQ(b.year, -1);
}

}  // namespace
}  // namespace planner
