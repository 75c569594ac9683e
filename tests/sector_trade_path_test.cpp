// A sector's own export and import as processes with a price path (`implicit = true` on an
// import/export, issue 19): the price is the sector's export_price (import_price) × price_index
// by year, the limit the sector's export_limit, and the sector has no trade variable besides.
// Hand-derived: machinery costs 4 labour at home; grain 1 labour. Grain sells at 2 × (1, 0.5,
// 0.2) currency per unit in years 1–3, machinery costs 1 currency, and 10 machines are needed a
// year. A machine bought abroad costs 1/p_g labour in grain exported: 0.5, 1, 2.5 — always
// cheaper than 4, so the currency row binds every year. Years 1–2 import all 10 (5 and 10 grain
// exported); in year 3 the export limit of 20 grain buys 8 machines and 2 are made at home:
// labour 5 + 10 + (20 + 2·4) = 43. The currency row's shadow price in year 3 is what a unit
// of currency saves there: a home-made machine less, 4 labour. Counted twice (a sector export
// at the constant price beside the process), year 3 could export 40 grain and cost less.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "planner/io/plan_reader.hpp"
#include "planner/lp/solve_plan.hpp"
#include "scratch_dir.hpp"

namespace {

constexpr const char* kModel = R"(name = "grain for machines"
[[sector]]
id = "grain"
output = 0.0
export_price = 2.0
export_limit = 20.0
[[sector]]
id = "machinery"
output = 0.0
import_price = 1.0
[technical]
rows = { grain = [0.0, 0.0], machinery = [0.0, 0.0] }
[[resource]]
id = "labour"
per_output = { grain = 1.0, machinery = 4.0 }
[[process]]
id = "grain_exported"
product = "grain"
kind = "export"
implicit = true
price_index = [1.0, 1.0, 0.5, 0.2]
[[process]]
id = "machinery_imported"
product = "machinery"
kind = "import"
implicit = true
)";

std::filesystem::path write_case(const char* name, const std::string& plan_extra) {
  const auto dir = planner::test::scratch_dir(name);
  std::ofstream(dir / "model.toml") << kModel;
  std::ofstream(dir / "plan.toml") << R"(model = "model.toml"
years = 3
[demand]
machinery = 10.0
[objective]
kind = "min-resource"
resource = "labour"
)" << plan_extra;
  return dir / "plan.toml";
}

TEST(SectorTradePath, FallingExportPriceBindsTheCurrencyRow) {
  const auto r = planner::lp::solve_plan(planner::read_plan(write_case("sector_trade_path", "")));
  ASSERT_EQ(r.status, "optimal");
  EXPECT_NEAR(*r.objective, 5.0 + 10.0 + 28.0, 1e-9);
  EXPECT_NEAR(r.activity.at("grain_exported", 1), 5.0, 1e-9);
  EXPECT_NEAR(r.activity.at("grain_exported", 2), 10.0, 1e-9);
  EXPECT_NEAR(r.activity.at("grain_exported", 3), 20.0, 1e-9);  // the sector's limit, once
  EXPECT_NEAR(r.activity.at("machinery_imported", 3), 8.0, 1e-9);
  EXPECT_NEAR(r.output.at("machinery", 3), 2.0, 1e-9);
  // The process is the sector's trade: reported as its exports and imports.
  EXPECT_NEAR(r.exports.at("grain", 3), 20.0, 1e-9);
  EXPECT_NEAR(r.imports.at("machinery", 1), 10.0, 1e-9);
  bool currency3 = false;
  for (const auto& b : r.binding)
    if (b.row == "currency[3]") currency3 = true, EXPECT_NEAR(std::abs(b.shadow_price), 4.0, 1e-9);
  EXPECT_TRUE(currency3);
}

TEST(SectorTradePath, APlansExportLimitLimitsTheProcess) {
  // [export_limit] grain = 10: year 3 buys 4 machines with 10 grain and makes 6 (34 labour).
  const auto r = planner::lp::solve_plan(
      planner::read_plan(write_case("sector_trade_path_limit", "[export_limit]\ngrain = 10.0\n")));
  ASSERT_EQ(r.status, "optimal");
  EXPECT_NEAR(*r.objective, 5.0 + 10.0 + 34.0, 1e-9);
  EXPECT_NEAR(r.activity.at("grain_exported", 3), 10.0, 1e-9);
}

}  // namespace
