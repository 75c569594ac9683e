#include "planner/report/html_bands.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "planner/report/bands_format.hpp"
#include "planner/report/comparison_format.hpp"
#include "planner/report/svg_chart.hpp"

namespace planner::html {
namespace {

using svg::escape;

std::string cell(const std::string& s) { return "<td class=\"num\">" + escape(s) + "</td>"; }

}  // namespace

std::string tornado_chart(const PlanBands& b, std::size_t top) {
  svg::HBarChart chart;
  chart.title = fmt::format("What λ* hangs on: Sobol indices of the {} most influential inputs ({} base samples)",
                            std::min(top, b.sensitivity.size()), b.sobol_samples);
  chart.value_name = "total index ST (± 95 %)";
  chart.inner_name = "first-order S1";
  double most = 0.0;
  for (std::size_t i = 0; i < b.sensitivity.size() && i < top; ++i) {
    const SensitivityBar& s = b.sensitivity[i];
    chart.bars.push_back({s.input, s.st, s.st_conf, s.s1,
                          fmt::format("{}: ST {:.3f} ± {:.3f}, S1 {:.3f} ± {:.3f}{}", s.input, s.st, s.st_conf, s.s1, s.s1_conf,
                                      s.reason.empty() ? "" : " — " + s.reason)});
    most = std::max(most, s.st + s.st_conf);
  }
  chart.max_value = std::clamp(most, 0.1, 1.0);
  return svg::hbar_chart(chart);
}

std::string how_sure(const PlanComparison& p) {
  if (!p.bands) return "";
  const PlanBands& b = *p.bands;
  std::string out = "<h3 id=\"how-sure\">How sure: the goal year over the uncertain inputs</h3>\n";
  out += "<p class=\"how-sure\">" + escape(bands_sentence(b)) + " The fan charts under “Growth paths” shade the 5–95 % "
         "and 25–75 % ranges of each feasible path.</p>\n";
  out += "<div class=\"panel\"><table class=\"data bands\">\n<thead><tr><th class=\"text\">product</th><th>goal</th>"
         "<th>feasible<br><span class=\"note\">nominal</span></th><th>p5</th><th>p25</th><th>median</th><th>p75</th>"
         "<th>p95</th><th>how sure<br><span class=\"note\">P(goal feasible)</span></th></tr></thead>\n<tbody>\n";
  for (const auto& x : p.products) {
    auto band = band_in(b, x.id, x.goal_year);
    if (!band) continue;
    out += fmt::format("<tr data-product=\"{}\"><td class=\"text product\">{}<br><span class=\"note\">{}</span></td>", escape(x.id),
                       escape(short_name(x)), escape(x.unit));
    out += cell(format_quantity(x.goal)) + cell(format_quantity(x.feasible));
    for (double v : *band) out += cell(format_quantity(v));
    out += cell(x.goal ? format_probability(goal_probability(b, x.id)) : format_probability(std::nullopt)) + "</tr>\n";
  }
  out += "</tbody></table></div>\n";
  if (!b.failures.empty()) {
    out += "<p class=\"note\">Draws without an optimum (they count as goals not feasible):</p>\n<ul class=\"failures\">\n";
    for (const auto& line : failure_lines(b)) out += "<li>" + escape(line) + "</li>\n";
    out += "</ul>\n";
  }
  if (!b.sensitivity.empty()) out += "<div class=\"panel tornado\">" + tornado_chart(b) + "</div>\n";
  return out;
}

}  // namespace planner::html
