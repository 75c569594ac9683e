// Tests of planner/io/plan_overrides.cpp: a plan's [capacity], [export_limit], [technical] and [capital]
// tables override its model's numbers (issue 21), and only where they say.
#include "planner/io/plan_overrides.hpp"

#include <gtest/gtest.h>

#include "planner/io/model_reader.hpp"
#include "planner/io/plan_reader.hpp"
#include "tests/expect_error.hpp"

namespace planner {
namespace {

// The inline Williams model: coal, steel, transport; capacities 300, 350, 280.
const std::filesystem::path kData = std::filesystem::path(PLANNER_SOURCE_DIR) / "tests/data/readers/inline";

std::string plan(const std::string& extra) {
  return "model = \"model.toml\"\n"  // line 1
         "years = 5\n"               // line 2
         "[objective]\n"             // line 3
         "kind = \"max-capacity\"\n" + extra;
}

Plan parse(const std::string& text) { return parse_plan(text, "plan.toml", kData); }

TEST(PlanOverrides, ChangeOnlyTheNumbersTheyName) {
  const Economy model = read_model(kData / "model.toml");
  const Plan p = parse(plan("[capacity]\ncoal = 320.0\n"
                            "[technical]\ncoal = { steel = 0.45 }\n"
                            "[capital]\ntransport = { coal = 0.25, steel = 0.0 }\n"));
  const Economy& e = p.economy;
  EXPECT_EQ(*e.sectors[0].capacity, 320.0);
  EXPECT_EQ(*e.sectors[1].capacity, 350.0);
  EXPECT_EQ(e.technical(0, 1), 0.45);  // a[coal, steel]: was 0.5
  EXPECT_EQ(e.capital(2, 0), 0.25);    // b[transport, coal]: was 0.2
  EXPECT_EQ(e.capital(2, 1), 0.0);     // was 0.1
  Eigen::MatrixXd a = model.technical, b = model.capital;
  a(0, 1) = 0.45;
  b(2, 0) = 0.25;
  b(2, 1) = 0.0;
  EXPECT_EQ(e.technical, a);
  EXPECT_EQ(e.capital, b);
}

TEST(PlanOverrides, BadOverridesNameTheKey) {
  expect_bad_input([] { parse(plan("[capacity]\niron = 3.0\n")); }, {"plan.toml:line 6: capacity.iron", "no sector \"iron\""});
  expect_bad_input([] { parse(plan("[capacity]\ncoal = -3.0\n")); }, {"line 6: capacity.coal", "≥ 0"});
  expect_bad_input([] { parse(plan("[technical]\ncoal = { iron = 0.1 }\n")); }, {"technical.coal.iron", "no sector \"iron\""});
  expect_bad_input([] { parse(plan("[technical]\niron = { coal = 0.1 }\n")); }, {"technical.iron", "no sector \"iron\""});
  expect_bad_input([] { parse(plan("[capital]\ncoal = { steel = -0.1 }\n")); }, {"capital.coal.steel", "≥ 0"});
  expect_bad_input([] { parse(plan("[technical]\ncoal = 0.1\n")); }, {"technical.coal", "table"});
}

TEST(PlanOverrides, CapacityOnlyWhereTheModelHasOne) {
  // miller-blair-2 states no capacities: an override would switch on a limit nobody stated.
  const auto dir = std::filesystem::path(PLANNER_SOURCE_DIR) / "models/miller-blair-2";
  expect_bad_input([&] {
    parse_plan("model = \"model.toml\"\nyears = 2\n[objective]\nkind = \"max-output\"\n[capacity]\nsec1 = 5.0\n", "plan.toml", dir);
  }, {"capacity.sec1", "has no capacity in the model"});
}

// [export_limit] changes one sector's export limit of the USSR model (grain 5.8 Mt, oil 5.0 Mt)
// and nothing else; a sector the model lets nobody export is an error.
TEST(PlanOverrides, ExportLimitOnlyWhereTheModelHasAnExportPrice) {
  const auto dir = std::filesystem::path(PLANNER_SOURCE_DIR) / "models/ussr-1928";
  const std::string head = "model = \"model.toml\"\nyears = 5\n[objective]\nkind = \"max-capacity\"\n";
  const Economy model = read_model(dir / "model.toml");
  const Plan p = parse_plan(head + "[export_limit]\ngrain = 2.0\n", "plan.toml", dir);
  const auto grain = *model.sector_index("grain"), oil = *model.sector_index("oil");
  EXPECT_EQ(*model.sectors[grain].export_limit, 5.8);
  EXPECT_EQ(*p.economy.sectors[grain].export_limit, 2.0);
  EXPECT_EQ(*p.economy.sectors[oil].export_limit, *model.sectors[oil].export_limit);
  EXPECT_EQ(*p.economy.sectors[grain].export_price, *model.sectors[grain].export_price);
  expect_bad_input([&] { parse_plan(head + "[export_limit]\ncoal = 2.0\n", "plan.toml", dir); },
                   {"plan.toml:line 6: export_limit.coal", "no export_price in the model"});
  expect_bad_input([&] { parse_plan(head + "[export_limit]\ngrain = -1.0\n", "plan.toml", dir); },
                   {"line 6: export_limit.grain", "≥ 0"});
}

}  // namespace
}  // namespace planner
