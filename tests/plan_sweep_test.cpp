// planner/lp/plan_sweep.* and `planner sweep`: a warm-started sweep gives, at every step, the
// answer of an independent cold solve of the plan with that value (1e-7), and bad keys are
// bad input (exit 2) naming the key.
#include "planner/lp/plan_sweep.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "planner/io/plan_reader.hpp"
#include "planner/lp/clp_solver.hpp"
#include "planner/lp/solve_plan.hpp"
#include "planner/model/error.hpp"
#include "scratch_dir.hpp"

using namespace planner;
using namespace planner::lp;

namespace {

Plan williams() { return read_plan(std::string(PLANNER_SOURCE_DIR) + "/plans/williams-max-capacity.toml"); }

bool near_rel(double a, double b) { return std::fabs(a - b) <= 1e-7 * std::max(1.0, std::fabs(b)); }

/// Every step of the sweep equals a cold solve of the plan with the key set to that value.
void expect_cold_equal(const Plan& plan, const std::string& vary) {
  SweepSpec spec = parse_sweep_spec(vary);
  SweepResult r = run_sweep(plan, spec, SolveOptions{});
  ASSERT_EQ(static_cast<int>(r.points.size()), spec.steps);
  int warm = 0;
  for (const SweepPoint& p : r.points) {
    Plan q = plan;
    set_plan_value(q, spec.key, p.value);
    PlanResult cold = solve_plan(q);
    SCOPED_TRACE(vary + " at " + std::to_string(p.value));
    EXPECT_EQ(p.status, cold.status);
    ASSERT_EQ(p.objective.has_value(), cold.objective.has_value());
    if (p.objective) {
      EXPECT_PRED2(near_rel, *p.objective, *cold.objective);
    }
    if (p.fulfilment && cold.fulfilment) {
      EXPECT_PRED2(near_rel, *p.fulfilment, *cold.fulfilment);
    }
    warm += p.warm ? 1 : 0;
  }
  EXPECT_GE(warm, 1) << "no step started from the previous basis";
}

}  // namespace

TEST(PlanSweep, ParsesTheRange) {
  SweepSpec s = parse_sweep_spec("resources.labour.available=400:500:5");
  EXPECT_EQ(s.key, "resources.labour.available");
  EXPECT_EQ(s.steps, 5);
  EXPECT_DOUBLE_EQ(s.value(0), 400.0);
  EXPECT_DOUBLE_EQ(s.value(1), 425.0);
  EXPECT_DOUBLE_EQ(s.value(4), 500.0);
  EXPECT_DOUBLE_EQ(parse_sweep_spec("trade.credit=3:9:1").value(0), 3.0);
  for (const char* bad : {"labour", "=1:2:3", "k=1:2", "k=a:2:3", "k=1:2:0", "k=1:2:x", "k=1:inf:3"}) {
    try {
      parse_sweep_spec(bad);
      ADD_FAILURE() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::usage) << bad;
    }
  }
}

TEST(PlanSweep, SetsEachDocumentedKey) {
  Plan p = williams();
  set_plan_value(p, "resources.labour.available", 500.0);
  EXPECT_EQ(p.economy.resources[0].available, std::vector<double>{500.0});
  set_plan_value(p, "demand.steel", 7.0);
  ASSERT_TRUE(p.demand_override);
  EXPECT_DOUBLE_EQ((*p.demand_override)[1], 7.0);
  EXPECT_DOUBLE_EQ((*p.demand_override)[0], 60.0);  // the others keep the model's demand
  set_plan_value(p, "sectors.coal.capacity", 310.0);
  EXPECT_DOUBLE_EQ(*p.economy.sectors[0].capacity, 310.0);
  set_plan_value(p, "sectors.transport.stock", 90.0);
  EXPECT_DOUBLE_EQ(p.economy.sectors[2].stock, 90.0);
  set_plan_value(p, "sectors.coal.output", 1.0);
  EXPECT_DOUBLE_EQ(p.economy.sectors[0].output, 1.0);
  set_plan_value(p, "trade.credit", 4.0);
  EXPECT_EQ(p.economy.credit, std::vector<double>{4.0});
}

TEST(PlanSweep, UnknownKeysAndValuesAreBadInputNamingTheKey) {
  Plan p = williams();
  for (const char* key : {"resources.water.available", "demand.gold", "sectors.coal.colour", "years", "labour"}) {
    try {
      set_plan_value(p, key, 1.0);
      ADD_FAILURE() << key;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::bad_input) << key;
      EXPECT_NE(std::string(e.what()).find(key), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(set_plan_value(p, "demand.coal", -1.0), Error);
  // run_sweep checks both ends of the range before solving anything.
  EXPECT_THROW(run_sweep(p, parse_sweep_spec("demand.coal=10:-5:3"), SolveOptions{}), Error);
}

TEST(PlanSweep, WarmStepsEqualColdSolves) {
  // Labour from scarce (infeasible at 100, docs/user-guide.md) to plentiful: the status changes
  // along the way, and a diagnosis (another LP) sits between two steps.
  expect_cold_equal(williams(), "resources.labour.available=100:700:7");
  expect_cold_equal(williams(), "resources.labour.available=300:700:9");
  expect_cold_equal(williams(), "sectors.coal.capacity=200:500:7");
  expect_cold_equal(williams(), "demand.steel=0:80:5");
}

TEST(PlanSweep, WarmStepsEqualColdSolvesOnAFulfilmentPlan) {
  Plan p = read_plan(std::string(PLANNER_SOURCE_DIR) + "/plans/fyp1-gosplan-optimal.toml");
  ASSERT_FALSE(p.economy.resources.empty());
  expect_cold_equal(p, "trade.credit=0:100:4");
}

TEST(PlanSweep, WarmSolverRestartsFromTheBasis) {
  Plan p = williams();
  PlanLp a = build_plan_lp(p);
  ClpWarmSolver solver;
  LpSolution first = solver.solve(a.lp);
  EXPECT_FALSE(solver.last_was_warm());
  LpSolution again = solver.solve(a.lp);  // the same LP from its own optimal basis: no pivots
  EXPECT_TRUE(solver.last_was_warm());
  EXPECT_EQ(again.status, SolveStatus::optimal);
  EXPECT_EQ(again.iterations, 0);
  EXPECT_PRED2(near_rel, again.objective, first.objective);
}

TEST(SweepCli, PrintsJsonAndRejectsUnknownKeys) {
  auto ok = planner::test::run_cli("sweep plans/williams-max-capacity.toml --vary resources.labour.available=450:500:3 --format json");
  ASSERT_EQ(ok.code, 0) << ok.err;
  auto j = nlohmann::json::parse(ok.out);
  ASSERT_EQ(j["points"].size(), 3u);
  EXPECT_EQ(j["key"], "resources.labour.available");
  EXPECT_EQ(j["points"][2]["value"], 500.0);
  EXPECT_EQ(j["points"][2]["status"], "optimal");
  EXPECT_TRUE(j["points"][2]["warm"].get<bool>());
  EXPECT_EQ(ok.err.find('['), std::string::npos) << "no progress bar when stderr is not a terminal";

  auto bad = planner::test::run_cli("sweep plans/williams-max-capacity.toml --vary resources.water.available=1:2:2");
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("resources.water.available"), std::string::npos) << bad.err;
  EXPECT_TRUE(bad.out.empty());

  auto malformed = planner::test::run_cli("sweep plans/williams-max-capacity.toml --vary labour=1:2");
  EXPECT_EQ(malformed.code, 1) << malformed.err;
}
