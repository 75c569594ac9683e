#pragma once
// The cost frontier's section of the HTML comparison report (issue #19, part 5): one chart of
// heavy-industry output against consumption (both base year = 100), each model's frontier a line,
// each plan variant a marker, history's heavy-industry records dashed across (the data have no
// consumption series), and a table of the frontier's points with the figures behind them.
#include <string>
#include <vector>

#include "planner/report/cost_frontier.hpp"

namespace planner::html {

/// The section (empty when there is no frontier).
std::string cost_frontier_section(const std::vector<CostFrontier>& frontiers);

}  // namespace planner::html
