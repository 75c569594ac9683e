#pragma once
// Choice of technique in the HTML comparison report (issue #19): each plan's technique mix per
// product and year (the max-fulfilment solve's activities), and the verdicts of plans with one
// technique per product beside those with choices.
#include <string>

#include "planner/report/comparison.hpp"

namespace planner::html {

/// Per product with processes: stacked bars of what each technique made by year, and the table
/// (output and share). Empty when the plan's model has no processes.
std::string technique_mix(const PlanComparison& p);

/// λ* and goal-year outputs of every plan, one technique per product beside choices of technique;
/// empty unless the comparison has plans of both kinds.
std::string technique_verdicts(const Comparison& c);

}  // namespace planner::html
