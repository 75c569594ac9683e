#include "planner/io/plan_writer.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <map>
#include <sstream>

#include "planner/io/toml_fields.hpp"

namespace planner {
namespace {

toml::table number_table(const std::map<std::string, double>& m) {
  toml::table t;
  for (const auto& [k, v] : m) t.insert_or_assign(k, v);
  return t;
}

void write_objective(toml::table& o, const Objective& objective) {
  o.erase("weights");
  o.erase("floors");
  if (!objective.weights.empty()) o.insert_or_assign("weights", number_table(objective.weights));
  if (!objective.floors.empty()) o.insert_or_assign("floors", number_table(objective.floors));
}

toml::table goals_table(const Plan& plan) {
  toml::table goals;
  for (const Goal& g : plan.goals) {
    toml::table t;
    if (g.id != g.sector) t.insert_or_assign("sector", g.sector);
    if (g.multiple) t.insert_or_assign("multiple", *g.multiple);
    else t.insert_or_assign("target", *g.target);
    t.insert_or_assign("year", plan.calendar_year(g.year));
    if (g.weight != 1.0) t.insert_or_assign("weight", g.weight);
    if (!g.source.empty()) t.insert_or_assign("source", g.source);
    if (!g.note.empty()) t.insert_or_assign("note", g.note);
    goals.insert_or_assign(g.id, std::move(t));
  }
  return goals;
}

toml::table actuals_table(const Plan& plan) {
  std::map<std::string, toml::array> by_sector;
  for (const Actual& a : plan.actuals) {
    toml::table t;
    t.insert_or_assign("value", a.value);
    t.insert_or_assign("year", a.year);
    if (!a.source.empty()) t.insert_or_assign("source", a.source);
    if (!a.note.empty()) t.insert_or_assign("note", a.note);
    by_sector[a.sector].push_back(std::move(t));
  }
  toml::table actual;
  for (auto& [sector, list] : by_sector) {
    if (list.size() == 1) actual.insert_or_assign(sector, std::move(*list[0].as_table()));
    else actual.insert_or_assign(sector, std::move(list));
  }
  return actual;
}

}  // namespace

std::string rewritten_plan_toml(const std::string& original_text, const Plan& plan, const std::string& model_path,
                                const std::vector<std::string>& header) {
  toml::table doc = toml_fields::parse(original_text, plan.file);
  const toml_fields::Fields top(doc, plan.file, "");
  for (const char* key : {"capacity", "technical", "capital", "processes"})
    if (top.has(key))
      top.fail(key, fmt::format("[{}] overrides figures of single sectors or techniques of the model, which the new model "
                                "does not have; move the change into the model before aggregating",
                                key));
  // An uncertain goal ({ value, low, high, dist }) has no sum rule here: its central value is summed.
  bool uncertain = false;
  if (const auto* goals = doc.get_as<toml::table>("goals"))
    for (const auto& [k, g] : *goals)
      if (const auto* t = g.as_table())
        for (const char* key : {"target", "multiple"}) uncertain = uncertain || (t->get(key) && t->get(key)->is_table());
  doc.insert_or_assign("model", model_path);
  for (const char* key : {"goals", "actual", "demand"}) doc.erase(key);
  if (!plan.goals.empty()) doc.insert_or_assign("goals", goals_table(plan));
  if (!plan.actuals.empty()) doc.insert_or_assign("actual", actuals_table(plan));
  if (plan.demand_override) {
    toml::table d;
    for (std::size_t j = 0; j < plan.economy.size(); ++j) d.insert_or_assign(plan.economy.sectors[j].id, (*plan.demand_override)[j]);
    doc.insert_or_assign("demand", std::move(d));
  }
  if (auto* o = doc.get_as<toml::table>("objective")) {
    write_objective(*o, plan.objective);
    if (auto* then = o->get_as<toml::table>("then"); then && plan.then) write_objective(*then, *plan.then);
  }
  std::ostringstream out;
  for (const auto& h : header) out << "# " << h << "\n";
  if (uncertain) out << "# note: goals given as uncertain numbers were summed at their central values (ranges dropped)\n";
  out << "\n" << doc << "\n";
  return out.str();
}

}  // namespace planner
