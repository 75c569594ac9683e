// planner/lp/tradeoff_frontier: the ε-constraint frontier of heavy output against consumption.
//
// Two sectors by hand: heavy h and consumer goods c, one plan year, no base-year output or stock;
// plant x_h ≤ 10, looms x_c ≤ 8 (fixed stocks, as resources: a capacity could be added for free);
// labour x_h + x_c ≤ 12; c uses 0.5 h per unit (x_h ≥ 0.5 x_c);
// households' demand for c is 5θ. Max x_h subject to θ ≥ ε:
//   θ_min = 0; θ_max = 8/5 = 1.6 (x_c ≤ 8, and 1.5 x_c ≤ 12 gives the same 8);
//   V(ε) = min(10, 12 − 5ε): plant[1] binds for ε < 0.4, labour[1] for ε > 0.4 (the kink),
//   slope 0 then −5; V(1.6) = 4.
#include "planner/lp/tradeoff_frontier.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "planner/io/plan_reader.hpp"
#include "planner/lp/clp_solver.hpp"
#include "planner/lp/solve_plan.hpp"
#include "planner/model/error.hpp"
#include "scratch_dir.hpp"

namespace planner {
namespace {

/// The two-sector plan; `objective` is its [objective] table, `demand_c` the households' demand.
Plan hand_plan(const std::string& what, const std::string& objective = "kind = \"max-fulfilment\"", double demand_c = 5.0) {
  const auto dir = test::scratch_dir(what);
  std::ofstream(dir / "model.toml") << "name = \"heavy and consumer goods\"\nunit = \"unit\"\nbase_year = 1928\n\n"
                                       "[[sector]]\nid = \"h\"\n\n"
                                       "[[sector]]\nid = \"c\"\ngroups = [\"consumption\"]\ndemand = "
                                    << demand_c
                                    << "\n\n[technical]\nlag = 0\nrows = { h = [0.0, 0.5], c = [0.0, 0.0] }\n\n"
                                       "[[resource]]\nid = \"labour\"\navailable = 12.0\nper_output = { h = 1.0, c = 1.0 }\n\n"
                                       "[[resource]]\nid = \"plant\"\navailable = 10.0\nper_output = { h = 1.0, c = 0.0 }\n\n"
                                       "[[resource]]\nid = \"looms\"\navailable = 8.0\nper_output = { h = 0.0, c = 1.0 }\n";
  std::ofstream(dir / "plan.toml") << "name = \"hand frontier\"\nmodel = \"model.toml\"\nyears = 1\nfree_disposal = true\n"
                                      "demand_years = [1]\n\n[objective]\n"
                                   << objective << "\n\n[goals]\nh = { target = 10.0 }\n";
  return read_plan(dir / "plan.toml");
}

lp::TradeoffSpec hand_spec(int points) {
  lp::TradeoffSpec spec;
  spec.heavy = {{0, 1.0}};
  spec.consumption = {1};
  spec.year = 1;
  spec.points = points;
  return spec;
}

bool binds(const lp::TradeoffPoint& p, const std::string& row) {
  return std::any_of(p.binding.begin(), p.binding.end(), [&](const lp::BindingRow& b) { return b.row == row; });
}

TEST(TradeoffFrontier, TwoSectorByHand) {
  const Plan plan = hand_plan("tradeoff-hand");
  const lp::TradeoffFrontier f = lp::tradeoff_frontier(plan, hand_spec(9));
  EXPECT_NEAR(f.min_consumption, 0.0, 1e-9);
  EXPECT_NEAR(f.max_consumption, 1.6, 1e-9);
  ASSERT_EQ(f.points.size(), 9u);
  for (std::size_t k = 0; k < f.points.size(); ++k) {
    const lp::TradeoffPoint& p = f.points[k];
    const double eps = 0.2 * static_cast<double>(k);
    ASSERT_EQ(p.status, "optimal") << k;
    EXPECT_NEAR(p.consumption, eps, 1e-9);
    EXPECT_NEAR(*p.heavy, std::min(10.0, 12.0 - 5.0 * eps), 1e-9) << "ε = " << eps;
  }
  // Either side of the kink at ε = 0.4: what binds, and the price of consumption in heavy output.
  EXPECT_TRUE(binds(f.points[1], "plant[1]"));
  EXPECT_FALSE(binds(f.points[1], "labour[1]"));
  EXPECT_NEAR(*f.points[1].slope, 0.0, 1e-9);
  EXPECT_TRUE(binds(f.points[5], "labour[1]"));
  EXPECT_TRUE(binds(f.points[5], "consumption_floor"));
  EXPECT_FALSE(binds(f.points[5], "plant[1]"));
  EXPECT_NEAR(*f.points[5].slope, -5.0, 1e-9);
}

TEST(TradeoffFrontier, TwoSectorEndPointsAreSeparatePlans) {
  // The ends through the ordinary plan path: no household demand and max-output of h gives the
  // frontier's first point; max-consumption of c (no exogenous demand) gives θ_max·5.
  const lp::TradeoffFrontier f = lp::tradeoff_frontier(hand_plan("tradeoff-ends"), hand_spec(5));
  const lp::PlanResult heavy = lp::solve_plan(hand_plan("tradeoff-heavy", "kind = \"max-output\"\nyears = [1]\nweights = { c = 0.0 }", 0.0));
  ASSERT_EQ(heavy.status, "optimal");
  EXPECT_NEAR(*f.points.front().heavy, *heavy.objective, 1e-9);
  const lp::PlanResult cons = lp::solve_plan(
      hand_plan("tradeoff-cons", "kind = \"max-consumption\"\nyears = [1]\nweights = { h = 0.0, c = 1.0 }", 0.0));
  ASSERT_EQ(cons.status, "optimal");
  EXPECT_NEAR(f.max_consumption * 5.0, *cons.objective, 1e-9);
}

TEST(TradeoffFrontier, WarmEqualsColdSolves) {
  const Plan plan = hand_plan("tradeoff-cold");
  const auto warm = lp::tradeoff_frontier(plan, hand_spec(7));
  const auto cold = lp::tradeoff_frontier(plan, hand_spec(7), {}, [](const lp::LinearProgram& lp, const lp::SolveOptions& o) {
    return lp::solve_with_clp(lp, o);
  });
  for (std::size_t k = 0; k < warm.points.size(); ++k) EXPECT_NEAR(*warm.points[k].heavy, *cold.points[k].heavy, 1e-9);
}

TEST(TradeoffFrontier, FirstPlanIsNonIncreasingConcaveWithSeparateEnds) {
  // The bundled Gosplan optimal variant: a value function of an LP in its right-hand side is
  // concave, and raising the floor can only lower it (1e-7 relative to the index's size).
  const Plan plan = read_plan(std::string(PLANNER_SOURCE_DIR) + "/plans/fyp1-gosplan-optimal.toml");
  const lp::TradeoffSpec spec = lp::default_tradeoff_spec(plan);
  ASSERT_EQ(spec.consumption.size(), 2u);  // grain, consumer goods
  ASSERT_EQ(spec.heavy.size(), 7u);        // the seven goal sectors
  const lp::TradeoffFrontier f = lp::tradeoff_frontier(plan, spec);
  ASSERT_GT(f.max_consumption, 1.0);       // the plan's own demand (θ = 1) is attainable
  ASSERT_EQ(f.points.size(), 22u);          // 21 on the grid, and θ = 1
  EXPECT_TRUE(std::any_of(f.points.begin(), f.points.end(), [](const lp::TradeoffPoint& p) { return p.consumption == 1.0; }));
  const double tol = 1e-7 * *f.points.front().heavy;
  for (std::size_t k = 0; k < f.points.size(); ++k) ASSERT_EQ(f.points[k].status, "optimal") << k;
  for (std::size_t k = 1; k < f.points.size(); ++k) EXPECT_LE(*f.points[k].heavy, *f.points[k - 1].heavy + tol) << k;
  auto chord = [&](std::size_t k) {  // slope from point k−1 to k
    return (*f.points[k].heavy - *f.points[k - 1].heavy) / (f.points[k].consumption - f.points[k - 1].consumption);
  };
  for (std::size_t k = 1; k + 1 < f.points.size(); ++k)  // concave ⇔ the chords' slopes fall
    EXPECT_LE(chord(k + 1), chord(k) + tol) << k;
  EXPECT_LT(*f.points.back().heavy, *f.points.front().heavy);  // consumption does cost heavy output

  // The ends as two separate cold solves of the same LP: max heavy with no floor, max θ.
  lp::LinearProgram lp = lp::tradeoff_lp(plan, spec);
  const lp::LpSolution no_floor = lp::solve_with_clp(lp);
  ASSERT_EQ(no_floor.status, lp::SolveStatus::optimal);
  EXPECT_NEAR(*f.points.front().heavy, no_floor.objective, tol);
  std::fill(lp.col_cost.begin(), lp.col_cost.end(), 0.0);
  lp.col_cost[static_cast<std::size_t>(*lp.column("consumption_level"))] = 1.0;
  const lp::LpSolution most = lp::solve_with_clp(lp);
  ASSERT_EQ(most.status, lp::SolveStatus::optimal);
  EXPECT_NEAR(f.points.back().consumption, most.objective, 1e-9 * most.objective);

  // The plan's own solve sits at θ = 1, on or below the frontier there (its point is feasible).
  const lp::PlanResult r = lp::solve_plan(plan);
  auto pos = lp::tradeoff_position(plan, spec, r);
  ASSERT_TRUE(pos);
  EXPECT_NEAR(pos->first, 1.0, 1e-12);
  lp::LinearProgram heavy_at_one = lp::tradeoff_lp(plan, spec);
  heavy_at_one.row_lower[static_cast<std::size_t>(*heavy_at_one.row("consumption_floor"))] = 1.0;
  const lp::LpSolution v1 = lp::solve_with_clp(heavy_at_one);
  ASSERT_EQ(v1.status, lp::SolveStatus::optimal);
  EXPECT_LE(pos->second, v1.objective + tol);
}

TEST(TradeoffFrontier, BadNamesAreBadInput) {
  const Plan plan = hand_plan("tradeoff-bad");
  EXPECT_THROW(lp::tradeoff_spec(plan, {"steel"}, {}), Error);
  EXPECT_THROW(lp::tradeoff_spec(plan, {}, {}, 2), Error);
  EXPECT_THROW(lp::tradeoff_spec(plan, {}, {}, 0, 1), Error);
}

}  // namespace
}  // namespace planner
