// The objectives of spec §2 (max-capacity, max-output, max/min-resource, max-fulfilment,
// max-consumption, min-shortfall) as costs over the plan LP's columns, plus the rows and
// variables some of them add (λ and goal rows, shortfalls, consumption floors).
#include <fmt/format.h>

#include <cmath>

#include "planner/lp/plan_lp_builder.hpp"
#include "planner/model/error.hpp"

namespace planner::lp {
namespace {

using Index = Eigen::Index;

// Throws the plan-file error for an objective key.
[[noreturn]] void bad(const Plan& plan, const std::string& key, const std::string& message) {
  throw Error(ExitCode::bad_input, plan.file, key, message);
}

std::size_t sector_or_throw(const Plan& plan, const std::string& id, const std::string& key) {
  auto j = plan.economy.sector_index(id);
  if (!j) bad(plan, key, fmt::format("unknown sector '{}'", id));
  return *j;
}

// w_j for every sector: 1 unless the objective's weights say otherwise.
std::vector<double> sector_weights(const Plan& plan, const Objective& o) {
  std::vector<double> w(plan.economy.size(), 1.0);
  for (const auto& [id, value] : o.weights) w[sector_or_throw(plan, id, "objective.weights")] = value;
  return w;
}

std::vector<int> objective_years(const Plan& plan, const Objective& o) {
  std::vector<int> years = o.years;
  if (years.empty())
    for (int t = 1; t <= plan.years; ++t) years.push_back(t);
  for (int t : years)
    if (t < 0 || t > plan.horizon())
      bad(plan, "objective.years", fmt::format("year {} is outside the plan's years 0…{}", t, plan.horizon()));
  return years;
}

int goal_year(const Plan& plan, const Goal& g) {
  int t = g.year == 0 ? plan.years : g.year;  // 0 = not given: the plan's last year
  if (t < 1 || t > plan.horizon())
    bad(plan, "goals." + g.id + ".year", fmt::format("plan year {} is outside 1…{}", t, plan.horizon()));
  return t;
}

// One goal inequality  Σ_j coef_j x[j,t] ≥ (target)  ready to take λ or a shortfall.
struct GoalRow {
  std::string name;             // "coal" or "heavy,coal" (group member)
  std::vector<Term> terms;
  double target = 0.0;
  double weight = 1.0;
};

std::vector<GoalRow> goal_rows(const Plan& plan, const PlanColumns& cols) {
  if (plan.goals.empty()) bad(plan, "goals", "this objective needs [goals]");
  const Economy& e = plan.economy;
  std::vector<GoalRow> rows;
  for (const Goal& g : plan.goals) {
    const int t = goal_year(plan, g);
    const std::string key = "goals." + g.id;
    if (!g.target && !g.multiple) bad(plan, key, "a goal needs `target` or `multiple`");
    if (!g.sector.empty()) {
      std::size_t j = sector_or_throw(plan, g.sector, key + ".sector");
      double target = g.target ? *g.target : *g.multiple * e.sectors[j].output;
      rows.push_back({g.id, {{cols.output[j][t], 1.0}}, target, g.weight});
      continue;
    }
    std::vector<std::size_t> members;
    for (std::size_t j = 0; j < e.size(); ++j)
      for (const auto& grp : e.sectors[j].groups)
        if (grp == g.group) members.push_back(j);
    if (members.empty()) bad(plan, key + ".group", fmt::format("no sector belongs to group '{}'", g.group));
    if (g.weights.empty()) {
      // Each member must grow by the multiple (a target has no meaning per member).
      if (!g.multiple) bad(plan, key, "a group goal without weights needs `multiple`");
      for (std::size_t j : members)
        rows.push_back({g.id + "," + e.sectors[j].id, {{cols.output[j][t], 1.0}}, *g.multiple * e.sectors[j].output, g.weight});
    } else {
      // A value sum of the group at the weights' prices (e.g. 1926/27 prices).
      GoalRow row{g.id, {}, 0.0, g.weight};
      double base = 0.0;
      for (const auto& [id, w] : g.weights) {
        std::size_t j = sector_or_throw(plan, id, key + ".weights");
        row.terms.push_back({cols.output[j][t], w});
        base += w * e.sectors[j].output;
      }
      row.target = g.target ? *g.target : *g.multiple * base;
      rows.push_back(row);
    }
  }
  return rows;
}

std::string free_row_name(const LpBuilder& b, const std::string& preferred, const std::string& fallback) {
  return b.row(preferred) ? fallback : preferred;
}

}  // namespace

LinearObjective add_objective(const Plan& plan, const Objective& o, PlanColumns& cols, LpBuilder& b) {
  const Economy& e = plan.economy;
  const std::size_t n = e.size();
  const int T = plan.years, H = plan.horizon();
  LinearObjective obj;
  obj.kind = to_string(o.kind);
  obj.cost.assign(static_cast<std::size_t>(b.num_col()), 0.0);
  auto add = [&](int col, double c) {
    if (col < 0) return;
    if (static_cast<std::size_t>(col) >= obj.cost.size()) obj.cost.resize(static_cast<std::size_t>(col) + 1, 0.0);
    obj.cost[static_cast<std::size_t>(col)] += c;
  };

  switch (o.kind) {
    case ObjectiveKind::max_capacity: {
      // Capacity at the end of year T: k̄(1−δ)^T (a constant) + Σ_τ e[j,τ](1−δ)^{T−τ}.
      obj.sense = Sense::maximise;
      auto w = sector_weights(plan, o);
      for (std::size_t j = 0; j < n; ++j) {
        const Sector& s = e.sectors[j];
        if (!s.capacity) continue;
        const double keep = 1.0 - s.depreciation;
        obj.offset += w[j] * *s.capacity * std::pow(keep, T);
        for (int tau = 1; tau <= T; ++tau) add(cols.capacity_addition[j][tau], w[j] * std::pow(keep, T - tau));
      }
      if (!e.has_capacities()) bad(plan, "objective.kind", "max-capacity needs sectors with a `capacity`");
      break;
    }
    case ObjectiveKind::max_output: {
      obj.sense = Sense::maximise;
      auto w = sector_weights(plan, o);
      for (int t : objective_years(plan, o))
        for (std::size_t j = 0; j < n; ++j) add(cols.output[j][t], w[j]);
      break;
    }
    case ObjectiveKind::max_resource:
    case ObjectiveKind::min_resource: {
      obj.sense = o.kind == ObjectiveKind::max_resource ? Sense::maximise : Sense::minimise;
      auto r_index = e.resource_index(o.resource);
      if (!r_index) bad(plan, "objective.resource", fmt::format("unknown resource '{}'", o.resource));
      const Resource& r = e.resources[*r_index];
      // The year's use exactly as in its row; base-year output is a fixed column, so it counts.
      for (int t : objective_years(plan, o))
        for (std::size_t j = 0; j < n; ++j) {
          const Index jj = static_cast<Index>(j);
          int tx = t + r.per_output_lag, te = t + r.per_capacity_lag;
          if (r.per_output.size() && tx <= H) add(cols.output[j][tx], r.per_output[jj]);
          if (r.per_capacity.size() && te <= H) add(cols.capacity_addition[j][te], r.per_capacity[jj]);
        }
      for (int t : objective_years(plan, o))
        for (const Term& term : process_resource_terms(plan, cols, *r_index, t)) add(term.column, term.value);
      break;
    }
    case ObjectiveKind::max_fulfilment: {
      // Kantorovich's complete sets: the largest λ with every goal met λ times over.
      obj.sense = Sense::maximise;
      if (cols.lambda < 0) {
        cols.lambda = b.add_variable("lambda", 0.0, kInf);
        for (GoalRow& g : goal_rows(plan, cols)) {
          g.terms.push_back({cols.lambda, -g.target});
          b.add_row(free_row_name(b, "goal[" + g.name + "]", "fulfilment_goal[" + g.name + "]"), g.terms, 0.0, kInf);
        }
      }
      add(cols.lambda, 1.0);
      break;
    }
    case ObjectiveKind::max_consumption: {
      obj.sense = Sense::maximise;
      auto w = sector_weights(plan, o);
      std::vector<double> floor(n, 0.0);
      for (const auto& [id, value] : o.floors) floor[sector_or_throw(plan, id, "objective.floors")] = value;
      // Consumption exists in years 1…T only; `years` picks which of them the objective counts
      // (floors hold in every year either way).
      std::vector<bool> counted(static_cast<std::size_t>(T) + 1, o.years.empty());
      for (int t : objective_years(plan, o)) {
        if (t < 1 || t > T)
          bad(plan, "objective.years", fmt::format("year {} has no consumption: max-consumption counts years 1…{}", t, T));
        counted[static_cast<std::size_t>(t)] = true;
      }
      for (std::size_t i = 0; i < n; ++i)
        for (int t = 1; t <= T; ++t) {
          int c = cols.consumption[i][t];
          if (counted[static_cast<std::size_t>(t)]) add(c, std::pow(o.discount, t) * w[i]);
          // A row, not a bound, so the floor gets a shadow price and the diagnosis can relax it.
          std::string name = fmt::format("floor[{},{}]", e.sectors[i].id, t);
          if (floor[i] > 0.0 && !b.row(name)) b.add_row(name, {{c, 1.0}}, floor[i], kInf);
        }
      break;
    }
    case ObjectiveKind::min_shortfall: {
      // Goal programming: x + u ≥ g, minimise Σ w u; never infeasible for goals.
      obj.sense = Sense::minimise;
      if (cols.shortfall.empty())
        for (GoalRow& g : goal_rows(plan, cols)) {
          int u = b.add_variable("shortfall[" + g.name + "]", 0.0, kInf);
          cols.shortfall.emplace_back(g.name, u);
          g.terms.push_back({u, 1.0});
          b.add_row(free_row_name(b, "goal[" + g.name + "]", "shortfall_goal[" + g.name + "]"), g.terms, g.target, kInf);
        }
      for (std::size_t k = 0; k < cols.shortfall.size(); ++k) {
        // The goal's own weight (goals.<id>.weight); objective.weights may override by goal id.
        double w = 1.0;
        const std::string& name = cols.shortfall[k].first;
        for (const Goal& g : plan.goals)
          if (name == g.id || name.rfind(g.id + ",", 0) == 0) w = g.weight;
        if (auto it = o.weights.find(name); it != o.weights.end()) w = it->second;
        add(cols.shortfall[k].second, w);
      }
      break;
    }
  }
  obj.cost.resize(static_cast<std::size_t>(b.num_col()), 0.0);
  return obj;
}

}  // namespace planner::lp
