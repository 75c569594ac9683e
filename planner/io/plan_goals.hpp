#pragma once
// Private to planner/io: a plan's [goals] and [actual] tables (spec §3).
#include <vector>

#include "planner/io/toml_fields.hpp"
#include "planner/model/plan.hpp"

namespace planner {

/// Reads [goals] (`top` is the plan's top level) against `plan.economy` and `plan.years`.
std::vector<Goal> read_goals(const toml_fields::Fields& top, const Plan& plan);

/// Reads [actual] against `plan.economy`; years must lie in base_year … base_year + T + 20.
std::vector<Actual> read_actuals(const toml_fields::Fields& top, const Plan& plan);

/// How far after the plan's last year an actual may lie (later is "outside the data").
inline constexpr int kActualYearsAfterPlan = 20;

}  // namespace planner
