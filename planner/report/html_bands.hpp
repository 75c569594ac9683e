#pragma once
// The report's "How sure" section (`compare --samples N --format html`): the λ* band in words,
// the goal year's percentiles with the probability each goal was feasible, what made draws
// fail, and the tornado chart of the inputs λ* hangs on (Sobol indices).
#include <string>

#include "planner/report/comparison.hpp"

namespace planner::html {

/// The section, or "" when the plan has no draws.
std::string how_sure(const PlanComparison& p);

/// The tornado chart of λ*'s Sobol total indices (first-order inside), at most `top` inputs.
std::string tornado_chart(const PlanBands& b, std::size_t top = 12);

}  // namespace planner::html
