#include "planner/report/html_report.hpp"

#include <fmt/format.h>

#include <cmath>

#include "planner/report/bands_format.hpp"
#include "planner/report/comparison_format.hpp"
#include "planner/report/html_cost_frontier.hpp"
#include "planner/report/html_techniques.hpp"
#include "planner/report/html_bands.hpp"
#include "planner/report/html_charts.hpp"
#include "planner/report/svg_chart.hpp"

namespace planner {

namespace {

using html::growth_paths;
using html::how_sure;
using html::lambda_chart;
using html::plan_label;
using html::product_bars;
using svg::escape;


const char* const kStyle = R"css(
:root { --ink:#1f2328; --muted:#667085; --line:#e4e2dc; --paper:#f6f4ef; --red:#b3261e; --blue:#1f6fb2; --gold:#e0a100; }
* { box-sizing: border-box; }
body { margin:0; background:var(--paper); color:var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1160px; margin: 0 auto; padding: 28px 28px 60px; }
header.top { border-bottom: 4px solid var(--red); padding-bottom: 14px; margin-bottom: 22px; }
header.top h1 { font-size: 30px; margin: 0 0 4px; letter-spacing: -0.01em; }
header.top p { margin: 0; color: var(--muted); max-width: 860px; }
h2 { font-size: 22px; margin: 40px 0 6px; padding-top: 10px; border-top: 1px solid var(--line); }
h3 { font-size: 16px; margin: 26px 0 8px; color: #333; }
.meta { color: var(--muted); font-size: 13.5px; margin: 0 0 14px; }
.cards { display: flex; flex-wrap: wrap; gap: 14px; margin: 8px 0 10px; }
.card { background: #fff; border-radius: 10px; padding: 14px 18px; box-shadow: 0 1px 3px rgba(0,0,0,.08); flex: 1 1 240px; max-width: 370px; border-top: 5px solid var(--blue); }
.card.short { border-top-color: var(--red); }
.card .plan { font-weight: 600; font-size: 14px; line-height: 1.3; min-height: 2.6em; }
.card .lambda { font-size: 34px; font-weight: 700; letter-spacing: -0.02em; margin: 4px 0 0; white-space: nowrap; }
.card .lambda small { font-size: 15px; font-weight: 500; color: var(--muted); margin-left: 6px; }
.card .what { color: var(--muted); font-size: 13px; }
.card .extra { font-size: 13px; margin-top: 6px; }
.panel { background: #fff; border-radius: 10px; box-shadow: 0 1px 3px rgba(0,0,0,.08); padding: 12px; margin: 12px 0; overflow-x: auto; }
.panel svg { display: block; max-width: 100%; height: auto; }
table.data { border-collapse: collapse; width: 100%; font-size: 13.5px; background: #fff; }
table.data th, table.data td { padding: 6px 9px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
table.data th { background: #faf9f6; font-weight: 600; color: #444; vertical-align: bottom; white-space: normal; }
table.data td.text, table.data th.text { text-align: left; white-space: normal; }
table.data td.num { font-variant-numeric: tabular-nums; }
td.short { color: var(--red); font-weight: 600; }
table.data td.product { white-space: nowrap; font-weight: 600; }
table.data td.product .note { font-weight: 400; }
td.met { color: #1b7f3b; font-weight: 600; }
.unmet li { margin: 3px 0; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 12px; }
.grid .panel { margin: 0; padding: 6px; }
.note { color: var(--muted); font-size: 13px; }
.history-no { color: var(--red); }
p.summary { font-size: 16.5px; max-width: 980px; border-left: 4px solid var(--blue); padding: 4px 0 4px 14px; }
p.history { max-width: 980px; font-weight: 500; }
p.history.feasible { color: var(--blue); }
p.history.infeasible { color: var(--red); }
ul.findings, ul.caveats, ul.binding, ul.below-base { max-width: 1000px; }
ul.binding li { margin: 4px 0; }
ul.binding summary { cursor: pointer; }
ul.binding code { font-size: 12px; color: var(--muted); }
p.caveats-head { color: var(--muted); font-size: 13px; margin-bottom: 2px; }
ul.caveats { color: var(--muted); font-size: 13px; margin-top: 2px; }
ol.sources { font-size: 13px; color: #333; padding-left: 22px; }
ol.sources li { margin: 5px 0; overflow-wrap: anywhere; }
ol.sources .by { color: var(--muted); }
a { color: var(--blue); }
footer { margin-top: 40px; color: var(--muted); font-size: 12.5px; border-top: 1px solid var(--line); padding-top: 10px; }
@media print { body { background: #fff; } .panel, .card { box-shadow: none; border: 1px solid var(--line); } }
)css";


std::string ratio_cell(const Figure& r) {
  if (!r) return "<td class=\"num\">–</td>";
  const char* cls = *r >= 1.0 - 5e-4 ? "num met" : "num short";
  return fmt::format("<td class=\"{}\">{}</td>", cls, escape(format_percent(r)));
}

std::string num_cell(const std::string& s) { return "<td class=\"num\">" + escape(s) + "</td>"; }

std::string cards(const Comparison& c) {
  std::string out = "<div class=\"cards\">\n";
  for (const auto& p : c.plans) {
    bool short_ = p.fulfilment && *p.fulfilment < 1.0 - 1e-9;
    out += fmt::format("<div class=\"card{}\">\n<div class=\"plan\">{}</div>\n", short_ ? " short" : "", escape(plan_label(p)));
    if (p.fulfilment) {
      out += fmt::format("<div class=\"lambda\">λ = {}<small>{}</small></div>\n", escape(format_lambda(p.fulfilment)),
                         escape(format_percent(p.fulfilment)));
      out += fmt::format("<div class=\"what\">of every goal reachable at once by {}</div>\n", p.goal_year);
    } else {
      out += fmt::format("<div class=\"lambda\">–</div>\n<div class=\"what\">{}</div>\n",
                         escape(p.status == "no-goals" ? "no goals stated" : "max-fulfilment solve: " + p.status));
    }
    for (const auto& s : p.scenarios)
      if (s.id.rfind("by-", 0) == 0)
        out += fmt::format("<div class=\"extra\">by {}: λ = {}</div>\n", s.goal_year, escape(format_lambda(s.fulfilment)));
    if (p.history.status == "feasible")
      out += fmt::format("<div class=\"extra\">the model reproduces {}</div>\n", p.history.year);
    else if (p.history.status == "infeasible")
      out += fmt::format("<div class=\"extra history-no\">the model cannot reproduce {}: at most {} of it at once</div>\n",
                         p.history.year, escape(format_percent(p.history.share)));
    if (p.fulfilment) {
      auto unmet = p.unmet_goals();
      out += fmt::format("<div class=\"extra\">{}</div>\n",
                         unmet.empty() ? std::string("every goal feasible")
                                       : fmt::format("{} of {} goals not feasible", unmet.size(),
                                                     std::count_if(p.products.begin(), p.products.end(),
                                                                   [](const ProductComparison& x) { return x.goal.has_value(); })));
    }
    out += "</div>\n";
  }
  return out + "</div>\n";
}

std::string product_table(const PlanComparison& p) {
  std::string out = "<div class=\"panel\"><table class=\"data products\">\n<thead><tr>";
  out += "<th class=\"text\">product</th>";
  out += fmt::format("<th>base {}</th><th>goal {}</th><th>goal ×</th>"
                     "<th>feasible<br><span class=\"note\">{}</span></th>"
                     "<th>frontier (a)<br><span class=\"note\">other goals at λ*</span></th>"
                     "<th>frontier (b)<br><span class=\"note\">the others as recorded</span></th>"
                     "<th>actual</th><th>actual / goal<br><span class=\"note\">goal fulfilment</span></th>"
                     "<th>(a) / goal</th><th>actual / (b)<br><span class=\"note\">of what history allowed</span></th>{}"
                     "</tr></thead>\n<tbody>\n",
                     p.base_year, p.goal_year, p.second_stage.empty() ? "at λ*" : "at λ*, second stage",
                     p.bands ? "<th>how sure<br><span class=\"note\">P(goal feasible)</span></th>" : "");
  for (const auto& x : p.products) {
    std::string goal = format_quantity(x.goal);
    if (x.goal && x.goal_year != p.goal_year) goal += fmt::format(" ({})", x.goal_year);
    std::string actual = format_quantity(x.actual);
    if (x.actual) actual += fmt::format(" ({})", x.actual_year);
    std::string feasible = format_quantity(x.feasible);
    if (!x.below_base.empty()) feasible += " †";
    std::string b = format_quantity(x.frontier_history);
    if (x.frontier_history && x.frontier_history_year != x.actual_year) b += fmt::format(" ({})", x.frontier_history_year);
    out += fmt::format("<tr data-product=\"{}\"><td class=\"text product\">{}<br><span class=\"note\">{}</span></td>",
                       escape(x.id), escape(short_name(x)), escape(x.unit));
    out += num_cell(format_quantity(x.base)) + num_cell(goal) + num_cell(format_multiple(x.goal_multiple));
    out += fmt::format("<td class=\"{}\">{}</td>", x.goal_unmet() ? "num short" : "num", escape(feasible));
    out += num_cell(format_quantity(x.frontier_goals)) + num_cell(b);
    std::string alt;
    for (const auto& a : x.actual_alternatives) alt += (alt.empty() ? "" : "; ") + format_quantity(a.value);
    if (!alt.empty())
      out += fmt::format("<td class=\"num\">{}<br><span class=\"note\">other sources: {}</span></td>", escape(actual), escape(alt));
    else
      out += num_cell(actual);
    // actual/(b) above 100 % is not a success: history beat what the model allows it, so no colour.
    out += ratio_cell(x.goal_fulfilment()) + ratio_cell(x.frontier_gap()) + num_cell(format_percent(x.history_share()));
    if (p.bands) out += num_cell(x.goal ? format_probability(goal_probability(*p.bands, x.id)) : format_probability(std::nullopt));
    out += "</tr>\n";
  }
  out += "</tbody></table>";
  out += "<p class=\"note\">" + escape(column_key(p)) + "</p>";
  std::string below;
  for (const auto& x : p.products)
    if (!x.below_base.empty()) below += "<li><b>" + escape(short_name(x)) + "</b>: " + escape(x.below_base) + "</li>\n";
  if (!below.empty()) out += fmt::format("<p class=\"note\">† below {}:</p>\n<ul class=\"below-base\">\n{}</ul>", p.base_year, below);
  return out + "</div>\n";
}

// The three sentences, then the history test: verdict, the least relaxation, the caveats.
std::string summary_and_history(const PlanComparison& p) {
  std::string out;
  if (!p.summary.empty()) {
    std::string said;
    for (const auto& sentence : p.summary) said += (said.empty() ? "" : " ") + sentence;
    out += "<p class=\"summary\">" + escape(said) + "</p>\n";
  }
  if (p.history.status.empty()) return out;
  out += "<h3>" +
         escape(p.history.year ? fmt::format("Can the model reproduce {}?", p.history.year) : std::string("Can the model reproduce history?")) +
         "</h3>\n";
  out += fmt::format("<p class=\"history {}\">{}</p>\n", escape(p.history.status), html_linkify(p.history.verdict));
  if (!p.history.findings.empty()) {
    out += "<ul class=\"findings\">\n";
    for (const auto& f : p.history.findings) out += "<li>" + html_linkify(f) + "</li>\n";
    out += "</ul>\n";
  }
  if (!p.history.caveats.empty()) {
    out += "<p class=\"caveats-head\">Why a recorded figure may mislead:</p>\n<ul class=\"caveats\">\n";
    for (const auto& f : p.history.caveats) out += "<li>" + html_linkify(f) + "</li>\n";
    out += "</ul>\n";
  }
  return out;
}

// The heading over the chart and the table, and the text report's sentence on λ.
std::string goals_heading(const PlanComparison& p) {
  return "<h3>Goals, what was feasible, and history</h3>\n<p>" + escape(lambda_sentence(p)) + "</p>\n";
}

std::string unmet_and_binding(const PlanComparison& p) {
  std::string out;
  if (p.fulfilment) {
    out += "<h3>Goals that could not be met</h3>\n";
    auto unmet = p.unmet_goals();
    if (unmet.empty()) {
      out += "<p>None: every goal is feasible together.</p>\n";
    } else {
      out += "<ul class=\"unmet\">\n";
      for (const auto* x : unmet)
        out += fmt::format("<li><b>{}</b>: at most {} of {} {} by {} ({} of the goal)</li>\n", escape(short_name(*x)),
                           escape(format_quantity(x->feasible)), escape(format_quantity(x->goal)), escape(x->unit),
                           x->goal_year, escape(format_percent(x->feasibility_gap())));
      out += "</ul>\n";
    }
  } else if (!p.diagnosis.empty()) {
    out += "<p class=\"note\">" + escape(p.status + ": " + p.diagnosis) + "</p>\n";
  }
  if (!p.binding_families.empty()) {
    out += "<h3>What bound them</h3>\n<p class=\"note\">One line per binding balance, capacity or resource over its "
           "years, by the size of its shadow price: how much λ — the share of every goal reached — would rise per unit "
           "more (Kantorovich's objectively determined valuations). The LP rows behind each line are under it.</p>\n";
    // As the text report: the first twelve families; the rest one click away.
    const std::size_t shown = 12;
    auto family = [](const BindingFamily& f) {
      std::string rows;
      for (const auto& r : f.rows) rows += (rows.empty() ? "" : ", ") + r;
      return "<li>" + escape(f.text) + "<details><summary class=\"note\">" +
             escape(fmt::format("{} LP row{}", f.rows.size(), f.rows.size() == 1 ? "" : "s")) + "</summary><code>" +
             escape(rows) + "</code></details></li>\n";
    };
    out += "<ul class=\"binding\">\n";
    for (std::size_t i = 0; i < p.binding_families.size() && i < shown; ++i) out += family(p.binding_families[i]);
    if (p.binding_families.size() > shown) {
      out += fmt::format("<li class=\"more\"><details><summary class=\"note\">… and {} more</summary>\n<ul class=\"binding\">\n",
                         p.binding_families.size() - shown);
      for (std::size_t i = shown; i < p.binding_families.size(); ++i) out += family(p.binding_families[i]);
      out += "</ul></details></li>\n";
    }
    out += "</ul>\n";
  }
  return out;
}

std::string scenarios(const PlanComparison& p) {
  if (p.scenarios.empty()) return "";
  std::string out = "<h3>Re-solves</h3>\n<div class=\"panel\"><table class=\"data scenarios\">\n<thead><tr>"
                    "<th class=\"text\">re-solve</th><th>goal year</th><th>λ</th><th>Δλ</th><th>imports (value)</th>"
                    "<th>Δ imports</th><th class=\"text\">by sector</th></tr></thead>\n<tbody>\n";
  out += fmt::format("<tr><td class=\"text\"><b>the plan as stated</b></td><td class=\"num\">{}</td>{}{}{}{}"
                     "<td class=\"text\"></td></tr>\n",
                     p.goal_year, num_cell(format_lambda(p.fulfilment)), num_cell("–"),
                     num_cell(format_quantity(p.imports_value)), num_cell("–"));
  for (const auto& s : p.scenarios) {
    std::string by;
    for (const auto& [sector, d] : s.delta_imports)
      if (std::fabs(d) > 1e-9) by += (by.empty() ? "" : ", ") + sector + " " + format_delta(d, 2);
    out += fmt::format("<tr><td class=\"text\">{}{}</td><td class=\"num\">{}</td>{}{}{}{}<td class=\"text\">{}</td></tr>\n",
                       escape(s.label), s.status == "optimal" ? "" : " <span class=\"note\">(" + escape(s.status) + ")</span>",
                       s.goal_year, num_cell(format_lambda(s.fulfilment)), num_cell(format_delta(s.delta_fulfilment)),
                       num_cell(format_quantity(s.imports_value)), num_cell(format_delta(s.delta_imports_value, 2)),
                       escape(by.empty() ? "" : "Δ imports: " + by));
  }
  return out + "</tbody></table></div>\n";
}

std::string side_by_side(const Comparison& c) {
  // Products in order of first appearance across plans.
  std::vector<std::pair<std::string, std::string>> products;  // id, name
  for (const auto& p : c.plans)
    for (const auto& x : p.products) {
      bool seen = false;
      for (const auto& [id, name] : products) seen = seen || id == x.id;
      if (!seen) products.emplace_back(x.id, short_name(x) + "\n" + x.unit);
    }
  std::string out = "<h2>Side by side</h2>\n<p class=\"note\">Each plan's goal and what the LP finds feasible by the "
                    "plan's goal year, next to the recorded outcome.</p>\n<div class=\"panel\"><table class=\"data side\">\n"
                    "<thead><tr><th class=\"text\" rowspan=\"2\">product</th>";
  for (const auto& p : c.plans) out += fmt::format("<th colspan=\"2\" class=\"text\">{}</th>", escape(plan_label(p)));
  out += "<th rowspan=\"2\">actual</th></tr>\n<tr>";
  for (std::size_t i = 0; i < c.plans.size(); ++i) out += "<th>goal</th><th>feasible</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& [id, name] : products) {
    auto nl = name.find('\n');
    out += "<tr><td class=\"text product\">" + escape(name.substr(0, nl)) + "<br><span class=\"note\">" +
           escape(name.substr(nl + 1)) + "</span></td>";
    std::string actual = "–";
    for (const auto& p : c.plans) {
      const ProductComparison* x = nullptr;
      for (const auto& q : p.products)
        if (q.id == id) x = &q;
      if (!x) {
        out += num_cell("–") + num_cell("–");
        continue;
      }
      out += num_cell(format_quantity(x->goal));
      out += fmt::format("<td class=\"{}\">{}</td>", x->goal_unmet() ? "num short" : "num", escape(format_quantity(x->feasible)));
      if (x->actual && actual == "–") actual = fmt::format("{} ({})", format_quantity(x->actual), x->actual_year);
    }
    out += num_cell(actual) + "</tr>\n";
  }
  return out + "</tbody></table></div>\n";
}

}  // namespace

std::string html_linkify(const std::string& text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t a = text.find("http://", i), b = text.find("https://", i);
    std::size_t s = std::min(a, b);
    if (s == std::string::npos) {
      out += escape(text.substr(i));
      break;
    }
    out += escape(text.substr(i, s - i));
    std::size_t e = s;
    while (e < text.size() && !std::isspace(static_cast<unsigned char>(text[e])) && text[e] != '"' && text[e] != '<' &&
           text[e] != '>')
      ++e;
    while (e > s && std::string(").,;:'").find(text[e - 1]) != std::string::npos) --e;
    std::string url = text.substr(s, e - s);
    out += "<a href=\"" + escape(url) + "\">" + escape(url) + "</a>";
    i = e;
  }
  return out;
}

std::string comparison_to_html(const Comparison& c) { return comparison_to_html(c, {}); }

std::string comparison_to_html(const Comparison& c, const std::vector<CostFrontier>& frontiers) {
  std::string title = "Plan, feasible and actual";
  if (c.plans.size() == 1) title += " — " + plan_label(c.plans[0]);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + escape(title) + "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n<main>\n";
  out += "<header class=\"top\">\n<h1>Plan, feasible and actual</h1>\n<p>What each plan asked for, what the "
         "input–output plan LP finds feasible when every goal is pursued at once (the largest share λ of all goals, "
         "Kantorovich's “complete sets”), and what history recorded.</p>\n</header>\n";
  out += cards(c);
  if (c.plans.size() > 1) out += lambda_chart(c) + side_by_side(c);
  out += html::technique_verdicts(c);
  out += html::cost_frontier_section(frontiers);
  for (std::size_t i = 0; i < c.plans.size(); ++i) {
    const auto& p = c.plans[i];
    out += fmt::format("<section class=\"plan\" id=\"plan-{}\">\n<h2>{}</h2>\n", i + 1, escape(plan_label(p)));
    std::string meta = p.file.empty() ? "" : p.file + " · ";
    if (!p.model_name.empty()) meta += "model: " + p.model_name + " · ";
    meta += fmt::format("base year {}, goal year {} (T = {})", p.base_year, p.goal_year, p.years);
    out += "<p class=\"meta\">" + escape(meta) + "</p>\n";
    if (!p.description.empty()) out += "<p>" + html_linkify(p.description) + "</p>\n";
    out += summary_and_history(p);
    out += goals_heading(p);
    out += product_bars(p);
    out += product_table(p);
    out += unmet_and_binding(p);
    out += html::technique_mix(p);
    out += scenarios(p);
    out += how_sure(p);
    out += growth_paths(p);
    out += "</section>\n";
  }
  auto sources = c.sources();
  if (!sources.empty()) {
    out += "<h2>Sources</h2>\n<ol class=\"sources\">\n";
    for (const auto& s : sources) {
      std::string by;
      for (const auto& b : s.cited_by) by += (by.empty() ? "" : ", ") + b;
      out += "<li>" + html_linkify(s.text) + " <span class=\"by\">— " + escape(by) + "</span></li>\n";
    }
    out += "</ol>\n";
  }
  out += "<footer>Made by <code>planner compare</code>. Bars are scaled to base-year output (1 = the base year's level) "
         "and labelled with absolute values in each product's unit. Feasible figures solve the plan LP for maximal "
         "fulfilment λ and then, unless the plan switches it off, hold the goals there and make the rest of the economy "
         "as large as they allow (the second stage); each frontier re-solves for one product alone. The “by …” figures "
         "and the lighter paths re-solve the plan truncated to the year of the recorded outcome. The history test asks "
         "the model for every recorded outcome at once.</footer>\n";
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace planner
