#include "planner/report/html_cost_frontier.hpp"

#include <fmt/format.h>

#include "planner/report/svg_chart.hpp"

namespace planner::html {
namespace {

using svg::escape;

const char* const kLineColours[] = {"#1f6fb2", "#b3261e", "#1b7f3b", "#7a4fb3"};

std::string full(double v) { return fmt::format("{:.17g}", v); }

std::string chart(const std::vector<CostFrontier>& frontiers, bool near) {
  svg::LineChart c;
  c.title = near ? fmt::format("Closer: consumption from {:.0f} up, where the plans sit", 100.0 * kNearFrom)
                 : fmt::format("Heavy industry in {} against household consumption ({} = 100 on both axes)", frontiers.front().year,
                               frontiers.front().base_year);
  c.subtitle = "x: consumption index · y: heavy-industry index · lines: the most the model allows · markers: plan variants";
  c.width = 1100;
  c.height = 420;
  c.legend = true;
  c.integer_x = false;
  double xmax = 0.0;
  for (std::size_t k = 0; k < frontiers.size(); ++k) {
    const CostFrontier& f = frontiers[k];
    svg::Line line{"frontier: " + svg::wrap(f.model, 48, 1).front(), kLineColours[k % 4], fmt::format("frontier-{}", k + 1), {}, false};
    for (const auto& p : near ? f.near : f.points)
      if (p.heavy) line.points.emplace_back(100.0 * p.consumption, *p.heavy);
    xmax = std::max(xmax, 100.0 * f.max_consumption);
    c.lines.push_back(std::move(line));
    svg::Markers m{"plan variants: " + svg::wrap(f.model, 30, 1).front(), kLineColours[k % 4], fmt::format("plan-{}", k + 1), "diamond", {}, {}};
    for (const auto& p : f.plans) {
      m.points.emplace_back(p.consumption, p.heavy);
      m.tooltips.push_back(fmt::format("{}: consumption {:.1f}, heavy industry {:.1f}", p.label, p.consumption, p.heavy));
    }
    if (!m.points.empty()) c.markers.push_back(std::move(m));
  }
  // History: the base year is a point (100, 100); later years only on the heavy axis.
  const CostFrontier& f = frontiers.front();
  const double xmin = near ? 100.0 * std::max(kNearFrom, f.min_consumption) : 100.0 * f.min_consumption;
  if (!near) {
    svg::Markers base{fmt::format("{} (base year)", f.base_year), "#222", "base-year", "circle", {{100.0, 100.0}},
                      {fmt::format("{}: both indices 100 by definition", f.base_year)}};
    c.markers.push_back(std::move(base));
  }
  for (const auto& r : f.history) {
    if (r.year == f.base_year) continue;
    c.lines.push_back({fmt::format("{} recorded: heavy {:.0f} ({} of {} sectors)", r.year, r.heavy, r.recorded, f.heavy.size()),
                       "#e0a100", fmt::format("history-{}", r.year), {{xmin, r.heavy}, {xmax, r.heavy}}, true});
  }
  return svg::line_chart(c);
}

std::string points_table(const CostFrontier& f) {
  std::string out = fmt::format(
      "<div class=\"panel\"><table class=\"data cost-frontier\" data-model=\"{}\" data-year=\"{}\">\n<thead><tr>"
      "<th>consumption<br><span class=\"note\">{} = 100</span></th><th>heavy industry<br><span class=\"note\">{} = 100</span></th>"
      "<th>slope<br><span class=\"note\">heavy points per consumption point</span></th><th class=\"text\">what binds (largest "
      "shadow prices first)</th></tr></thead>\n<tbody>\n",
      escape(f.model), f.year, f.base_year, f.base_year);
  for (const auto& p : f.points) {
    std::string binds;
    for (std::size_t i = 0; i < p.binding.size() && i < 4; ++i) binds += (binds.empty() ? "" : ", ") + p.binding[i].row;
    out += fmt::format("<tr class=\"frontier-point\" data-consumption=\"{}\" data-heavy=\"{}\"><td class=\"num\">{:.1f}</td>"
                       "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"text\"><code>{}</code></td></tr>\n",
                       full(100.0 * p.consumption), p.heavy ? full(*p.heavy) : "", 100.0 * p.consumption,
                       p.heavy ? fmt::format("{:.1f}", *p.heavy) : escape(p.status),
                       p.slope ? fmt::format("{:.3f}", *p.slope / 100.0) : "", escape(binds));
  }
  for (const auto& m : f.plans)
    out += fmt::format("<tr class=\"plan-point\" data-label=\"{}\" data-consumption=\"{}\" data-heavy=\"{}\"><td class=\"num\">{:.1f}</td>"
                       "<td class=\"num\">{:.1f}</td><td></td><td class=\"text\"><b>{}</b> (its solved point)</td></tr>\n",
                       escape(m.label), full(m.consumption), full(m.heavy), m.consumption, m.heavy, escape(m.label));
  for (const auto& r : f.history)
    if (r.year != f.base_year)
      out += fmt::format("<tr class=\"history-point\" data-year=\"{}\" data-heavy=\"{}\"><td class=\"num\">–</td><td class=\"num\">{:.1f}"
                         "</td><td></td><td class=\"text\">recorded {} ({} of {} heavy sectors)</td></tr>\n",
                         r.year, full(r.heavy), r.heavy, r.year, r.recorded, f.heavy.size());
  return out + "</tbody></table></div>\n";
}

}  // namespace

std::string cost_frontier_section(const std::vector<CostFrontier>& frontiers) {
  if (frontiers.empty()) return "";
  const CostFrontier& f = frontiers.front();
  std::string heavy, cons;
  for (const auto& id : f.heavy) heavy += (heavy.empty() ? "" : ", ") + id;
  for (const auto& id : f.consumption) cons += (cons.empty() ? "" : ", ") + id;
  std::string out = "<section class=\"cost-frontier\" id=\"cost-frontier\">\n<h2>The cost of industrialisation</h2>\n";
  out += fmt::format(
      "<p>How much heavy industry could {} have had for each level of household consumption? Each line is the most the "
      "model allows: the plan LP maximises the heavy-industry index — the mean of {} as multiples of {} output, × 100 — "
      "while the households' demand for {} is held at the consumption index in every plan year (100 = the plan's own "
      "demand, the {} level). Below a line is feasible, above it is not; its slope is what a point of consumption costs "
      "in heavy industry. The line maximises the mean, so it may reach it with an unbalanced mix of products; a plan "
      "variant asks for every goal in proportion (λ), so it sits below.</p>\n",
      f.year, escape(heavy), f.base_year, escape(cons), f.base_year);
  out += "<div class=\"panel\">" + chart(frontiers, false) + "</div>\n";
  if (!f.near.empty()) out += "<div class=\"panel\">" + chart(frontiers, true) + "</div>\n";
  out += fmt::format(
      "<p class=\"note\">History: the plans' records are outputs, and none is a household-consumption series (the "
      "model's consumption is its demand for {}; consumer-goods output is production, not consumption), so the recorded "
      "years are dashed lines at their heavy-industry index, averaged over the heavy sectors recorded that year; only the "
      "base year {} is a point; a record later than {} shows where heavy industry got to, not a point of this frontier. "
      "Consumption is a total: per head it is lower by the population's growth, which the model does not carry.</p>\n",
      escape(cons), f.base_year, f.year);
  for (const auto& g : frontiers) {
    out += fmt::format("<h3>{}</h3>\n<p class=\"meta\">traced on {} · consumption from {:.1f} to {:.1f}</p>\n", escape(g.model),
                       escape(g.file), 100.0 * g.min_consumption, 100.0 * g.max_consumption);
    out += points_table(g);
  }
  return out + "</section>\n";
}

}  // namespace planner::html
