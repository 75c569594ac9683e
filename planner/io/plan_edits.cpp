#include "planner/io/plan_edits.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <sstream>

#include "planner/io/toml_fields.hpp"
#include "planner/model/error.hpp"

namespace planner {
namespace {

std::string unit_of(const Economy& e, const Sector& s) { return s.unit.empty() ? e.unit : s.unit; }

void add_goals(const Plan& plan, std::vector<EditableNumber>& out) {
  for (const Goal& g : plan.goals) {
    if (!g.target && !g.multiple) continue;
    const int year = plan.calendar_year(g.year > 0 ? g.year : plan.years);
    std::string name = g.id, unit = g.group.empty() ? "" : "weighted sum";
    if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));  // "Heavy goal
    if (auto i = plan.economy.sector_index(g.sector)) {
      name = plan.economy.sectors[*i].short_name();
      unit = unit_of(plan.economy, plan.economy.sectors[*i]);
    }
    if (g.multiple) {
      out.push_back({"goal." + g.id, "goal", fmt::format("{} goal for {} (multiple of {} output)", name, year, plan.calendar_year(0)),
                     fmt::format("× {} output", plan.calendar_year(0)), g.id, year, *g.multiple});
    } else {
      out.push_back({"goal." + g.id, "goal", fmt::format("{} goal for {}", name, year), unit, g.id, year, *g.target});
    }
  }
}

void add_resources(const Plan& plan, std::vector<EditableNumber>& out) {
  for (const Resource& r : plan.economy.resources) {
    if (r.unlimited()) continue;
    const std::string name = r.name.empty() ? r.id : r.name;
    if (r.available.size() == 1) {
      out.push_back({"resource." + r.id, "resource", name + " available each year", r.unit, r.id, 0, r.available.front()});
      continue;
    }
    for (int t = 0; t <= plan.horizon(); ++t) {
      const int year = plan.calendar_year(t);
      out.push_back({fmt::format("resource.{}.{}", r.id, year), "resource", fmt::format("{} available in {}", name, year),
                     r.unit, r.id, year, r.available_in(t)});
    }
  }
}

void add_coefficients(const Economy& e, const char* kind, const Eigen::MatrixXd& m, std::vector<EditableNumber>& out) {
  const bool all = e.size() <= 30;
  for (std::size_t i = 0; i < e.size(); ++i)
    for (std::size_t j = 0; j < e.size(); ++j) {
      const double v = m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
      if (!all && v == 0.0) continue;
      const Sector &row = e.sectors[i], &col = e.sectors[j];
      std::string label = std::string(kind) == "technical"
                              ? fmt::format("{} per unit of {} output", row.short_name(), col.short_name())
                              : fmt::format("{} per unit of new {} capacity", row.short_name(), col.short_name());
      out.push_back({fmt::format("{}.{}.{}", kind, row.id, col.id), kind, label,
                     fmt::format("{} per {}", unit_of(e, row), unit_of(e, col)), row.id, 0, v});
    }
}

/// The TOML table at `key` of `parent`, created (as a standard table) when absent.
toml::table& table_at(toml::table& parent, const std::string& key) {
  if (auto* t = parent.get_as<toml::table>(key)) return *t;
  return *parent.insert_or_assign(key, toml::table{}).first->second.as_table();
}

[[noreturn]] void bad_edit(std::size_t k, const std::string& message) {
  throw_bad_input("", fmt::format("edits[{}]", k), message);
}

}  // namespace

std::vector<EditableNumber> editable_numbers(const Plan& plan) {
  const Economy& e = plan.economy;
  std::vector<EditableNumber> out;
  add_goals(plan, out);
  for (const Sector& s : e.sectors)
    if (s.capacity) out.push_back({"capacity." + s.id, "capacity", s.short_name() + " capacity in " + std::to_string(e.base_year),
                                   unit_of(e, s), s.id, 0, *s.capacity});
  add_resources(plan, out);
  for (std::size_t i = 0; i < e.size(); ++i) {
    const Sector& s = e.sectors[i];
    const double d = plan.demand_override ? (*plan.demand_override)[i] : s.demand;
    out.push_back({"demand." + s.id, "floor", s.short_name() + " consumption floor (final demand each demand year)", unit_of(e, s), s.id, 0, d});
  }
  add_coefficients(e, "technical", e.technical, out);
  add_coefficients(e, "capital", e.capital, out);
  return out;
}

std::string edited_plan_toml(const std::string& plan_text, const Plan& plan, const std::vector<PlanEdit>& edits,
                             const std::string& origin) {
  std::map<std::string, EditableNumber> numbers;
  for (auto& n : editable_numbers(plan)) numbers.emplace(n.id, n);
  toml::table doc = toml_fields::parse(plan_text, plan.file);
  doc.insert_or_assign("model", std::filesystem::absolute(plan.model_file).lexically_normal().string());

  // Per-year resource limits are written as whole lists: start from the plan's own values.
  std::map<std::string, std::vector<double>> limits;
  for (std::size_t k = 0; k < edits.size(); ++k) {
    const PlanEdit& edit = edits[k];
    auto it = numbers.find(edit.id);
    if (it == numbers.end()) bad_edit(k, fmt::format("no editable number \"{}\" in this plan", edit.id));
    if (!std::isfinite(edit.value)) bad_edit(k, fmt::format("the value of \"{}\" is not a finite number", edit.id));
    const EditableNumber& n = it->second;
    if (n.kind == "goal") {
      toml::table& goal = *doc["goals"][n.subject].as_table();
      goal.insert_or_assign(goal.contains("multiple") ? "multiple" : "target", edit.value);
    } else if (n.kind == "capacity") {
      table_at(doc, "capacity").insert_or_assign(n.subject, edit.value);
    } else if (n.kind == "floor") {
      table_at(doc, "demand").insert_or_assign(n.subject, edit.value);
    } else if (n.kind == "technical" || n.kind == "capital") {
      const std::string col = n.id.substr(n.id.rfind('.') + 1);
      table_at(table_at(doc, n.kind), n.subject).insert_or_assign(col, edit.value);
    } else if (n.kind == "resource") {
      const Resource& r = plan.economy.resources[*plan.economy.resource_index(n.subject)];
      auto [l, added] = limits.try_emplace(r.id);
      if (added)
        for (int t = 0; t <= plan.horizon(); ++t) l->second.push_back(r.available_in(t));
      if (n.year == 0) l->second.assign(l->second.size(), edit.value);
      else l->second[static_cast<std::size_t>(n.year - plan.calendar_year(0))] = edit.value;
    }
  }
  for (const auto& [id, values] : limits) {
    toml::array list;
    for (double v : values) list.push_back(v);
    toml::table& r = table_at(table_at(doc, "resources"), id);
    r.erase("unlimited");
    r.insert_or_assign("available", std::move(list));
  }

  std::ostringstream out;
  out << "# " << origin << "\n";
  for (const PlanEdit& e : edits) out << fmt::format("# edit: {} = {}\n", e.id, e.value);
  out << "\n" << doc << "\n";
  return out.str();
}

}  // namespace planner
