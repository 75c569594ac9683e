#pragma once
// The plan-versus-feasible-versus-actual report as one self-contained HTML page: inline CSS
// and inline SVG charts, no scripts, no fonts or images fetched, so it works offline and
// prints. Same Comparison, same bytes.
#include <string>

#include <vector>

#include "planner/report/comparison.hpp"
#include "planner/report/cost_frontier.hpp"

namespace planner {

/// The whole page: summary cards (λ per plan), a λ chart when several plans are compared,
/// then per plan a grouped bar chart (base / goal / feasible / actual, scaled to base-year
/// output), the product table, unmet goals, binding rows, re-solves and growth paths by
/// year; finally the sources.
std::string comparison_to_html(const Comparison& c);

/// The same page with the cost of industrialisation (cost_frontier.hpp) after the summary cards.
std::string comparison_to_html(const Comparison& c, const std::vector<CostFrontier>& frontiers);

/// Text with every http(s) URL turned into a link; everything escaped.
std::string html_linkify(const std::string& text);

}  // namespace planner
