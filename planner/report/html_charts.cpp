// The SVG charts of the comparison report (html_charts.hpp); no numerics, figures from the Comparison.
#include "planner/report/html_charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "planner/report/comparison_format.hpp"
#include "planner/report/svg_chart.hpp"

namespace planner::html {
namespace {

using svg::escape;

// Series colours: grey base, red goal, blue feasible, gold actual.
const char* const kBase = "#9aa0a6";
const char* const kGoal = "#b3261e";
const char* const kFeasible = "#1f6fb2";
const char* const kFeasibleThen = "#7fb2df";
const char* const kActual = "#e0a100";

}  // namespace

std::string plan_label(const PlanComparison& p) { return p.name.empty() ? p.file : p.name; }

std::string lambda_chart(const Comparison& c) {
  svg::BarChart chart;
  chart.title = "Fulfilment λ by plan: the share of every goal reachable at once";
  chart.y_label = "λ (1 = every goal met)";
  chart.reference = 1.0;
  chart.reference_label = "all goals met";
  chart.height = 340;
  bool any_by = false, any_noc = false, any_nox = false;
  for (const auto& p : c.plans)
    for (const auto& s : p.scenarios) {
      any_by = any_by || s.id.rfind("by-", 0) == 0;
      any_noc = any_noc || s.id == "no-consumption-floor";
      any_nox = any_nox || s.id == "no-exports";
    }
  chart.series.push_back({"by the goal year", kFeasible, "lambda"});
  if (any_by) chart.series.push_back({"by the actuals' year", kFeasibleThen, "lambda-by"});
  if (any_noc) chart.series.push_back({"without the consumption floor", "#5b8c5a", "lambda-noc"});
  if (any_nox) chart.series.push_back({"without exports", "#8e6bb0", "lambda-nox"});
  for (const auto& p : c.plans) {
    svg::BarGroup g;
    g.label = plan_label(p);
    auto add = [&](const Figure& v, const std::string& what) {
      g.values.push_back(v);
      g.value_labels.push_back(v ? format_lambda(v) : "");
      g.tooltips.push_back(plan_label(p) + " — λ " + what + ": " + format_lambda(v));
    };
    add(p.fulfilment, fmt::format("by {}", p.goal_year));
    const Scenario* by = nullptr;
    for (const auto& s : p.scenarios)
      if (s.id.rfind("by-", 0) == 0 && !by) by = &s;
    if (any_by) add(by ? by->fulfilment : Figure{}, by ? fmt::format("by {}", by->goal_year) : "by the actuals' year");
    if (any_noc) add(p.scenario("no-consumption-floor") ? p.scenario("no-consumption-floor")->fulfilment : Figure{}, "without the consumption floor");
    if (any_nox) add(p.scenario("no-exports") ? p.scenario("no-exports")->fulfilment : Figure{}, "without exports");
    g.sublabel = fmt::format("goal year {}", p.goal_year);
    chart.groups.push_back(g);
  }
  return "<div class=\"panel\">\n" + svg::bar_chart(chart) + "</div>\n";
}

std::string product_bars(const PlanComparison& p) {
  svg::BarChart chart;
  chart.title = fmt::format("Base {}, goal, feasible and actual — as multiples of {} output", p.base_year, p.base_year);
  chart.y_label = fmt::format("multiple of {} output", p.base_year);
  chart.reference = 1.0;
  chart.reference_label = fmt::format("{} level", p.base_year);
  chart.series = {{fmt::format("base {}", p.base_year), kBase, "base"},
                  {"stated goal", kGoal, "goal"},
                  {"LP-feasible (goal year)", kFeasible, "feasible"},
                  {"recorded outcome", kActual, "actual"}};
  for (const auto& x : p.products) {
    if (!(x.base > 0)) continue;
    svg::BarGroup g;
    g.label = short_name(x);
    g.sublabel = x.unit;
    auto add = [&](const Figure& v, const std::string& what, int year) {
      g.values.push_back(v ? Figure(*v / x.base) : Figure{});
      g.value_labels.push_back(v ? format_quantity(v) : "");
      g.tooltips.push_back(fmt::format("{} — {} {}: {} {} ({})", x.name, what, year, format_quantity(v), x.unit,
                                       format_multiple(v ? Figure(*v / x.base) : Figure{})));
    };
    add(x.base, "base", p.base_year);
    add(x.goal, "goal", x.goal_year);
    add(x.feasible, "feasible", x.goal_year);
    add(x.actual, "actual", x.actual_year);
    chart.groups.push_back(g);
  }
  if (chart.groups.empty()) return "";
  chart.height = 420;
  return "<div class=\"panel\">\n" + svg::bar_chart(chart) + "</div>\n";
}

std::vector<std::pair<double, double>> points_of(const std::map<int, double>& path) {
  std::vector<std::pair<double, double>> pts;
  for (const auto& [y, v] : path) pts.emplace_back(y, v);
  return pts;
}

namespace {

// The draws' 5–95 % and 25–75 % ranges of the feasible path, from the base year (history,
// one point) and the median as a thin line: a fan chart.
void add_fan(svg::LineChart& chart, const PlanBands& b, const ProductComparison& x, int base_year) {
  auto it = b.products.find(x.id);
  if (it == b.products.end() || it->second.path.empty()) return;
  svg::Band outer{"5–95 % of the draws", kFeasible, "p5-p95", 0.14, {}}, inner{"25–75 % of the draws", kFeasible, "p25-p75", 0.26, {}};
  svg::Line median{"median of the draws", kFeasible, "median", {}, true};
  outer.points.push_back({static_cast<double>(base_year), x.base, x.base});
  inner.points.push_back({static_cast<double>(base_year), x.base, x.base});
  median.points.emplace_back(base_year, x.base);
  for (const auto& [year, q] : it->second.path) {
    outer.points.push_back({static_cast<double>(year), q[0], q[4]});
    inner.points.push_back({static_cast<double>(year), q[1], q[3]});
    median.points.emplace_back(year, q[2]);
  }
  chart.bands = {outer, inner};
  chart.lines.push_back(median);
}

}  // namespace

std::string growth_paths(const PlanComparison& p) {
  bool any = false;
  for (const auto& x : p.products) any = any || !x.path.empty() || x.actual;
  if (!any) return "";
  int by_year = 0;
  for (const auto& s : p.scenarios)
    if (s.id.rfind("by-", 0) == 0 && by_year == 0) by_year = s.goal_year;
  std::vector<svg::Line> lines{{fmt::format("LP output path to {}", p.goal_year), kFeasible, "feasible", {}, false}};
  if (by_year) lines.push_back({fmt::format("LP path, plan truncated to {}", by_year), kFeasibleThen, "feasible-by", {}, true});
  std::vector<svg::Markers> markers{{"base-year output", kBase, "base", "circle", {}, {}},
                                    {"stated goal", kGoal, "goal", "diamond", {}, {}},
                                    {"recorded outcome", kActual, "actual", "circle", {}, {}},
                                    {"other source", kActual, "alternative", "ring", {}, {}}};
  std::vector<svg::Series> fans;
  std::vector<svg::Line> legend_lines = lines;
  if (p.bands) {
    fans = {{"5–95 % of the draws", "#dbe7f3", "p5-p95"}, {"25–75 % of the draws", "#a9c6e3", "p25-p75"}};
    legend_lines.push_back({"median of the draws", kFeasible, "median", {}, true});
  }
  std::string out = "<h3>Growth paths by year</h3>\n<div class=\"panel\">" + svg::legend(fans, legend_lines, markers, 1080) + "</div>\n";
  out += "<div class=\"grid\">\n";
  for (const auto& x : p.products) {
    svg::LineChart chart;
    chart.title = short_name(x);
    chart.subtitle = x.unit;
    svg::Line full = lines[0];
    full.points = points_of(x.path);
    chart.lines.push_back(full);
    if (p.bands) add_fan(chart, *p.bands, x, p.base_year);
    if (lines.size() > 1 && !x.path_by_actual_year.empty()) {
      svg::Line then = lines[1];
      then.name = fmt::format("LP path, plan truncated to {}", x.actual_year);
      then.points = points_of(x.path_by_actual_year);
      chart.lines.push_back(then);
    }
    svg::Markers base = markers[0], goal = markers[1], actual = markers[2], alt = markers[3];
    base.points = {{p.base_year, x.base}};
    base.tooltips = {fmt::format("{} {}: {} {}", x.name, p.base_year, format_quantity(x.base), x.unit)};
    chart.markers.push_back(base);
    if (x.goal) {
      goal.points = {{x.goal_year, *x.goal}};
      goal.tooltips = {fmt::format("goal for {}: {} {}", x.goal_year, format_quantity(x.goal), x.unit)};
      chart.markers.push_back(goal);
    }
    if (x.actual) {
      // Other sources' figures first, so the recorded outcome's dot stays on top.
      for (const auto& a : x.actual_alternatives) {
        alt.points.emplace_back(x.actual_year, a.value);
        alt.tooltips.push_back(fmt::format("other source, {}: {} {}", x.actual_year, format_quantity(a.value), x.unit));
      }
      if (!alt.points.empty()) chart.markers.push_back(alt);
      auto history = x.history;
      history[x.actual_year] = *x.actual;
      for (const auto& [year, v] : history) {
        actual.points.emplace_back(year, v);
        actual.tooltips.push_back(fmt::format("recorded {}: {} {}", year, format_quantity(v), x.unit));
      }
      chart.markers.push_back(actual);
    }
    out += "<div class=\"panel\">" + svg::line_chart(chart) + "</div>\n";
  }
  return out + "</div>\n";
}

}  // namespace planner::html
