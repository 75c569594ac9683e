#include "planner/report/html_techniques.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "planner/report/comparison_format.hpp"
#include "planner/report/html_charts.hpp"
#include "planner/report/svg_chart.hpp"

namespace planner::html {
namespace {

using svg::escape;

const char* const kColours[] = {"#1f6fb2", "#e0a100", "#1b7f3b", "#b3261e", "#7a4fb3", "#667085"};

std::string full(double v) { return fmt::format("{:.17g}", v); }

std::vector<std::string> products_of(const PlanComparison& p) {
  std::vector<std::string> out;
  for (const auto& u : p.techniques)
    if (std::find(out.begin(), out.end(), u.product) == out.end()) out.push_back(u.product);
  return out;
}

std::string product_name(const PlanComparison& p, const std::string& id) {
  for (const auto& x : p.products)
    if (x.id == id) return short_name(x);
  return id;
}

}  // namespace

std::string technique_mix(const PlanComparison& p) {
  if (p.techniques.empty()) return "";
  std::string out = "<h3>Technique mix</h3>\n<p class=\"note\">What each technique made by year at λ* (activity × output "
                    "per unit, in the product's unit): the LP's choice among the model's processes.</p>\n";
  for (const std::string& product : products_of(p)) {
    std::set<int> years;
    std::vector<const TechniqueUse*> uses;
    for (const auto& u : p.techniques)
      if (u.product == product) {
        uses.push_back(&u);
        for (const auto& [y, v] : u.output) years.insert(y);
      }
    // Stacked bars: one bar chart per product, a group per year, a series per technique.
    svg::BarChart chart;
    chart.title = product_name(p, product) + ": output by technique";
    chart.y_label = "output";
    chart.height = 300;
    for (std::size_t k = 0; k < uses.size(); ++k) chart.series.push_back({uses[k]->name, kColours[k % 6], fmt::format("technique-{}", k + 1)});
    for (int y : years) {
      svg::BarGroup g;
      g.label = std::to_string(y);
      for (const auto* u : uses) {
        auto it = u->output.find(y);
        const double v = it == u->output.end() ? 0.0 : it->second;
        g.values.push_back(v);
        g.value_labels.push_back(v > 1e-9 ? format_quantity(v) : "");
        g.tooltips.push_back(fmt::format("{} {}: {}", u->name, y, format_quantity(v)));
      }
      chart.groups.push_back(std::move(g));
    }
    out += "<div class=\"panel\">" + svg::bar_chart(chart) + "</div>\n";
    out += fmt::format("<div class=\"panel\"><table class=\"data techniques\" data-product=\"{}\">\n<thead><tr><th class=\"text\">"
                       "technique</th>",
                       escape(product));
    for (int y : years) out += fmt::format("<th>{}</th>", y);
    out += "</tr></thead>\n<tbody>\n";
    for (const auto* u : uses) {
      out += fmt::format("<tr data-process=\"{}\"><td class=\"text\">{}<br><span class=\"note\">{}</span></td>", escape(u->process),
                         escape(u->name), escape(u->kind));
      for (int y : years) {
        double total = 0.0;
        for (const auto* v : uses)
          if (auto it = v->output.find(y); it != v->output.end() && v->kind == "make") total += it->second;
        auto it = u->output.find(y);
        const double v = it == u->output.end() ? 0.0 : it->second;
        std::string share = u->kind == "make" && total > 1e-12 ? fmt::format("<br><span class=\"note\">{:.0f} %</span>", 100.0 * v / total) : "";
        out += fmt::format("<td class=\"num\" data-year=\"{}\" data-output=\"{}\">{}{}</td>", y, full(v), escape(format_quantity(v)), share);
      }
      out += "</tr>\n";
    }
    out += "</tbody></table></div>\n";
  }
  return out;
}

std::string technique_verdicts(const Comparison& c) {
  bool one = false, choices = false;
  for (const auto& p : c.plans) (p.techniques.empty() ? one : choices) = true;
  if (!one || !choices) return "";
  std::vector<std::string> goals;  // products with a goal in any plan, in order of appearance
  for (const auto& p : c.plans)
    for (const auto& x : p.products)
      if (x.goal && std::find(goals.begin(), goals.end(), x.id) == goals.end()) goals.push_back(x.id);
  std::string out = "<h2>One technique or a choice of techniques</h2>\n<p class=\"note\">The same goals on a model with one "
                    "technique per product and on one with choices: how much the choice of technique changes what the base "
                    "year could reach (λ*, and each goal's feasible output in the goal year).</p>\n<div class=\"panel\">"
                    "<table class=\"data technique-verdicts\">\n<thead><tr><th class=\"text\">plan</th><th class=\"text\">"
                    "techniques</th><th>λ*</th>";
  for (const auto& id : goals) out += "<th>" + escape(id) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& p : c.plans) {
    out += fmt::format("<tr data-plan=\"{}\" data-lambda=\"{}\"><td class=\"text\">{}<br><span class=\"note\">{}</span></td>"
                       "<td class=\"text\">{}</td><td class=\"num\">{}</td>",
                       escape(plan_label(p)), p.fulfilment ? full(*p.fulfilment) : "", escape(plan_label(p)), escape(p.model_name),
                       p.techniques.empty() ? "one per product" : fmt::format("{} processes", p.techniques.size()),
                       escape(format_lambda(p.fulfilment)));
    for (const auto& id : goals) {
      auto it = std::find_if(p.products.begin(), p.products.end(), [&](const ProductComparison& x) { return x.id == id; });
      out += it == p.products.end() ? std::string("<td class=\"num\">–</td>")
                                    : fmt::format("<td class=\"num\" data-product=\"{}\" data-feasible=\"{}\">{}</td>", escape(id),
                                                  it->feasible ? full(*it->feasible) : "", escape(format_quantity(it->feasible)));
    }
    out += "</tr>\n";
  }
  return out + "</tbody></table></div>\n";
}

}  // namespace planner::html
