// A sector's own export and import as processes with a price path (`implicit = true` on an
// import/export, issue 19): the price is the sector's export_price (import_price) × price_index
// by year, the limit the sector's export_limit, and the sector has no trade variable besides.
// Hand-derived: machinery costs 4 labour at home, grain 1 labour; 10 machines are needed a year
// and may be stored. Grain sells at 2 × (1, 0.5, 0.2) currency per unit in years 1–3, at most 6
// a year; a machine costs 1 currency. So a machine bought abroad costs 1/p_g labour in grain:
// 0.5, 1, 2.5 — each cheaper than 4, so every year exports its limit and the currency row binds:
// 12, 6 and 2.4 machines are bought (12 ≥ the 10 of year 1), the other 9.6 made at home:
// labour 3·6 + 9.6·4 = 56.4. A unit more of year t's export limit buys 2·index(t) machines
// more, each saving 4 − its grain: shadow price 8·index(t) − 1 = 7, 3, 0.6 — the price path.
// Counted twice (a sector export variable beside the process), 12 a year could be exported.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "planner/io/plan_reader.hpp"
#include "planner/lp/solve_plan.hpp"
#include "scratch_dir.hpp"

namespace {

constexpr const char* kModel = R"(name = "grain for machines"
[[sector]]
id = "grain"
output = 0.0
export_price = 2.0
export_limit = 6.0
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
  EXPECT_NEAR(*r.objective, 3 * 6.0 + 9.6 * 4.0, 1e-9);
  const double bought[] = {12.0, 6.0, 2.4}, shadow[] = {7.0, 3.0, 0.6};
  for (int t = 1; t <= 3; ++t) {
    EXPECT_NEAR(r.activity.at("grain_exported", t), 6.0, 1e-9) << t;  // the sector's limit, once
    EXPECT_NEAR(r.activity.at("machinery_imported", t), bought[t - 1], 1e-9) << t;
    // The process is the sector's trade: reported as its exports and imports too.
    EXPECT_NEAR(r.exports.at("grain", t), 6.0, 1e-9) << t;
    EXPECT_NEAR(r.imports.at("machinery", t), bought[t - 1], 1e-9) << t;
    bool found = false;
    for (const auto& b : r.binding)
      if (b.row == "process_capacity[grain_exported," + std::to_string(t) + "]") {
        found = true;
        EXPECT_NEAR(b.shadow_price, shadow[t - 1], 1e-9) << t;
      }
    EXPECT_TRUE(found) << t;
  }
}

TEST(SectorTradePath, APlansExportLimitLimitsTheProcess) {
  // [export_limit] grain = 3: half the machines bought, 6 + 3 + 1.2; 19.8 made at home.
  const auto r = planner::lp::solve_plan(
      planner::read_plan(write_case("sector_trade_path_limit", "[export_limit]\ngrain = 3.0\n")));
  ASSERT_EQ(r.status, "optimal");
  EXPECT_NEAR(*r.objective, 3 * 3.0 + 19.8 * 4.0, 1e-9);
  EXPECT_NEAR(r.activity.at("machinery_imported", 3), 1.2, 1e-9);
}

}  // namespace
