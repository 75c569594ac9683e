#include "planner/report/comparison.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "planner/report/comparison_verdicts.hpp"
#include "planner/model/sector_groups.hpp"

namespace planner {

// ---- ratios ------------------------------------------------------------------------------

namespace {
Figure ratio(const Figure& num, const Figure& den) {
  if (!num || !den || *den == 0.0) return std::nullopt;
  return *num / *den;
}
}  // namespace

Figure ProductComparison::goal_fulfilment() const { return ratio(actual, goal); }
Figure ProductComparison::feasibility_gap() const { return ratio(feasible, goal); }

Figure ProductComparison::feasible_for_actual() const {
  if (actual && actual_year != 0 && actual_year < goal_year && feasible_by_actual_year) return feasible_by_actual_year;
  return feasible;
}

Figure ProductComparison::frontier_gap() const { return ratio(frontier_goals, goal); }
Figure ProductComparison::history_share() const { return ratio(actual, frontier_history); }

Figure ProductComparison::realised_share() const { return ratio(actual, feasible_for_actual()); }

bool ProductComparison::goal_unmet() const {
  // A relative tolerance: the LP meets a goal to within its feasibility tolerance.
  return goal && feasible && *feasible < *goal * (1.0 - 1e-7) - 1e-9;
}

std::string BindingConstraint::what() const {
  // "Cement (construction materials)" reads as "Cement" in a sentence.
  std::string what = without_gloss(subject_name.empty() ? (subject.empty() ? row : subject) : subject_name);
  if (kind == "capacity") what += " capacity";
  else if (kind == "balance") what += " balance";
  else if (kind == "goal") what += " goal";
  else if (kind == "terminal") what += " terminal (steady-state) output";
  else if (kind == "floor") what += " consumption floor";
  else if (kind == "trade") what = "the currency balance";
  if (year != 0) what += fmt::format(" in {}", year);
  return what;
}

std::string BindingConstraint::text() const {
  std::string price = fmt::format("shadow price {:.3g}", shadow_price);
  if (!unit.empty()) price += " per " + unit;
  if (shadow_price < 0 && (kind == "balance" || kind == "capacity" || kind == "resource"))
    price += ": more of it would lower λ";
  return what() + " (" + price + ")";
}

std::vector<const ProductComparison*> PlanComparison::unmet_goals() const {
  std::vector<const ProductComparison*> out;
  for (const auto& p : products)
    if (p.goal_unmet()) out.push_back(&p);
  return out;
}

const Scenario* PlanComparison::scenario(const std::string& id) const {
  for (const auto& s : scenarios)
    if (s.id == id) return &s;
  return nullptr;
}

namespace {
void add_source(std::vector<SourceNote>& notes, const std::string& text, const std::string& cited_by) {
  if (text.empty()) return;
  for (auto& n : notes)
    if (n.text == text) {
      if (std::find(n.cited_by.begin(), n.cited_by.end(), cited_by) == n.cited_by.end()) n.cited_by.push_back(cited_by);
      return;
    }
  notes.push_back({text, {cited_by}});
}
}  // namespace

std::vector<SourceNote> Comparison::sources() const {
  std::vector<SourceNote> all;
  for (const auto& p : plans)
    for (const auto& s : p.sources)
      for (const auto& c : s.cited_by) add_source(all, s.text, c);
  return all;
}

// ---- plan variants -----------------------------------------------------------------------

Plan fulfilment_plan(const Plan& plan) {
  Plan p = plan;
  p.objective = Objective{};
  p.objective.kind = ObjectiveKind::max_fulfilment;
  p.then.reset();  // so every shadow price is a change of λ
  return p;
}

Plan truncated_plan(const Plan& plan, int years) {
  Plan p = plan;
  p.years = std::max(1, std::min(years, plan.years));
  for (auto& g : p.goals)
    if (g.year == 0 || g.year > p.years) g.year = p.years;
  std::vector<int> demand;
  for (int t : p.demand_years)
    if (t <= p.horizon()) demand.push_back(t);
  p.demand_years = demand;
  auto clip = [&](Objective& o) {
    std::vector<int> ys;
    for (int t : o.years)
      if (t <= p.horizon()) ys.push_back(t);
    o.years = ys;
  };
  clip(p.objective);
  if (p.then) clip(*p.then);
  return p;
}

Plan without_consumption_floor(const Plan& plan) {
  // Zero in the plan years only: a base-year demand (demand_years containing 0) is history,
  // and dropping it would carry the base year's consumption forward as stock.
  Plan p = plan;
  bool base_year = std::find(p.demand_years.begin(), p.demand_years.end(), 0) != p.demand_years.end();
  if (base_year) p.demand_years = {0};
  else {
    p.demand_override = std::vector<double>(p.economy.size(), 0.0);
    p.demand_paths.clear();  // a [demand] list would otherwise outrank the zeros
  }
  return p;
}

Plan without_exports(const Plan& plan) {
  Plan p = plan;
  for (auto& s : p.economy.sectors)
    if (s.export_price && *s.export_price > 0.0) s.export_limit = 0.0;
  return p;
}

std::map<std::string, std::pair<double, int>> sector_goals(const Plan& plan) {
  std::map<std::string, std::pair<double, int>> goals;
  const Economy& e = plan.economy;
  auto year_of = [&](const Goal& g) { return g.year > 0 ? g.year : plan.years; };
  // Group goals first, so a sector's own goal overrides its group's.
  for (const auto& g : plan.goals) {
    if (g.group.empty() || !g.weights.empty() || !g.multiple) continue;
    for (const auto& s : e.sectors)
      if (in_group(s, g.group))
        goals[s.id] = {*g.multiple * s.output, year_of(g)};
  }
  for (const auto& g : plan.goals) {
    if (g.sector.empty()) continue;
    auto j = e.sector_index(g.sector);
    if (!j) continue;
    double x0 = e.sectors[*j].output;
    if (g.target) goals[g.sector] = {*g.target, year_of(g)};
    else if (g.multiple) goals[g.sector] = {*g.multiple * x0, year_of(g)};
  }
  return goals;
}

// ---- building ----------------------------------------------------------------------------

namespace {

double value_at(const std::map<std::string, std::map<int, double>>& series, const std::string& id, int t) {
  auto s = series.find(id);
  if (s == series.end()) return 0.0;
  auto v = s->second.find(t);
  return v == s->second.end() ? 0.0 : v->second;
}

Figure output_at(const SolveSummary& r, const std::string& id, int t) {
  if (r.status != "optimal") return std::nullopt;
  auto s = r.output.find(id);
  if (s == r.output.end()) return std::nullopt;
  auto v = s->second.find(t);
  if (v == s->second.end()) return std::nullopt;
  return v->second;
}

/// A weighted group's value sum Σ w_j x[j,t] (nullopt when the solve failed).
Figure group_output_at(const SolveSummary& r, const Goal& g, int t) {
  if (r.status != "optimal") return std::nullopt;
  double sum = 0.0;
  for (const auto& [id, w] : g.weights) {
    auto v = output_at(r, id, t);
    if (!v) return std::nullopt;
    sum += w * *v;
  }
  return sum;
}

struct TradeTotals {
  double imports_value = 0.0, exports_value = 0.0;
  std::map<std::string, double> imports;
};

TradeTotals trade_totals(const Plan& plan, const SolveSummary& r) {
  TradeTotals t;
  if (r.status != "optimal") return t;
  const Economy& e = plan.economy;
  for (std::size_t j = 0; j < e.size(); ++j) {
    const Sector& s = e.sectors[j];
    double m = 0.0;
    for (int y = 1; y <= plan.years; ++y) {
      m += value_at(r.imports, s.id, y);
      // By year: a price path (price_index) makes a tonne of 1933 worth less than one of 1929.
      t.imports_value += e.import_price_in(j, y).value_or(0.0) * value_at(r.imports, s.id, y);
      t.exports_value += e.export_price_in(j, y).value_or(0.0) * value_at(r.exports, s.id, y);
    }
    if (s.import_price || s.import_limit) t.imports[s.id] = m;
  }
  return t;
}

std::map<int, double> path_of(const Plan& plan, const SolveSummary& r, const std::string& id, const Goal* group) {
  std::map<int, double> path;
  if (r.status != "optimal") return path;
  for (int t = 0; t <= plan.years; ++t) {
    Figure v = group ? group_output_at(r, *group, t) : output_at(r, id, t);
    if (v) path[plan.calendar_year(t)] = *v;
  }
  return path;
}

Scenario make_scenario(std::string id, std::string label, const Plan& variant, const SolveSummary& r,
                       const PlanComparison& baseline) {
  Scenario s;
  s.id = std::move(id);
  s.label = std::move(label);
  s.goal_year = variant.calendar_year(variant.years);
  s.status = r.status;
  if (r.status == "optimal") s.fulfilment = r.fulfilment;
  if (s.fulfilment && baseline.fulfilment) s.delta_fulfilment = *s.fulfilment - *baseline.fulfilment;
  TradeTotals trade = trade_totals(variant, r);
  s.imports_value = trade.imports_value;
  s.exports_value = trade.exports_value;
  s.imports = trade.imports;
  if (r.status == "optimal" && baseline.status == "optimal") {
    s.delta_imports_value = s.imports_value - baseline.imports_value;
    for (const auto& [sector, m] : s.imports) {
      auto b = baseline.imports.find(sector);
      s.delta_imports[sector] = m - (b == baseline.imports.end() ? 0.0 : b->second);
    }
  }
  if (r.status == "optimal")
    for (const auto& sec : variant.economy.sectors)
      if (auto v = output_at(r, sec.id, variant.years)) s.feasible[sec.id] = *v;
  return s;
}

}  // namespace

void name_binding(const Plan& plan, std::vector<BindingConstraint>& rows) {
  const Economy& e = plan.economy;
  for (auto& b : rows) {
    if (b.kind == "resource") {
      if (auto r = e.resource_index(b.subject)) {
        if (b.subject_name.empty()) b.subject_name = e.resources[*r].name.empty() ? b.subject : e.resources[*r].name;
        if (b.unit.empty()) b.unit = e.resources[*r].unit;
      }
    } else if (auto j = e.sector_index(b.subject)) {
      if (b.subject_name.empty()) b.subject_name = e.sectors[*j].name.empty() ? b.subject : e.sectors[*j].name;
      if (b.unit.empty()) b.unit = e.sectors[*j].unit.empty() ? e.unit : e.sectors[*j].unit;
    }
    b.year = b.year >= 0 ? plan.calendar_year(b.year) : 0;
  }
  std::stable_sort(rows.begin(), rows.end(), [](const BindingConstraint& a, const BindingConstraint& b) {
    double pa = std::fabs(a.shadow_price), pb = std::fabs(b.shadow_price);
    if (pa != pb) return pa > pb;
    return a.row < b.row;
  });
}

PlanComparison compare_plan(const Plan& plan, const ComparisonOptions& options, const PlanSolver& solve) {
  const Economy& e = plan.economy;
  PlanComparison c;
  c.name = plan.name;
  c.file = plan.file;
  c.model_name = e.name;
  c.description = plan.description;
  c.base_year = e.base_year;
  c.years = plan.years;
  c.goal_year = plan.calendar_year(plan.years);

  auto goals = sector_goals(plan);
  std::vector<const Goal*> weighted;
  for (const auto& g : plan.goals)
    if (!g.group.empty() && !g.weights.empty()) weighted.push_back(&g);
  bool has_goals = !goals.empty() || !weighted.empty();

  Plan posed = fulfilment_plan(plan);
  SolveSummary result;
  if (has_goals) {
    result = solve(posed);
    c.status = result.status;
    c.diagnosis = result.diagnosis;
    if (result.status == "optimal") c.fulfilment = result.fulfilment;
    c.binding = result.binding;
    name_binding(plan, c.binding);
    c.binding_families = summarise_binding(c.binding);
    c.second_stage = result.second_stage;
    c.second_stage_growth = result.second_stage_growth;
    c.second_stage_binding = result.second_stage_binding;
    name_binding(plan, c.second_stage_binding);
    c.second_stage_note = result.second_stage_note;
    TradeTotals trade = trade_totals(plan, result);
    c.imports_value = trade.imports_value;
    c.exports_value = trade.exports_value;
    c.imports = trade.imports;
    for (const Process& pr : plan.economy.processes) {
      TechniqueUse u{pr.product, pr.id, pr.name.empty() ? pr.id : pr.name, to_string(pr.kind), {}};
      if (auto it = result.activity.find(pr.id); it != result.activity.end())
        for (const auto& [t, a] : it->second) u.output[plan.calendar_year(t)] = a * pr.output;
      c.techniques.push_back(std::move(u));
    }
  } else {
    c.status = "no-goals";
    c.diagnosis = "the plan states no goals, so there is nothing to fulfil";
  }

  // Products: sectors with a goal or an actual, in model order; then weighted groups.
  // The actual compared with the goal: the latest one not after the goal year, else the earliest.
  std::map<std::string, const Actual*> actuals;
  for (const auto& a : plan.actuals) {
    auto g = goals.find(a.sector);
    int limit = g == goals.end() ? c.goal_year : plan.calendar_year(g->second.second);
    const Actual*& best = actuals[a.sector];
    if (!best) best = &a;
    else if (a.year <= limit && (best->year > limit || a.year > best->year)) best = &a;
    else if (a.year > limit && best->year > limit && a.year < best->year) best = &a;
  }
  std::map<std::string, const Goal*> own_goal;
  for (const auto& g : plan.goals)
    if (!g.sector.empty()) own_goal[g.sector] = &g;

  for (const auto& s : e.sectors) {
    auto g = goals.find(s.id);
    auto a = actuals.find(s.id);
    if (g == goals.end() && a == actuals.end()) continue;
    ProductComparison p;
    p.id = s.id;
    p.name = s.name.empty() ? s.id : s.name;
    p.unit = s.unit.empty() ? e.unit : s.unit;
    p.base = s.output;
    p.goal_year = c.goal_year;
    if (g != goals.end()) {
      auto [target, t] = g->second;
      p.goal = target;
      if (s.output != 0.0) p.goal_multiple = target / s.output;
      p.goal_year = plan.calendar_year(t);
      p.feasible = output_at(result, s.id, t);
      if (auto og = own_goal.find(s.id); og != own_goal.end()) p.goal_source = og->second->source;
      else
        for (const auto& goal : plan.goals)
          if (!goal.group.empty() && in_group(s, goal.group))
            p.goal_source = goal.source;
    } else if (has_goals) {
      p.feasible = output_at(result, s.id, plan.years);
    }
    if (a != actuals.end()) {
      p.actual = a->second->value;
      p.actual_year = a->second->year;
      p.actual_source = a->second->source;
      p.actual_note = a->second->note;
      for (const auto& [v, src] : a->second->alternatives) p.actual_alternatives.push_back({v, src});
      for (const auto& other : plan.actuals)
        if (other.sector == s.id) p.history[other.year] = other.value;
    }
    if (has_goals) p.path = path_of(plan, result, s.id, nullptr);
    c.products.push_back(std::move(p));
  }
  for (const Goal* g : weighted) {
    ProductComparison p;
    p.id = g->id;
    p.name = g->id == g->group ? g->group : g->id + " (" + g->group + ")";
    p.unit = "weighted sum";
    p.group = true;
    for (const auto& [id, w] : g->weights)
      if (auto j = e.sector_index(id)) p.base += w * e.sectors[*j].output;
    int t = g->year > 0 ? g->year : plan.years;
    p.goal_year = plan.calendar_year(t);
    if (g->target) p.goal = *g->target;
    else if (g->multiple) p.goal = *g->multiple * p.base;
    if (p.goal && p.base != 0.0) p.goal_multiple = *p.goal / p.base;
    p.goal_source = g->source;
    p.feasible = group_output_at(result, *g, t);
    p.path = path_of(plan, result, g->id, g);
    c.products.push_back(std::move(p));
  }

  add_frontiers(plan, posed, weighted, options, c);
  if (options.history) add_history(plan, weighted, options, c);
  explain_below_base(c);
  c.summary = plan_summary(c);

  if (has_goals && options.by_actual_year) {
    std::set<int> years;
    for (const auto& p : c.products)
      if (p.actual && p.actual_year > c.base_year && p.actual_year < c.goal_year) years.insert(p.actual_year);
    for (int year : years) {
      int t = year - c.base_year;
      Plan short_plan = truncated_plan(posed, t);
      SolveSummary r = solve(short_plan);
      c.scenarios.push_back(make_scenario(
          fmt::format("by-{}", year),
          fmt::format("goals asked for by {} (plan truncated to {} year{}, the year of the recorded outcome)", year, t,
                      t == 1 ? "" : "s"),
          short_plan, r, c));
      for (auto& p : c.products) {
        if (p.actual_year != year) continue;
        const Goal* group = nullptr;
        for (const Goal* g : weighted)
          if (g->id == p.id && p.group) group = g;
        p.feasible_by_actual_year = group ? group_output_at(r, *group, t) : output_at(r, p.id, t);
        p.path_by_actual_year = path_of(short_plan, r, p.id, group);
      }
    }
  }
  if (has_goals && options.no_consumption_floor) {
    Plan v = without_consumption_floor(posed);
    c.scenarios.push_back(make_scenario("no-consumption-floor",
                                        "exogenous demand (the consumption floor) set to zero in every plan year", v,
                                        solve(v), c));
  }
  if (has_goals && options.no_exports) {
    Plan v = without_exports(posed);
    c.scenarios.push_back(make_scenario("no-exports", "exports forbidden (every export limit set to zero)", v,
                                        solve(v), c));
  }

  // Sources: goals, actuals (and their alternatives), then the model's sectors.
  for (const auto& p : c.products) {
    add_source(c.sources, p.goal_source, "goal " + p.id);
    for (const auto& a : plan.actuals) {
      if (a.sector != p.id) continue;
      add_source(c.sources, a.source, fmt::format("actual {} {}", p.id, a.year));
      for (const auto& [v, src] : a.alternatives) add_source(c.sources, src, fmt::format("actual {} {} (other source)", p.id, a.year));
    }
  }
  for (const auto& s : e.sectors) add_source(c.sources, s.source, "model sector " + s.id);
  return c;
}

Comparison compare_plans(const std::vector<Plan>& plans, const ComparisonOptions& options, const PlanSolver& solve) {
  Comparison c;
  for (const auto& p : plans) c.plans.push_back(compare_plan(p, options, solve));
  return c;
}

}  // namespace planner
