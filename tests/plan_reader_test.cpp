// Tests of planner/io/plan_reader.cpp and plan_goals.cpp: plan TOML files (spec §3).
#include "planner/io/plan_reader.hpp"

#include <gtest/gtest.h>

#include "tests/expect_error.hpp"

#include <fstream>
#include <functional>
#include <initializer_list>

#include "planner/lp/plan_lp_builder.hpp"
#include "planner/model/error.hpp"

namespace planner {
namespace {

// Plans in these tests run on the inline Williams model (base year 1928; sectors coal,
// steel (heavy), transport; resources labour, wages).
const std::filesystem::path kData = std::filesystem::path(PLANNER_SOURCE_DIR) / "tests/data/readers/inline";

/// A minimal plan (T = 5, max-capacity) followed by `extra`.
std::string plan(const std::string& extra, const std::string& objective = "kind = \"max-capacity\"\n") {
  return "model = \"model.toml\"\n"  // line 1
         "years = 5\n"               // line 2
         "[objective]\n" +           // line 3
         objective + extra;
}

Plan parse(const std::string& text) { return parse_plan(text, "plan.toml", kData); }

void expect_plan_error(const std::string& text, std::initializer_list<std::string> fragments) {
  expect_bad_input([&] { parse(text); }, fragments);
}

TEST(PlanReader, EveryKey) {
  Plan p = read_plan(kData / "plan.toml");
  EXPECT_EQ(p.name, "Fulfil the heavy-industry goals");
  EXPECT_EQ(p.description, "Goals from the 1929 variant; actuals from two sources.");
  EXPECT_EQ(p.economy.size(), 3u);
  EXPECT_EQ(p.years, 5);
  EXPECT_TRUE(p.terminal_steady_state);
  EXPECT_EQ(p.horizon(), 6);
  EXPECT_FALSE(p.terminal_capacity_bound);
  EXPECT_EQ(p.demand_years, (std::vector<int>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(p.objective.kind, ObjectiveKind::max_fulfilment);
  ASSERT_TRUE(p.then.has_value());
  EXPECT_EQ(p.then->kind, ObjectiveKind::min_resource);
  EXPECT_EQ(p.then->resource, "labour");
  EXPECT_EQ(p.then->years, (std::vector<int>{4, 5}));
  // [demand] overrides coal only; steel and transport keep the model's 60 and 30.
  EXPECT_EQ(*p.demand_override, (std::vector<double>{0.0, 60.0, 30.0}));
  EXPECT_DOUBLE_EQ(p.economy.sectors[0].demand, 60.0);  // the model's own demand is kept
  EXPECT_EQ(p.economy.resources[0].available, (std::vector<double>{470.0, 480.0}));
  EXPECT_TRUE(p.economy.resources[1].unlimited());

  ASSERT_EQ(p.goals.size(), 4u);
  const Goal& coal = p.goals[0];
  EXPECT_EQ(coal.id, "coal");
  EXPECT_EQ(coal.sector, "coal");
  EXPECT_DOUBLE_EQ(*coal.target, 75.0);
  EXPECT_EQ(coal.year, 5);
  EXPECT_EQ(coal.source, "Gosplan 1929");
  EXPECT_EQ(coal.note, "optimal variant");
  const Goal& steel = p.goals[1];
  EXPECT_EQ(steel.sector, "steel");
  EXPECT_DOUBLE_EQ(*steel.multiple, 3.0);
  EXPECT_EQ(steel.year, 3);  // 1931 − 1928
  EXPECT_DOUBLE_EQ(steel.weight, 2.0);
  EXPECT_EQ(p.goals[2].group, "heavy");
  EXPECT_TRUE(p.goals[2].sector.empty());
  EXPECT_EQ(p.goals[3].weights, (std::map<std::string, double>{{"coal", 1.0}, {"steel", 2.5}}));

  ASSERT_EQ(p.actuals.size(), 3u);
  EXPECT_EQ(p.actuals[0].sector, "coal");
  EXPECT_EQ(p.actuals[0].year, 1932);
  EXPECT_DOUBLE_EQ(p.actuals[0].value, 64.3);
  ASSERT_EQ(p.actuals[0].alternatives.size(), 1u);
  EXPECT_EQ(p.actuals[0].alternatives[0], (std::pair<double, std::string>{64.4, "TsSU"}));
  EXPECT_EQ(p.actuals[1].year, 1937);
  EXPECT_EQ(p.actuals[1].note, "second plan");
  EXPECT_EQ(p.actuals[2].sector, "steel");
}

TEST(PlanReader, Defaults) {
  Plan p = parse(plan(""));
  EXPECT_EQ(p.name, "plan");
  EXPECT_FALSE(p.terminal_steady_state);
  EXPECT_TRUE(p.terminal_capacity_bound);
  EXPECT_EQ(p.demand_years, (std::vector<int>{1, 2, 3, 4, 5}));
  EXPECT_FALSE(p.demand_override.has_value());
  EXPECT_FALSE(p.then.has_value());
  EXPECT_EQ(p.economy.resources[0].available, std::vector<double>{470.0});
  EXPECT_NE(p.model_file.find("model.toml"), std::string::npos);
}

TEST(PlanReader, MissingModelNamesTheModelKey) {
  expect_plan_error("name = \"x\"\nmodel = \"nowhere/model.toml\"\nyears = 5\n",
                    {"plan.toml:line 2: model", "model file not found", "nowhere/model.toml"});
  expect_plan_error("years = 5\n", {"plan.toml", "missing key \"model\""});
  expect_bad_input([] { read_plan(kData / "no-such-plan.toml"); }, {"no-such-plan.toml", "file not found"});
}

TEST(PlanReader, ModelErrorsNameTheModelFile) {
  expect_bad_input([] { parse_plan("model = \"../csv/technical.csv\"\nyears = 1\n", "plan.toml", kData); },
                   {"technical.csv:line 1", "malformed TOML"});
}

TEST(PlanReader, TopLevelKeys) {
  expect_plan_error("modle = 1\n" + plan(""), {"plan.toml:line 1: modle", "unknown key", "allowed here:"});
  expect_plan_error(plan("", "kind = \"max-capacity\"\n[then]\nkind = \"max-output\"\n"), {"line 5: then", "unknown key"});
  expect_plan_error("model = \"model.toml\"\n", {"plan.toml", "missing key \"years\""});
  expect_plan_error("model = \"model.toml\"\nyears = 0\n", {"line 2: years", "1…1000, got 0"});
  expect_plan_error("model = \"model.toml\"\nyears = 5.5\n", {"line 2: years", "integer"});
  expect_plan_error("model = \"model.toml\"\nyears = 5\n", {"missing [objective]", "max-capacity"});
  expect_plan_error("terminal = \"steady\"\n" + plan(""), {"line 1: terminal", "\"steady-state\" or \"none\""});
  expect_plan_error("terminal_capacity_bound = \"yes\"\n" + plan(""), {"terminal_capacity_bound", "true or false"});
}

// A [demand] list is the demand year by year (0, 1, …), its last value repeated after its end;
// a number beside it keeps meaning every demand year (docs/file-formats.md, "[demand]").
TEST(PlanReader, DemandByYear) {
  Plan p = parse("demand_years = [0, 1, 2, 3, 4, 5]\n" + plan("[demand]\ncoal = [1.0, 2.0, 3.5]\nsteel = 7.0\n"));
  ASSERT_EQ(p.demand_paths.size(), 3u);
  EXPECT_EQ(p.demand_paths[0], (std::vector<double>{1.0, 2.0, 3.5}));
  EXPECT_TRUE(p.demand_paths[1].empty());
  const std::vector<double> coal = {1.0, 2.0, 3.5, 3.5, 3.5, 3.5};
  for (int t = 0; t <= 5; ++t) {
    EXPECT_EQ(lp::plan_demand(p, 0, t), coal[static_cast<std::size_t>(t)]) << "year " << t;
    EXPECT_EQ(lp::plan_demand(p, 1, t), 7.0) << "year " << t;
    EXPECT_EQ(lp::plan_demand(p, 2, t), 30.0) << "year " << t;  // the model's transport demand
  }
  EXPECT_EQ((*p.demand_override)[0], 2.0);  // one number per sector for edits and sweeps: plan year 1
  // Outside the demand years the list gives nothing, as a number does.
  Plan q = parse(plan("[demand]\ncoal = [1.0, 2.0]\n"));
  EXPECT_EQ(lp::plan_demand(q, 0, 0), 0.0);
  EXPECT_EQ(lp::plan_demand(q, 0, 4), 2.0);
  expect_plan_error(plan("[demand]\ncoal = [1.0, -2.0]\n"), {"line 6: demand.coal", "coal[1]", "≥ 0, got -2"});
  expect_plan_error(plan("[demand]\ncoal = []\n"), {"line 6: demand.coal", "non-empty list"});
}

TEST(PlanReader, DemandYears) {
  expect_plan_error("demand_years = [-1, 1]\n" + plan(""), {"line 1: demand_years", "0…5, found -1"});
  expect_plan_error("demand_years = [6]\n" + plan(""), {"demand_years", "0…5, found 6"});
  EXPECT_EQ(parse("demand_years = [0, 1]\n" + plan("")).demand_years, (std::vector<int>{0, 1}));
  expect_plan_error("demand_years = [2, 2]\n" + plan(""), {"demand_years", "listed twice"});
  expect_plan_error("demand_years = 3\n" + plan(""), {"demand_years", "list of integers"});
  Plan p = parse("terminal = \"steady-state\"\ndemand_years = [6]\n" + plan(""));
  EXPECT_EQ(p.demand_years, std::vector<int>{6});
}

TEST(PlanReader, ObjectiveKinds) {
  expect_plan_error(plan("", "kind = \"maximum-capacity\"\n"),
                    {"line 4: objective.kind", "unknown objective kind \"maximum-capacity\"",
                     "max-capacity, max-output, max-resource, min-resource, max-fulfilment, max-consumption, min-shortfall"});
  expect_plan_error(plan("", "years = [5]\n"), {"objective", "missing key \"kind\""});
  expect_plan_error(plan("", "kind = \"max-resource\"\n"), {"objective", "needs resource"});
  expect_plan_error(plan("", "kind = \"min-resource\"\nresource = \"land\"\n"), {"line 5: objective.resource", "no resource \"land\""});
  expect_plan_error(plan("", "kind = \"max-output\"\nweights = { iron = 1 }\n"), {"objective.weights", "no sector \"iron\""});
  expect_plan_error(plan("", "kind = \"max-output\"\nyears = [7]\n"), {"objective.years", "0…5, found 7"});
  expect_plan_error(plan("", "kind = \"max-output\"\nresource = \"labour\"\n"),
                    {"objective.resource", "does not apply to kind = \"max-output\"", "max-resource"});
  expect_plan_error(plan("", "kind = \"max-capacity\"\nyears = [5]\n"), {"objective.years", "does not apply"});
  expect_plan_error(plan("", "kind = \"max-consumption\"\ndiscount = 0\n"), {"objective.discount", "(0,1], got 0"});
  expect_plan_error(plan("", "kind = \"max-consumption\"\nfloors = { coal = -1 }\n"), {"objective.floors.coal", "≥ 0"});
  expect_plan_error(plan("", "kind = \"max-fulfilment\"\n"), {"objective.kind", "needs at least one goal"});
  expect_plan_error(plan("", "kind = \"max-capacity\"\nwieghts = {}\n"), {"objective.wieghts", "unknown key"});

  Plan p = parse(plan("", "kind = \"max-consumption\"\ndiscount = 0.9\nweights = { coal = 2 }\nfloors = { steel = 1.5 }\nyears = [1, 2]\n"));
  EXPECT_EQ(p.objective.kind, ObjectiveKind::max_consumption);
  EXPECT_DOUBLE_EQ(p.objective.discount, 0.9);
  EXPECT_DOUBLE_EQ(p.objective.weights.at("coal"), 2.0);
  EXPECT_DOUBLE_EQ(p.objective.floors.at("steel"), 1.5);
  EXPECT_EQ(p.objective.years, (std::vector<int>{1, 2}));
}

TEST(PlanReader, ThenObjective) {
  Plan p = parse(plan("[objective.then]\nkind = \"max-output\"\nyears = [4, 5]\n"));
  ASSERT_TRUE(p.then.has_value());
  EXPECT_EQ(p.then->kind, ObjectiveKind::max_output);
  expect_plan_error(plan("[objective.then]\nkind = \"max-output\"\n[objective.then.then]\nkind = \"max-capacity\"\n"),
                    {"objective.then.then", "unknown key"});
  expect_plan_error(plan("[objective.then]\nkind = \"min-shortfall\"\n"), {"needs at least one goal"});
}

TEST(PlanReader, DemandOverride) {
  expect_plan_error(plan("[demand]\niron = 1.0\n"), {"line 6: demand.iron", "no sector \"iron\""});
  expect_plan_error(plan("[demand]\ncoal = -1.0\n"), {"demand.coal", "≥ 0"});
  expect_plan_error(plan("[demand]\ncoal = \"none\"\n"), {"demand.coal", "expected a number"});
}

TEST(PlanReader, ResourceOverrides) {
  expect_plan_error(plan("[resources.land]\nunlimited = true\n"), {"resources.land", "no resource \"land\""});
  expect_plan_error(plan("[resources.labour]\nunlimited = true\navailable = 5\n"), {"resources.labour", "only one of"});
  expect_plan_error(plan("[resources.labour]\n"), {"resources.labour", "expected one of: available, unlimited"});
  expect_plan_error(plan("[resources.labour]\nunlimited = false\n"), {"resources.labour.unlimited", "give available"});
  expect_plan_error(plan("[resources.labour]\navailable = -1\n"), {"resources.labour.available", "≥ 0"});
  expect_plan_error(plan("[resources.labour]\nlimit = 3\n"), {"resources.labour.limit", "unknown key"});
  Plan p = parse(plan("[resources.labour]\navailable = 500\n"));
  EXPECT_EQ(p.economy.resources[0].available, std::vector<double>{500.0});
}

TEST(PlanReader, GoalErrors) {
  expect_plan_error(plan("[goals]\ncoal = { target = 0.0 }\n"), {"line 6: goals.coal.target", "> 0, got 0"});
  expect_plan_error(plan("[goals]\ncoal = { multiple = -2 }\n"), {"goals.coal.multiple", "> 0"});
  expect_plan_error(plan("[goals]\ncoal = { }\n"), {"goals.coal", "expected one of: target, multiple"});
  expect_plan_error(plan("[goals]\ncoal = { target = 1, multiple = 2 }\n"), {"goals.coal.multiple", "only one of"});
  expect_plan_error(plan("[goals]\niron = { target = 1 }\n"), {"goals.iron", "no sector \"iron\"", "group ="});
  expect_plan_error(plan("[goals]\nx = { sector = \"iron\", target = 1 }\n"), {"goals.x.sector", "no sector \"iron\""});
  expect_plan_error(plan("[goals]\nx = { group = \"light\", multiple = 2 }\n"), {"goals.x.group", "group \"light\""});
  expect_plan_error(plan("[goals]\nx = { group = \"heavy\", sector = \"coal\", multiple = 2 }\n"), {"goals.x", "only one of sector, group"});
  expect_plan_error(plan("[goals]\nx = { group = \"heavy\", target = 100 }\n"), {"goals.x.target", "needs weights"});
  expect_plan_error(plan("[goals]\nx = { group = \"heavy\", multiple = 2, weights = { transport = 1 } }\n"),
                    {"goals.x.weights", "not in group \"heavy\""});
  expect_plan_error(plan("[goals]\ncoal = { target = 1, weights = { coal = 1 } }\n"), {"goals.coal.weights", "only to group goals"});
  expect_plan_error(plan("[goals]\ncoal = { target = 1, year = 1928 }\n"), {"goals.coal.year", "year 1928 is plan year 0", "1929…1933"});
  expect_plan_error(plan("[goals]\ncoal = { target = 1, year = 1934 }\n"), {"goals.coal.year", "plan year 6"});
  expect_plan_error(plan("[goals]\ncoal = { target = 1, weight = -1 }\n"), {"goals.coal.weight", "≥ 0"});
  expect_plan_error(plan("[goals]\ncoal = { target = 1, colour = \"red\" }\n"), {"goals.coal.colour", "unknown key"});
  expect_plan_error(plan("[goals]\ncoal = 75.0\n"), {"goals.coal", "expected a table"});
}

TEST(PlanReader, MultipleOfZeroOutputIsAnError) {
  auto dir = std::filesystem::path(::testing::TempDir()) / "planner_plan_zero_output";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "model.toml") << "[[sector]]\nid = \"a\"\n[technical]\nrows = { a = [0] }\n";
  expect_bad_input([&] { parse_plan(plan("[goals]\na = { multiple = 2 }\n"), "plan.toml", dir); },
                   {"goals.a.multiple", "base-year output 0"});
}

TEST(PlanReader, ActualErrors) {
  expect_plan_error(plan("[actual]\ncoal = { value = 1, year = 1927 }\n"), {"line 6: actual.coal.year", "outside the data", "1928"});
  expect_plan_error(plan("[actual]\ncoal = { value = 1, year = 1954 }\n"), {"actual.coal.year", "outside the data", "1953"});
  expect_plan_error(plan("[actual]\niron = { value = 1 }\n"), {"actual.iron", "no sector \"iron\""});
  expect_plan_error(plan("[actual]\nx = { sector = \"iron\", value = 1 }\n"), {"actual.x.sector", "no sector"});
  expect_plan_error(plan("[actual]\ncoal = { year = 1932 }\n"), {"actual.coal", "missing key \"value\""});
  expect_plan_error(plan("[actual]\ncoal = { value = -1 }\n"), {"actual.coal.value", "≥ 0"});
  expect_plan_error(plan("[actual]\ncoal = [{ value = 1, year = 1932 }, { value = 2, year = 1932 }]\n"),
                    {"actual.coal[2]", "second actual for \"coal\" in 1932", "alternatives"});
  expect_plan_error(plan("[actual]\ncoal = { value = 1, alternatives = [{ value = 2, sauce = \"x\" }] }\n"),
                    {"actual.coal.alternatives[1].sauce", "unknown key"});
  Plan p = parse(plan("[actual]\ncoal = { value = 1 }\n"));
  EXPECT_EQ(p.actuals[0].year, 1933);  // default: the plan's last year
  p = parse(plan("[actual]\ncoal = { value = 1, year = 1953 }\n"));
  EXPECT_EQ(p.actuals[0].year, 1953);  // plan end + 20 is still data
}

}  // namespace
}  // namespace planner
