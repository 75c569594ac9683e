// The two-sector dynamic oracle of issue #17: small enough to solve by hand. Sectors a and b
// (base-year output 10 and 20, no intermediate inputs), one plan year (1929), two resources:
//   fuel    2·x_a          ≤ 40   (b burns none)
//   labour  x_a + L_b·x_b  ≤ 60   (L_b = 2; the "perturbed" model has L_b = 3)
// Goal: a = 25 in 1929. Recorded 1929: a = 15, b = 18.
#pragma once

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "planner/io/plan_reader.hpp"
#include "scratch_dir.hpp"

namespace planner::test {

/// Writes the model and a plan into a scratch folder and reads the plan. `plan_extra` is
/// appended to the plan's top level (before its tables), `actuals` replaces the [actual] table.
inline Plan two_sector_plan(const std::string& what, double labour_b = 2.0, const std::string& plan_extra = "",
                            const std::string& actuals = "a = { value = 15.0, year = 1929 }\nb = { value = 18.0, year = 1929 }\n") {
  const auto dir = scratch_dir(what);
  std::ofstream(dir / "model.toml") << fmt::format(R"toml(name = "Two sectors, fuel and labour"
unit = "unit"
base_year = 1928

[[sector]]
id = "a"
name = "Alpha (first)"
output = 10.0

[[sector]]
id = "b"
name = "Beta"
output = 20.0

[technical]
lag = 0
rows = {{ a = [0.0, 0.0], b = [0.0, 0.0] }}

[[resource]]
id = "fuel"
unit = "t"
available = 40.0
per_output = {{ a = 2.0, b = 0.0 }}

[[resource]]
id = "labour"
unit = "man-years"
available = 60.0
per_output = {{ a = 1.0, b = {} }}
)toml",
                                                   labour_b);
  std::ofstream(dir / "plan.toml") << "name = \"two-sector oracle\"\nmodel = \"model.toml\"\nyears = 1\nfree_disposal = true\n"
                                   << plan_extra
                                   << "\n[objective]\nkind = \"max-fulfilment\"\n\n[goals]\na = { target = 25.0 }\n\n[actual]\n"
                                   << actuals;
  return read_plan(dir / "plan.toml");
}

}  // namespace planner::test
