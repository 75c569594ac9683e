#pragma once
// The SVG charts of the HTML comparison report (html_report.cpp): λ by plan, each plan's
// products as multiples of base output, and each product's output path by year.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "planner/report/comparison.hpp"

namespace planner::html {

/// The plan's name, or its file when it has none.
std::string plan_label(const PlanComparison& p);
/// Bars of λ for every plan, by the goal year and by the actuals' year.
std::string lambda_chart(const Comparison& c);
/// Base, goal, feasible and actual of every product, as multiples of base-year output.
std::string product_bars(const PlanComparison& p);
/// (year, value) points of a path by calendar year.
std::vector<std::pair<double, double>> points_of(const std::map<int, double>& path);
/// One small chart per product: the LP's output path, the goal, the base and the records.
std::string growth_paths(const PlanComparison& p);

}  // namespace planner::html
