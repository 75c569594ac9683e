#pragma once
// A Monte Carlo run as one self-contained HTML page (`planner uncertainty … --format html`):
// per plan the text summary and a fan chart per product (5–95 % and 25–75 % of the draws
// around the median feasible path, the goal marked). Plain SVG, no scripts, works offline.
#include <string>
#include <vector>

#include "planner/uncertainty/uncertainty_format.hpp"

namespace planner::uncertainty {

std::string to_html(const RunHeader& run, const std::vector<PlanUncertainty>& plans);

}  // namespace planner::uncertainty
