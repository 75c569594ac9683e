// `planner aggregate --plan`: the USSR 1928 model and its First Five-Year Plans aggregated to
// seven groups; the written plan solves on the aggregated model and its goals and actuals are
// the hand sums of the original's (tolerance 1e-12 relative: sums of a few decimals). Goals on
// only part of a group, in mixed years, or weighted group goals exit 2 and write nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "planner/io/plan_reader.hpp"
#include "scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
using planner::test::run_cli;
using planner::test::write_text;

const std::string kModel = "models/ussr-1928/model.toml";
const std::string kGroups =
    "sector,group\n"
    "grain,agriculture\n"
    "coal,fuel_power\noil,fuel_power\nelectricity,fuel_power\n"
    "iron_ore,metals\npig_iron,metals\nsteel,metals\n"
    "machinery,machinery\ncement,cement\nconsumer_goods,consumer_goods\ntransport,transport\n";

const planner::Goal& goal(const planner::Plan& p, const std::string& id) {
  for (const auto& g : p.goals)
    if (g.id == id) return g;
  throw std::runtime_error("no goal " + id);
}

TEST(AggregatePlanCli, GoalsAreHandSumsAndThePlanSolves) {
  const fs::path dir = planner::test::scratch_dir("aggregate_plan_cli");
  write_text(dir / "groups.csv", kGroups);
  fs::remove_all(dir / "out");
  const auto run = run_cli("aggregate " + kModel + " -c " + (dir / "groups.csv").string() + " -o " + (dir / "out").string() +
                           " --plan plans/fyp1-gosplan-optimal.toml plans/fyp1-stated-goals.toml");
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("fyp1-gosplan-optimal.toml (goals and actuals summed per group)"), std::string::npos) << run.out;

  // Gosplan's optimal variant (AN77, GP29 targets): coal 75 + oil 21.7 + electricity 22;
  // iron ore 19.4 + pig iron 10 + steel 10.4; cement 41 alone; no goal for grain or machinery.
  const planner::Plan opt = planner::read_plan(dir / "out" / "fyp1-gosplan-optimal.toml");
  ASSERT_EQ(opt.goals.size(), 3u);
  EXPECT_NEAR(*goal(opt, "fuel_power").target, 75.0 + 21.7 + 22.0, 1e-12 * 118.7);
  EXPECT_NEAR(*goal(opt, "metals").target, 19.4 + 10.0 + 10.4, 1e-12 * 39.8);
  EXPECT_NEAR(*goal(opt, "cement").target, 41.0, 1e-12 * 41);
  for (const auto& g : opt.goals) EXPECT_EQ(g.year, 5) << g.id;
  // Actuals of 1932: fuel_power recorded in full (64.3 + 21.4 + 13.4); metals lacks iron ore, so it is dropped.
  double fuel = -1;
  for (const auto& a : opt.actuals) {
    EXPECT_NE(a.sector, "metals");
    if (a.sector == "fuel_power") fuel = a.value;
  }
  EXPECT_NEAR(fuel, 64.3 + 21.4 + 13.4, 1e-12 * 99.1);
  EXPECT_NE(run.out.find("actuals of group \"metals\" in 1932 dropped"), std::string::npos) << run.out;

  // Stated goals: heavy x3 (coal, iron ore, pig iron, steel), electricity x6, oil x2 on base
  // outputs 35.4, 5.05, 11.7: fuel_power = 3·35.4 + 2·11.7 + 6·5.05; metals all x3 stays a multiple.
  const planner::Plan stated = planner::read_plan(dir / "out" / "fyp1-stated-goals.toml");
  EXPECT_NEAR(*goal(stated, "fuel_power").target, 3 * 35.4 + 2 * 11.7 + 6 * 5.05, 1e-12 * 160);
  ASSERT_TRUE(goal(stated, "metals").multiple);
  EXPECT_DOUBLE_EQ(*goal(stated, "metals").multiple, 3.0);
  EXPECT_FALSE(goal(stated, "metals").target);

  const auto solve = run_cli("solve " + (dir / "out" / "fyp1-gosplan-optimal.toml").string() + " --format json");
  ASSERT_EQ(solve.code, 0) << solve.err << solve.out;
  const auto j = nlohmann::json::parse(solve.out);
  EXPECT_EQ(j["status"], "optimal");
  fs::remove_all(dir);
}

TEST(AggregatePlanCli, GoalsThatDoNotSumExitTwoAndWriteNothing) {
  const fs::path dir = planner::test::scratch_dir("aggregate_plan_cli_bad");
  const std::string model = fs::absolute(fs::path(PLANNER_SOURCE_DIR) / kModel).string();
  const std::string head = "model = \"" + model + "\"\nyears = 5\n[objective]\nkind = \"max-fulfilment\"\n[goals]\n";
  struct Case {
    std::string goals, fragment;
  };
  const Case cases[] = {
      {"coal = { target = 75.0 }\noil = { target = 21.7 }\n",
       "goals.coal: goal \"coal\" is on only part of group \"fuel_power\" (coal, oil, electricity): electricity has no goal in 1933"},
      {"coal = { target = 75.0 }\noil = { target = 21.7, year = 1932 }\nelectricity = { target = 22.0 }\n",
       "the goals of group \"fuel_power\" (coal, oil, electricity) fall in different years: 1932 (oil), 1933 (coal)"},
      {"heavy = { group = \"heavy\", target = 100.0, weights = { coal = 1.0, steel = 2.0 } }\n",
       "goals.heavy: goal \"heavy\" is a weighted value sum over group \"heavy\""},
      {"cement = { target = 41.0 }\n[technical]\ncoal = { steel = 0.9 }\n", "[technical] overrides figures of single sectors"},
  };
  write_text(dir / "groups.csv", kGroups);
  for (const auto& c : cases) {
    write_text(dir / "plan.toml", head + c.goals);
    fs::remove_all(dir / "out");
    const auto run = run_cli("aggregate " + kModel + " -c " + (dir / "groups.csv").string() + " -o " + (dir / "out").string() +
                             " --plan " + (dir / "plan.toml").string());
    EXPECT_EQ(run.code, 2) << c.goals << run.out;
    EXPECT_NE(run.err.find(c.fragment), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("plan.toml"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(dir / "out"));
  }
  // A plan on another model.
  write_text(dir / "plan.toml", "model = \"" + fs::absolute(fs::path(PLANNER_SOURCE_DIR) / "models/williams/model.toml").string() +
                                    "\"\nyears = 5\n[objective]\nkind = \"max-output\"\n");
  const auto other = run_cli("aggregate " + kModel + " -c " + (dir / "groups.csv").string() + " -o " + (dir / "out").string() +
                             " --plan " + (dir / "plan.toml").string());
  EXPECT_EQ(other.code, 2);
  EXPECT_NE(other.err.find("aggregate each model with its own plans"), std::string::npos) << other.err;
  EXPECT_FALSE(fs::exists(dir / "out"));
  fs::remove_all(dir);
}

}  // namespace
