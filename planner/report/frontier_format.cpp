#include "planner/report/frontier_format.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "planner/model/error.hpp"
#include "planner/report/comparison_format.hpp"
#include "planner/report/table.hpp"

namespace planner {
namespace {

std::string csv_number(const Figure& v) { return v ? fmt::format("{}", *v) : ""; }
nlohmann::ordered_json json_number(const Figure& v) { return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(); }

Figure at_lambda(const PlanComparison& c, const ProductComparison& p) {
  if (!c.fulfilment || !p.goal) return std::nullopt;
  return *c.fulfilment * *p.goal;
}

Table frontier_table(const PlanComparison& c) {
  Table t({"product", "unit", fmt::format("base {}", c.base_year), "goal", "at λ*", "feasible", "frontier (a)",
           "frontier (b)", "actual"});
  t.align(1, Table::Align::left);
  for (const auto& p : c.products) {
    std::string b = format_quantity(p.frontier_history);
    if (p.frontier_history) b += fmt::format(" ({})", p.frontier_history_year);
    std::string actual = format_quantity(p.actual);
    if (p.actual) actual += fmt::format(" ({})", p.actual_year);
    t.add_row({short_name(p), p.unit, format_quantity(p.base), format_quantity(p.goal), format_quantity(at_lambda(c, p)),
               format_quantity(p.feasible), format_quantity(p.frontier_goals), b, actual});
  }
  return t;
}

std::string preamble(const PlanComparison& c, bool markdown) {
  std::string out = (markdown ? "## " : "") + (c.name.empty() ? c.file : c.name) + "\n\n";
  if (c.fulfilment)
    out += fmt::format("λ* = {}: {} of every goal together by {}.", format_lambda(c.fulfilment),
                       format_percent(c.fulfilment), c.goal_year);
  else
    out += "No fulfilment (" + c.status + (c.diagnosis.empty() ? "" : ": " + c.diagnosis) + ").";
  if (c.second_stage_growth)
    out += fmt::format(" Second stage ({}): the products without a goal reach at least ×{:.2f} of {}.", c.second_stage,
                       *c.second_stage_growth, c.base_year);
  out += "\n";
  if (!c.history.verdict.empty()) out += "\n" + c.history.verdict + "\n";
  out += "\n";
  out += "feasible: the goal year's output with the goals at λ* and the rest as large as the second stage makes it;\n"
         "frontier (a): the most of it by its goal year with every goal held at λ*;\n"
         "frontier (b): the most of it by its record's year with every other recorded product held at its actual";
  if (c.history.status == "infeasible") out += ",\n  in the model granted the least change that makes those records reachable (history is not feasible in it)";
  out += ".\n\n";
  return out;
}

}  // namespace

PlanComparison only_products(const PlanComparison& plan, const std::vector<std::string>& ids) {
  if (ids.empty()) return plan;
  PlanComparison out = plan;
  out.products.clear();
  for (const auto& id : ids) {
    auto it = std::find_if(plan.products.begin(), plan.products.end(), [&](const ProductComparison& p) { return p.id == id; });
    if (it == plan.products.end()) {
      std::string known;
      for (const auto& p : plan.products) known += (known.empty() ? "" : ", ") + p.id;
      throw Error(ExitCode::bad_input, plan.file, "--product",
                  fmt::format("no product \"{}\" with a goal or an actual in this plan; its products: {}", id, known));
    }
    out.products.push_back(*it);
  }
  return out;
}

std::string frontier_to_text(const PlanComparison& c) { return preamble(c, false) + frontier_table(c).to_text(); }
std::string frontier_to_markdown(const PlanComparison& c) { return preamble(c, true) + frontier_table(c).to_markdown(); }

std::string frontier_to_csv(const PlanComparison& c) {
  Table t({"plan", "product", "unit", "base", "goal_year", "goal", "at_fulfilment", "feasible", "frontier_goals",
           "frontier_history_year", "frontier_history", "actual_year", "actual"});
  for (const auto& p : c.products)
    t.add_row({c.name, p.id, p.unit, csv_number(p.base), std::to_string(p.goal_year), csv_number(p.goal),
               csv_number(at_lambda(c, p)), csv_number(p.feasible), csv_number(p.frontier_goals),
               p.frontier_history ? std::to_string(p.frontier_history_year) : "", csv_number(p.frontier_history),
               p.actual ? std::to_string(p.actual_year) : "", csv_number(p.actual)});
  return t.to_csv();
}

nlohmann::ordered_json frontier_to_json(const PlanComparison& c) {
  using json = nlohmann::ordered_json;
  json out;
  out["plan"] = c.name;
  out["file"] = c.file;
  out["fulfilment"] = json_number(c.fulfilment);
  out["second_stage"] = {{"weighting", c.second_stage}, {"growth", json_number(c.second_stage_growth)}};
  out["history"] = {{"status", c.history.status},
                    {"year", c.history.year == 0 ? json() : json(c.history.year)},
                    {"share", json_number(c.history.share)},
                    {"verdict", c.history.verdict}};
  json products = json::array();
  for (const auto& p : c.products)
    products.push_back({{"id", p.id},
                        {"unit", p.unit},
                        {"base", p.base},
                        {"goal_year", p.goal_year},
                        {"goal", json_number(p.goal)},
                        {"at_fulfilment", json_number(at_lambda(c, p))},
                        {"feasible", json_number(p.feasible)},
                        {"frontier_goals", json_number(p.frontier_goals)},
                        {"frontier_history_year", p.frontier_history ? json(p.frontier_history_year) : json()},
                        {"frontier_history", json_number(p.frontier_history)},
                        {"actual_year", p.actual ? json(p.actual_year) : json()},
                        {"actual", json_number(p.actual)}});
  out["products"] = products;
  return out;
}

}  // namespace planner
