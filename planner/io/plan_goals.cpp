// Goals: `id = { target = 75.0 }` or `{ multiple = 3.0 }` for the sector named by the key
// (or by `sector = "…"`), or `{ group = "heavy", multiple = 3.0 [, weights = {…}] }`.
// A group goal with `target` needs `weights` (the target is the weighted sum, e.g. in
// 1926/27 prices); `weights` only applies to group goals and names members of the group.
// `year` is a calendar year (plan year = year − base_year, in 1…T; default T).
//
// Actuals: `id = { value, year, source, note, alternatives = [{ value, source }] }` or an
// array of such tables (several years); `sector` defaults to the key; `year` defaults to
// the plan's last calendar year. Two actuals for one sector and year are an error: a
// conflicting source goes under `alternatives`, so both figures are kept and shown.
#include "planner/io/plan_goals.hpp"
#include "planner/model/sector_groups.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace planner {
namespace {

using toml_fields::Fields;

bool group_exists(const Economy& e, const std::string& group) {
  return std::any_of(e.sectors.begin(), e.sectors.end(), [&](const Sector& s) {
    return in_group(s, group);
  });
}

/// The plan year of the goal's calendar `year` (default T); must be in 1…T.
int goal_year(const Fields& f, const Plan& plan) {
  auto year = f.integer("year", -100000, 100000);
  if (!year) return plan.years;
  int t = *year - plan.economy.base_year;
  if (t < 1 || t > plan.years)
    f.fail("year", fmt::format("year {} is plan year {}, outside the plan's years {}…{} (calendar {}…{})", *year, t, 1,
                               plan.years, plan.calendar_year(1), plan.calendar_year(plan.years)));
  return t;
}

void read_group_goal(const Fields& f, const Plan& plan, Goal& g) {
  const Economy& e = plan.economy;
  g.group = *f.string("group");
  if (!group_exists(e, g.group)) f.fail("group", fmt::format("no sector belongs to group \"{}\"", g.group));
  for (const auto& [id, w] : f.number_map("weights")) {
    auto i = e.sector_index(id);
    if (!i) f.fail("weights", fmt::format("no sector \"{}\" in the model", id));
    const auto& groups = e.sectors[*i].groups;
    if (std::find(groups.begin(), groups.end(), g.group) == groups.end())
      f.fail("weights", fmt::format("sector \"{}\" is not in group \"{}\"", id, g.group));
    g.weights[id] = w;
  }
  if (g.target && g.weights.empty())
    f.fail("target", "a group goal with a target needs weights = { sector = weight, … } (the target is their weighted sum)");
  if (g.multiple && !g.weights.empty()) {
    double base = 0;
    for (const auto& [id, w] : g.weights) base += w * e.sectors[*e.sector_index(id)].output;
    if (!(base > 0)) f.fail("multiple", "the group's weighted base-year output is 0, so a multiple of it means nothing");
  }
}

void read_sector_goal(const Fields& f, const std::string& key, const Plan& plan, Goal& g) {
  const Economy& e = plan.economy;
  g.sector = f.string("sector").value_or(key);
  auto i = e.sector_index(g.sector);
  if (!i) {
    if (f.has("sector")) f.fail("sector", fmt::format("no sector \"{}\" in the model", g.sector));
    f.fail("", fmt::format("no sector \"{}\" in the model; name one with sector = \"…\" or a group with group = \"…\"", key));
  }
  if (f.has("weights")) f.fail("weights", "weights apply only to group goals (group = \"…\")");
  if (g.multiple && !(e.sectors[*i].output > 0))
    f.fail("multiple", fmt::format("sector \"{}\" has base-year output {}, so a multiple of it means nothing; give a target",
                                   g.sector, e.sectors[*i].output));
}

Goal read_goal(const Fields& f, const std::string& key, const Plan& plan) {
  f.allow_only({"sector", "group", "target", "multiple", "weights", "year", "weight", "source", "note"});
  Goal g;
  g.id = key;
  f.one_of({"sector", "group"}, false);
  f.one_of({"target", "multiple"}, true);
  g.target = f.positive("target");
  g.multiple = f.positive("multiple");
  if (f.has("group")) read_group_goal(f, plan, g);
  else read_sector_goal(f, key, plan, g);
  g.year = goal_year(f, plan);
  g.weight = f.nonnegative("weight").value_or(1.0);
  g.source = f.string("source").value_or("");
  g.note = f.string("note").value_or("");
  return g;
}

Actual read_actual(const Fields& f, const std::string& key, const Plan& plan) {
  f.allow_only({"sector", "value", "year", "source", "note", "alternatives"});
  Actual a;
  a.sector = f.string("sector").value_or(key);
  if (!plan.economy.sector_index(a.sector)) {
    if (f.has("sector")) f.fail("sector", fmt::format("no sector \"{}\" in the model", a.sector));
    f.fail("", fmt::format("no sector \"{}\" in the model; name one with sector = \"…\"", key));
  }
  if (!f.has("value")) f.fail("", "missing key \"value\" (the recorded figure)");
  a.value = *f.nonnegative("value");
  const int first = plan.economy.base_year, last = plan.calendar_year(plan.years) + kActualYearsAfterPlan;
  a.year = f.integer("year", -100000, 100000).value_or(plan.calendar_year(plan.years));
  if (a.year < first || a.year > last)
    f.fail("year", fmt::format("year {} is outside the data: actuals run from the base year {} to {} (plan end + {})", a.year,
                               first, last, kActualYearsAfterPlan));
  a.source = f.string("source").value_or("");
  a.note = f.string("note").value_or("");
  if (const toml::node* n = f.node("alternatives")) {
    const toml::array* list = n->as_array();
    if (!list) f.fail("alternatives", "expected a list of tables, e.g. [ { value = 64.4, source = \"…\" } ]");
    for (std::size_t i = 0; i < list->size(); ++i) {
      Fields alt = f.child((*list)[i], "alternatives", f.key_path(fmt::format("alternatives[{}]", i + 1)));
      alt.allow_only({"value", "source"});
      if (!alt.has("value")) alt.fail("", "missing key \"value\"");
      a.alternatives.emplace_back(*alt.nonnegative("value"), alt.string("source").value_or(""));
    }
  }
  return a;
}

}  // namespace

std::vector<Goal> read_goals(const Fields& top, const Plan& plan) {
  std::vector<Goal> goals;
  auto table = top.table("goals");
  if (!table) return goals;
  for (const auto& [key, node] : toml_fields::in_file_order(table->table())) {
    goals.push_back(read_goal(table->child(*node, key, table->key_path(key)), key, plan));
  }
  return goals;
}

std::vector<Actual> read_actuals(const Fields& top, const Plan& plan) {
  std::vector<Actual> actuals;
  auto table = top.table("actual");
  if (!table) return actuals;
  std::set<std::pair<std::string, int>> seen;
  auto add = [&](const Fields& f, const std::string& key) {
    Actual a = read_actual(f, key, plan);
    if (!seen.insert({a.sector, a.year}).second)
      f.fail("year", fmt::format("a second actual for \"{}\" in {}; put a conflicting figure under alternatives", a.sector,
                                 a.year));
    actuals.push_back(std::move(a));
  };
  for (const auto& [key, node] : toml_fields::in_file_order(table->table())) {
    if (const toml::array* list = node->as_array()) {
      for (std::size_t i = 0; i < list->size(); ++i)
        add(table->child((*list)[i], key, table->key_path(fmt::format("{}[{}]", key, i + 1))), key);
    } else {
      add(table->child(*node, key, table->key_path(key)), key);
    }
  }
  return actuals;
}

}  // namespace planner
