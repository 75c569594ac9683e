#pragma once
// A plan's overrides of its model's capacities and coefficients (issue #21: a plan edited in
// `planner serve` and downloaded must say everything it changed in the plan file itself):
//   [capacity]   coal = 40.0                  opening capacity k̄ of a sector that has one
//   [export_limit] grain = 2.0                exports a year, of a sector with an export_price
//   [technical]  coal = { steel = 0.9 }       a[coal, steel]: coal per unit of steel output
//   [capital]    steel = { coal = 0.05 }      b[steel, coal]: steel per unit of new coal capacity
// Applied onto plan.economy after the model is read; errors name the plan file, line and key.
#include "planner/io/toml_fields.hpp"
#include "planner/model/economy.hpp"

namespace planner {

/// Applies [capacity], [export_limit], [technical] and [capital] of the plan's top-level `top` onto `e`.
void apply_model_overrides(const toml_fields::Fields& top, Economy& e);

}  // namespace planner
