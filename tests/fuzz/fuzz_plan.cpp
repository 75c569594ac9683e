// libFuzzer harness of the plan reader (planner/io/plan_reader.cpp, plan_goals.cpp). The
// input is the plan TOML, optionally followed by the model and CSV files it names
// (`#@file model.toml` sections, see fuzz_files.hpp). Any input must give a Plan or a
// bad-input Error; a Plan read must be well-formed (years in range, goal years in 1…T,
// goal sectors in the model).
#include <cstdint>
#include <cstdlib>

#include "planner/io/plan_reader.hpp"
#include "tests/fuzz/fuzz_files.hpp"

using namespace planner;

namespace {

void check_plan(const Plan& p) {
  if (p.years < 1 || p.economy.size() == 0) std::abort();
  for (int t : p.demand_years)
    if (t < 0 || t > p.horizon()) std::abort();
  for (const Goal& g : p.goals) {
    if (g.year < 1 || g.year > p.years) std::abort();
    if (g.group.empty() && !p.economy.sector_index(g.sector)) std::abort();
  }
  for (const Actual& a : p.actuals)
    if (!p.economy.sector_index(a.sector)) std::abort();
  if (p.demand_override && p.demand_override->size() != p.economy.size()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string text = fuzz::unpack(data, size);
  fuzz::expect_only_planner_errors([&] { check_plan(parse_plan(text, "fuzz_plan.toml", fuzz::work_dir())); });
  return 0;
}
