#include "planner/uncertainty/uncertainty_html.hpp"

#include <fmt/format.h>

#include <map>

#include "planner/report/svg_chart.hpp"

namespace planner::uncertainty {
namespace {

const char* const kStyle =
    "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1120px;color:#222;background:#f6f5f1}"
    "pre{background:#fff;padding:1em;overflow-x:auto;font-size:12px;border-radius:6px}"
    ".grid{display:flex;flex-wrap:wrap;gap:12px}.panel{background:#fff;border-radius:6px;padding:6px}";
const char* const kColour = "#1f6fb2";

std::string fan_chart(const std::string& product, const std::vector<const TargetBand*>& years) {
  svg::LineChart chart;
  chart.title = product;
  svg::Band outer{"5–95 % of the draws", kColour, "p5-p95", 0.14, {}}, inner{"25–75 % of the draws", kColour, "p25-p75", 0.26, {}};
  svg::Line median{"median of the draws", kColour, "median", {}, false};
  svg::Markers goal{"stated goal", "#b8322a", "goal", "diamond", {}, {}};
  for (const TargetBand* t : years) {
    const double x = t->year;
    if (t->target) {
      const Band& b = *t->target;
      outer.points.push_back({x, b[0], b[4]});
      inner.points.push_back({x, b[1], b[3]});
      median.points.emplace_back(x, b[2]);
    }
    if (t->goal) {
      goal.points.emplace_back(x, *t->goal);
      goal.tooltips.push_back(fmt::format("goal {}: {}{}", t->year, readable(*t->goal),
                                          t->prob_goal_feasible ? fmt::format(" (feasible in {:.0f} % of the draws)", 100 * *t->prob_goal_feasible) : ""));
    }
  }
  chart.bands = {outer, inner};
  chart.lines = {median};
  if (!goal.points.empty()) chart.markers = {goal};
  return svg::line_chart(chart);
}

}  // namespace

std::string to_html(const RunHeader& run, const std::vector<PlanUncertainty>& plans) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>How sure: Monte Carlo over the plans' "
                    "uncertain numbers</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
  out += fmt::format("<h1>How sure each verdict is</h1>\n<p>{} draws, seed {}. Fan charts: the feasible target's 5–95 % and "
                     "25–75 % of the draws with an optimum around their median; diamonds mark the stated goals.</p>\n",
                     run.samples, run.seed);
  for (const PlanUncertainty& p : plans) {
    out += "<section class=\"plan\">\n<h2>" + svg::escape(p.name) + "</h2>\n<pre>" + svg::escape(to_text(run, {p})) + "</pre>\n";
    std::map<std::string, std::vector<const TargetBand*>> by_product;
    std::vector<std::string> order;
    for (const TargetBand& t : p.targets) {
      if (!by_product.count(t.product)) order.push_back(t.product);
      by_product[t.product].push_back(&t);
    }
    out += "<div class=\"panel\">" + svg::legend({}, {{"median of the draws", kColour, "median", {}, false}},
                                                  {{"stated goal", "#b8322a", "goal", "diamond", {}, {}}}, 1080) + "</div>\n";
    out += "<div class=\"grid\">\n";
    for (const std::string& product : order) out += "<div class=\"panel\">" + fan_chart(product, by_product[product]) + "</div>\n";
    out += "</div>\n</section>\n";
  }
  return out + "</body>\n</html>\n";
}

}  // namespace planner::uncertainty
