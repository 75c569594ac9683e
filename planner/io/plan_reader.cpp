// Reads a plan TOML file (spec §3): loads its model, applies the plan's overrides, and
// resolves objective, goals and actuals. Errors name the plan file, line and key.
//
// Keys: name, description, model, years, terminal, terminal_capacity_bound, free_disposal,
// demand_years, [objective], [objective.then], [demand], [resources.<id>], [capacity], [export_limit], [technical],
// [capital] (plan_overrides.hpp), [goals], [actual].
//
// Choices where the spec is silent:
// - The lexicographic second stage is spelled `[objective.then]` (same keys as
//   [objective], without a further `then`); it is solved with the first held at its optimum.
// - `name` defaults to the file's stem; [objective] is required.
// - `demand_years` are plan years in 0…H (H = T+1 with terminal = "steady-state"), no
//   repeats. Year 0 is allowed: the spec's balance holds in the base year too, so demand
//   there means the base year's consumption is not carried forward as stock (the USSR
//   plans use it).
// - An objective's `years` are plan years in 0…H. Keys that do not apply to the chosen kind
//   are errors (a `resource` on max-output would otherwise be silently ignored):
//   resource → max-/min-resource (required there); weights → max-output, max-consumption;
//   discount (in (0,1]) and floors → max-consumption; years → max-output, max-/min-resource,
//   max-consumption. max-fulfilment and min-shortfall need at least one goal.
// - [demand] overrides only the sectors it lists; unlisted sectors keep the model's demand.
//   The overridden vector is Plan::demand_override; the terminal steady state still uses the
//   model's own demand. A list gives the demand year by year (0, 1, …; Plan::demand_paths).
// - [resources.<id>] takes `available = number | [list]` or `unlimited = true` (one of them)
//   and is applied to plan.economy.resources directly; [processes.<id>] likewise takes
//   `capacity = number | [list]` or `unlimited = true` for a technique (docs/file-formats.md).
// - Goals and actuals: see plan_goals.cpp.
// - `second_stage` = "base-output" (default), "prices" or "none": how a goal objective without
//   `then` sizes the products without a goal (solve_plan.hpp). "prices" needs every sector's
//   `price` in the model; a missing one is an error here, before anything is solved.
#include "planner/io/plan_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "planner/io/model_reader.hpp"
#include "planner/io/plan_goals.hpp"
#include "planner/io/plan_overrides.hpp"
#include "planner/io/process_reader.hpp"
#include "planner/io/toml_fields.hpp"
#include "planner/io/input_file.hpp"
#include "planner/model/error.hpp"

namespace planner {
namespace {

using toml_fields::Fields;

std::string valid_kinds() {
  std::string list;
  for (auto k : {ObjectiveKind::max_capacity, ObjectiveKind::max_output, ObjectiveKind::max_resource,
                 ObjectiveKind::min_resource, ObjectiveKind::max_fulfilment, ObjectiveKind::max_consumption,
                 ObjectiveKind::min_shortfall})
    list += (list.empty() ? "" : ", ") + to_string(k);
  return list;
}

/// `{ sector = value }` with every id a sector of the plan's economy.
std::map<std::string, double> sector_map(const Fields& f, std::string_view key, const Economy& e) {
  std::map<std::string, double> out;
  for (const auto& [id, v] : f.number_map(key)) {
    if (!e.sector_index(id)) f.fail(key, fmt::format("no sector \"{}\" in the model", id));
    out[id] = v;
  }
  return out;
}

/// Fails when `key` is present but does not apply to the objective's kind.
void only_for(const Fields& f, std::string_view key, ObjectiveKind kind, std::initializer_list<ObjectiveKind> kinds) {
  if (!f.has(key)) return;
  for (auto k : kinds)
    if (k == kind) return;
  std::string list;
  for (auto k : kinds) list += (list.empty() ? "" : ", ") + to_string(k);
  f.fail(key, fmt::format("\"{}\" does not apply to kind = \"{}\" (only to {})", key, to_string(kind), list));
}

Objective read_objective(const Fields& f, const Plan& plan, bool allow_then) {
  if (allow_then) f.allow_only({"kind", "years", "resource", "weights", "discount", "floors", "then"});
  else f.allow_only({"kind", "years", "resource", "weights", "discount", "floors"});
  using K = ObjectiveKind;
  Objective o;
  if (!f.has("kind")) f.fail("", fmt::format("missing key \"kind\"; one of: {}", valid_kinds()));
  const std::string kind = *f.string("kind");
  auto parsed = objective_kind_from_string(kind);
  if (!parsed) f.fail("kind", fmt::format("unknown objective kind \"{}\"; valid kinds: {}", kind, valid_kinds()));
  o.kind = *parsed;

  only_for(f, "years", o.kind, {K::max_output, K::max_resource, K::min_resource, K::max_consumption});
  only_for(f, "resource", o.kind, {K::max_resource, K::min_resource});
  only_for(f, "weights", o.kind, {K::max_output, K::max_consumption});
  only_for(f, "discount", o.kind, {K::max_consumption});
  only_for(f, "floors", o.kind, {K::max_consumption});

  o.years = f.integer_list("years", 0, plan.horizon()).value_or(std::vector<int>{});
  if (o.kind == K::max_resource || o.kind == K::min_resource) {
    if (!f.has("resource")) f.fail("", fmt::format("kind = \"{}\" needs resource = \"<resource id>\"", kind));
    o.resource = *f.string("resource");
    if (!plan.economy.resource_index(o.resource))
      f.fail("resource", fmt::format("no resource \"{}\" in the model", o.resource));
  }
  o.weights = sector_map(f, "weights", plan.economy);
  o.floors = sector_map(f, "floors", plan.economy);
  if (auto beta = f.number("discount")) {
    if (!(*beta > 0 && *beta <= 1)) f.fail("discount", fmt::format("expected a number in (0,1], got {}", *beta));
    o.discount = *beta;
  }
  return o;
}

/// [demand]: listed sectors override the model's demand; others keep it. `sector = number`
/// (every demand year) or `sector = [year 0, year 1, …]` (a path, years past its end repeat its
/// last value). A path's first plan year also goes into the override vector, so views of one
/// number per sector (plan edits, sweeps) still see one.
void read_demand(const Fields& top, Plan& plan) {
  auto table = top.table("demand");
  if (!table) return;
  const Economy& e = plan.economy;
  std::vector<double> d;
  for (const auto& s : e.sectors) d.push_back(s.demand);
  for (auto&& [k, node] : table->table()) {
    const std::string id(k.str());
    auto i = e.sector_index(id);
    if (!i) table->fail(id, fmt::format("no sector \"{}\" in the model", id));
    if (node.is_array()) {
      auto path = *table->number_or_list(id);
      d[*i] = path[std::min<std::size_t>(1, path.size() - 1)];
      plan.demand_paths.resize(e.size());
      plan.demand_paths[*i] = std::move(path);
    } else {
      d[*i] = *table->nonnegative(id);
    }
  }
  plan.demand_override = d;
}

/// `[<key>.<id>]` tables of `<limit> = number | [list]` or `unlimited = true` (exactly one):
/// `limits(id)` gives the list to replace (nullptr: no such id); unlimited empties it.
template <class Limits>
void apply_limit_overrides(const Fields& top, const char* key, const char* limit, const char* what, Limits limits) {
  auto table = top.table(key);
  if (!table) return;
  for (auto&& [k, node] : table->table()) {
    const std::string id(k.str());
    Fields f = table->child(node, id, table->key_path(id));
    f.allow_only({limit, "unlimited"});
    std::vector<double>* list = limits(id);
    if (!list) f.fail("", fmt::format("no {} \"{}\" in the model", what, id));
    if (f.one_of({limit, "unlimited"}, true) == limit) {
      *list = *f.number_or_list(limit);
    } else {
      if (!*f.boolean("unlimited")) f.fail("unlimited", fmt::format("unlimited = false means nothing; give {} = … instead", limit));
      list->clear();
    }
  }
}

/// [resources.<id>]: `available = …` or `unlimited = true`; [processes.<id>]: `capacity = …` or
/// `unlimited = true` — a counterfactual path for one technique (the herd kept, a dam built
/// sooner) without another model file. Both applied onto the economy.
void apply_overrides(const Fields& top, Economy& e) {
  apply_limit_overrides(top, "resources", "available", "resource", [&](const std::string& id) {
    auto i = e.resource_index(id);
    return i ? &e.resources[*i].available : nullptr;
  });
  apply_limit_overrides(top, "processes", "capacity", "process", [&](const std::string& id) {
    auto p = e.process_index(id);
    return p ? &e.processes[*p].capacity : nullptr;
  });
}

/// Loads the model the plan names (relative to the plan's folder).
void load_model(const Fields& top, const std::filesystem::path& base_dir, Plan& plan) {
  if (!top.has("model")) top.fail("", "missing key \"model\" (the path of the model file, relative to the plan)");
  std::filesystem::path model = *top.string("model");
  if (model.is_relative()) model = base_dir / model;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(model, ec)) top.fail("model", fmt::format("model file not found: {}", model.string()));
  if (std::filesystem::equivalent(model, top.file(), ec))
    top.fail("model", "the plan names itself as its model; give the path of the model file (relative to the plan)");
  plan.model_file = model.string();
  plan.economy = read_model(model);
}

void read_horizon(const Fields& top, Plan& plan) {
  if (!top.has("years")) top.fail("", "missing key \"years\" (T, the number of plan years)");
  plan.years = *top.integer("years", 1, 1000);
  const std::string terminal = top.string("terminal").value_or("none");
  if (terminal != "steady-state" && terminal != "none")
    top.fail("terminal", fmt::format("expected \"steady-state\" or \"none\", got \"{}\"", terminal));
  plan.terminal_steady_state = terminal == "steady-state";
  plan.terminal_capacity_bound = top.boolean("terminal_capacity_bound").value_or(true);
  plan.free_disposal = top.boolean("free_disposal").value_or(false);
  // A lag beyond the horizon would leave capacity or resource use outside every plan year:
  // the plan would silently ignore it.
  const Economy& e = plan.economy;
  if (e.capital_lag > plan.horizon())
    top.fail("years", fmt::format("the model's [capital] lag {} exceeds the plan's horizon H = {}: no capacity begun in "
                                  "the plan could come into use; plan more years or shorten the lag",
                                  e.capital_lag, plan.horizon()));
  for (const Resource& r : e.resources)
    if (std::max(r.per_output_lag, r.per_capacity_lag) > plan.horizon())
      top.fail("years", fmt::format("resource \"{}\" has a lag of {} years, beyond the plan's horizon H = {}: its use "
                                    "would fall outside the plan; plan more years or shorten the lag",
                                    r.id, std::max(r.per_output_lag, r.per_capacity_lag), plan.horizon()));
  if (auto years = top.integer_list("demand_years", 0, plan.horizon())) {
    plan.demand_years = *years;
  } else {
    for (int t = 1; t <= plan.years; ++t) plan.demand_years.push_back(t);
  }
}

void read_second_stage(const Fields& top, Plan& plan) {
  const std::string stage = top.string("second_stage").value_or("base-output");
  if (stage == "base-output") plan.second_stage = SecondStage::base_output;
  else if (stage == "prices") plan.second_stage = SecondStage::prices;
  else if (stage == "none") plan.second_stage = SecondStage::none;
  else top.fail("second_stage", fmt::format("expected \"base-output\", \"prices\" or \"none\", got \"{}\"", stage));
  if (plan.second_stage != SecondStage::prices) return;
  for (const Sector& s : plan.economy.sectors)
    if (!s.price)
      top.fail("second_stage", fmt::format("second_stage = \"prices\" weighs every sector by its price, but sector \"{}\" "
                                           "has no `price` in the model {}; give one, or use \"base-output\"",
                                           s.id, plan.economy.file));
}

}  // namespace

Plan parse_plan(const std::string& toml_text, const std::string& name, const std::filesystem::path& base_dir) {
  const toml::table doc = toml_fields::parse(toml_text, name);
  const Fields top(doc, name, "");
  if (doc.empty()) top.fail("", "the file has no keys; expected a plan: model = \"…\", years = …, [objective] (spec §3)");
  top.allow_only({"name", "description", "model", "years", "terminal", "terminal_capacity_bound", "free_disposal", "demand_years",
                  "second_stage", "objective", "demand", "resources", "processes", "capacity", "export_limit", "technical", "capital", "goals",
                  "actual"});
  Plan plan;
  plan.file = name;
  plan.name = top.string("name").value_or(std::filesystem::path(name).stem().string());
  plan.description = top.string("description").value_or("");
  load_model(top, base_dir, plan);
  read_horizon(top, plan);
  read_demand(top, plan);
  apply_overrides(top, plan.economy);
  apply_model_overrides(top, plan.economy);
  check_price_lists(plan.economy, plan.years);

  auto objective = top.table("objective");
  if (!objective) top.fail("", fmt::format("missing [objective] table with kind = one of: {}", valid_kinds()));
  plan.objective = read_objective(*objective, plan, /*allow_then=*/true);
  if (auto then = objective->table("then")) plan.then = read_objective(*then, plan, /*allow_then=*/false);

  read_second_stage(top, plan);
  plan.goals = read_goals(top, plan);
  plan.actuals = read_actuals(top, plan);
  for (const Objective* o : {&plan.objective, plan.then ? &*plan.then : nullptr}) {
    if (!o || !plan.goals.empty()) continue;
    if (o->kind == ObjectiveKind::max_fulfilment || o->kind == ObjectiveKind::min_shortfall)
      objective->fail("kind", fmt::format("kind = \"{}\" needs at least one goal in [goals]", to_string(o->kind)));
  }
  return plan;
}

Plan read_plan(const std::filesystem::path& file) {
  return parse_plan(read_input_text(file, "plan"), file.string(), file.parent_path());
}

}  // namespace planner
