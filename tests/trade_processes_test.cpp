// Imports and exports as techniques (issue 19): a product bought abroad for foreign currency
// that an export process earns, with a price path by year and a capacity. Hand-derived:
// machinery costs 4 labour at home; abroad it costs p_m(t) currency, earned by exporting grain
// at 1 currency per unit, grain costing 1 labour — so an import costs p_m(t) labour. With
// p_m = 3 in year 1 (imports capped at 6) and 5 in year 2, the least labour for 10 machines a
// year is 6·3 + 4·4 = 34 in year 1 and 10·4 = 40 in year 2; the idle import of year 2 would
// have to save 5 − 4 = 1 labour per machine. 5 units of oil a year are imported too (at 1,
// against 10 labour at home), so grain is exported every year and the price of currency is
// pinned at 1 labour (without any trade in a year it would not be unique: a degenerate optimum).
#include <gtest/gtest.h>

#include <fstream>

#include "planner/io/plan_reader.hpp"
#include "planner/lp/solve_plan.hpp"
#include "scratch_dir.hpp"

namespace {

TEST(TradeProcesses, ImportsPaidByExportsFollowThePricePath) {
  const auto dir = planner::test::scratch_dir("trade_processes");
  std::ofstream(dir / "model.toml") << R"(name = "import or make"
[[sector]]
id = "grain"
output = 0.0
[[sector]]
id = "machinery"
output = 0.0
[[sector]]
id = "oil"
output = 0.0
[technical]
rows = { grain = [0.0, 0.0, 0.0], machinery = [0.0, 0.0, 0.0], oil = [0.0, 0.0, 0.0] }
[[resource]]
id = "labour"
per_output = { grain = 1.0, machinery = 4.0, oil = 10.0 }
[[process]]
id = "oil_bought"
product = "oil"
kind = "import"
price = 1.0
[[process]]
id = "grain_sold"
product = "grain"
kind = "export"
price = 1.0
[[process]]
id = "machines_bought"
product = "machinery"
kind = "import"
price = [0.0, 3.0, 5.0]
capacity = 6.0
)";
  std::ofstream(dir / "plan.toml") << R"(model = "model.toml"
years = 2
[demand]
machinery = 10.0
oil = 5.0
[objective]
kind = "min-resource"
resource = "labour"
)";
  const auto r = planner::lp::solve_plan(planner::read_plan(dir / "plan.toml"));
  ASSERT_EQ(r.status, "optimal");
  EXPECT_NEAR(*r.objective, 34.0 + 40.0 + 2 * 5.0, 1e-9);
  EXPECT_NEAR(r.activity.at("machines_bought", 1), 6.0, 1e-9);
  EXPECT_NEAR(r.activity.at("grain_sold", 1), 18.0 + 5.0, 1e-9);  // 6 machines × 3 + 5 oil × 1
  EXPECT_NEAR(r.activity.at("grain_sold", 2), 5.0, 1e-9);
  EXPECT_NEAR(r.output.at("machinery", 1), 4.0, 1e-9);
  EXPECT_NEAR(r.activity.at("machines_bought", 2), 0.0, 1e-9);
  EXPECT_NEAR(r.output.at("machinery", 2), 10.0, 1e-9);
  EXPECT_NEAR(r.reduced_cost.at("machines_bought", 2), 1.0, 1e-9);
  // Trade processes exist in plan years only and show in the technique mix of their product.
  EXPECT_FALSE(r.activity.get("machines_bought", 0).has_value());
  ASSERT_EQ(r.techniques.size(), 3u);
  EXPECT_EQ(r.techniques[2].first, "machinery");  // in the order of the processes
}

}  // namespace
