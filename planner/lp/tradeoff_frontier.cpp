#include "planner/lp/tradeoff_frontier.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "planner/lp/clp_solver.hpp"
#include "planner/lp/plan_lp_builder.hpp"
#include "planner/model/error.hpp"
#include "planner/model/sector_groups.hpp"

namespace planner::lp {
namespace {

constexpr const char* kLevel = "consumption_level";
constexpr const char* kFloor = "consumption_floor";

std::vector<std::pair<std::size_t, double>> index_weights(const Plan& plan, const std::vector<std::size_t>& sectors,
                                                          const std::string& key) {
  std::vector<std::pair<std::size_t, double>> out;
  for (std::size_t j : sectors) {
    const Sector& s = plan.economy.sectors[j];
    if (!(s.output > 0.0))
      throw Error(ExitCode::bad_input, plan.file, key,
                  fmt::format("heavy sector \"{}\" has no base-year output to index against", s.id));
    out.emplace_back(j, 100.0 / (static_cast<double>(sectors.size()) * s.output));
  }
  return out;
}

std::vector<std::size_t> consumption_group(const Plan& plan) {
  std::vector<std::size_t> out;
  for (std::size_t j = 0; j < plan.economy.size(); ++j)
    if (in_group(plan.economy.sectors[j], "consumption")) out.push_back(j);
  return out;
}

std::vector<std::size_t> lookup(const Plan& plan, const std::vector<std::string>& ids, const std::string& key) {
  std::vector<std::size_t> out;
  for (const std::string& id : ids) {
    auto j = plan.economy.sector_index(id);
    if (!j) throw Error(ExitCode::bad_input, plan.file, key, fmt::format("unknown sector \"{}\"", id));
    if (std::find(out.begin(), out.end(), *j) == out.end()) out.push_back(*j);
  }
  return out;
}

}  // namespace

TradeoffSpec tradeoff_spec(const Plan& plan, const std::vector<std::string>& heavy, const std::vector<std::string>& consumption,
                           int year, int points) {
  TradeoffSpec spec;
  spec.points = points;
  if (points < 2) throw Error(ExitCode::bad_input, plan.file, "--points", fmt::format("need at least 2 points, not {}", points));
  spec.year = year == 0 ? plan.years : year;
  if (spec.year < 1 || spec.year > plan.years)
    throw Error(ExitCode::bad_input, plan.file, "--year", fmt::format("plan year {} is not in 1…{}", spec.year, plan.years));
  spec.consumption = consumption.empty() ? consumption_group(plan) : lookup(plan, consumption, "--consumption");
  if (spec.consumption.empty())
    throw Error(ExitCode::bad_input, plan.file, "--consumption",
                "no consumption sectors: name them, or put them in the model's group \"consumption\"");
  std::vector<std::size_t> h;
  if (heavy.empty()) {
    auto add = [&](std::size_t j) {
      if (std::find(spec.consumption.begin(), spec.consumption.end(), j) == spec.consumption.end() &&
          std::find(h.begin(), h.end(), j) == h.end())
        h.push_back(j);
    };
    for (const Goal& g : plan.goals) {
      if (!g.sector.empty()) {
        if (auto j = plan.economy.sector_index(g.sector)) add(*j);
      } else {
        for (std::size_t j = 0; j < plan.economy.size(); ++j)
          if (in_group(plan.economy.sectors[j], g.group)) add(j);
      }
    }
    std::sort(h.begin(), h.end());
    if (h.empty())
      throw Error(ExitCode::bad_input, plan.file, "--heavy", "the plan has no goals outside the consumption sectors: name the heavy sectors");
  } else {
    h = lookup(plan, heavy, "--heavy");
  }
  spec.heavy = index_weights(plan, h, "--heavy");
  return spec;
}

TradeoffSpec default_tradeoff_spec(const Plan& plan) { return tradeoff_spec(plan, {}, {}); }

LinearProgram tradeoff_lp(const Plan& plan, const TradeoffSpec& spec) {
  PlanLp plan_lp = build_plan_lp(plan);
  LpBuilder b(plan_lp.lp);
  b.clear_objective();
  b.set_sense(Sense::maximise);
  const int level = b.add_variable(kLevel, 0.0, kInf);
  b.add_row(kFloor, {{level, 1.0}}, 0.0, kInf);
  // d[i,t] → θ·d[i,t]: the constant leaves the balance's bounds and returns as −d·θ.
  std::vector<std::pair<int, double>> shifted;
  for (std::size_t i : spec.consumption)
    for (int t = 1; t <= plan.years; ++t) {
      const double d = plan_demand(plan, i, t);
      if (d == 0.0) continue;
      auto row = b.row(fmt::format("balance[{},{}]", plan.economy.sectors[i].id, t));
      if (!row) continue;
      b.add_coefficient(*row, level, -d);
      shifted.emplace_back(*row, d);
    }
  for (const auto& [j, w] : spec.heavy) b.add_cost(plan_lp.columns.output.at(j).at(static_cast<std::size_t>(spec.year)), w);
  LinearProgram lp = b.build();
  for (const auto& [r, d] : shifted) {
    const auto i = static_cast<std::size_t>(r);
    lp.row_lower[i] -= d;
    if (std::isfinite(lp.row_upper[i])) lp.row_upper[i] -= d;
  }
  return lp;
}

TradeoffFrontier tradeoff_frontier(const Plan& plan, const TradeoffSpec& spec, const SolveOptions& options) {
  auto warm = std::make_shared<ClpWarmSolver>();
  return tradeoff_frontier(plan, spec, options, [warm](const LinearProgram& lp, const SolveOptions& o) { return warm->solve(lp, o); });
}

TradeoffFrontier tradeoff_frontier(const Plan& plan, const TradeoffSpec& spec, const SolveOptions& options, const LpSolver& solver) {
  if (spec.points < 2) throw std::invalid_argument("tradeoff_frontier: at least 2 points");
  const LinearProgram heavy_lp = tradeoff_lp(plan, spec);
  const int level = *heavy_lp.column(kLevel);
  const auto floor = static_cast<std::size_t>(*heavy_lp.row(kFloor));

  // The range of θ: the same LP with θ alone as the objective, minimised and maximised.
  auto extreme = [&](Sense sense) {
    LinearProgram lp = heavy_lp;
    std::fill(lp.col_cost.begin(), lp.col_cost.end(), 0.0);
    lp.col_cost[static_cast<std::size_t>(level)] = 1.0;
    lp.sense = sense;
    LpSolution s = solver(lp, options);
    if (s.status != SolveStatus::optimal)
      throw Error(s.status == SolveStatus::infeasible ? ExitCode::infeasible : ExitCode::solver_failure, plan.file, "",
                  fmt::format("no consumption level can be {}: the plan's LP is {}",
                              sense == Sense::minimise ? "least" : "most", to_string(s.status)));
    return s.objective;
  };
  TradeoffFrontier f;
  f.min_consumption = extreme(Sense::minimise);
  f.max_consumption = extreme(Sense::maximise);

  // An even grid, and θ = 1 (the plan's own demand) where it falls inside: the frontier at the
  // plan's own consumption is then a point of it, not an interpolation.
  const double start = std::min(std::max(spec.from, f.min_consumption), f.max_consumption);
  const double span = f.max_consumption - start;
  std::vector<double> levels;
  for (int k = 0; k < spec.points; ++k) levels.push_back(k + 1 == spec.points ? f.max_consumption : start + span * k / (spec.points - 1));
  const double tol = 1e-9 * std::max(1.0, f.max_consumption);
  if (start < 1.0 - tol && 1.0 + tol < f.max_consumption &&
      std::none_of(levels.begin(), levels.end(), [&](double e) { return std::fabs(e - 1.0) <= tol; })) {
    levels.push_back(1.0);
    std::sort(levels.begin(), levels.end());
  }
  LinearProgram lp = heavy_lp;
  for (std::size_t k = 0; k < levels.size(); ++k) {
    TradeoffPoint p;
    p.consumption = levels[k];
    // The last floor a hair (1e-12) below θ_max: the solve that found it may sit a rounding error above what holds.
    lp.row_lower[floor] = k + 1 == levels.size() ? p.consumption - 1e-12 * std::max(1.0, std::fabs(p.consumption)) : p.consumption;
    LpSolution s = solver(lp, options);
    p.status = to_string(s.status);
    if (s.status == SolveStatus::optimal) {
      p.heavy = s.objective;
      p.slope = -shadow_price(lp, s, static_cast<int>(floor));
      for (int i = 0; i < lp.num_row; ++i) {
        const auto r = static_cast<std::size_t>(i);
        if (lp.row_lower[r] == lp.row_upper[r]) continue;  // balances and definitions always hold
        const double sp = shadow_price(lp, s, i);
        if (std::fabs(sp) > 1e-9) p.binding.push_back({lp.row_names[static_cast<std::size_t>(i)], sp});
      }
      std::stable_sort(p.binding.begin(), p.binding.end(),
                       [](const BindingRow& a, const BindingRow& b) { return std::fabs(a.shadow_price) > std::fabs(b.shadow_price); });
    }
    f.points.push_back(std::move(p));
  }
  return f;
}

std::optional<double> demand_level(const Plan& plan, const TradeoffSpec& spec) {
  double theta = 0.0;
  int n = 0;
  for (std::size_t i : spec.consumption) {
    const double base = plan.economy.sectors[i].demand;
    if (!(base > 0.0)) continue;
    theta += plan_demand(plan, i, spec.year) / base;
    ++n;
  }
  if (n == 0) return std::nullopt;
  return theta / n;
}

std::optional<std::pair<double, double>> tradeoff_position(const Plan& plan, const TradeoffSpec& spec, const PlanResult& result) {
  double heavy = 0.0;
  for (const auto& [j, w] : spec.heavy) {
    auto x = result.output.get(plan.economy.sectors[j].id, spec.year);
    if (!x) return std::nullopt;
    heavy += w * *x;
  }
  auto theta = demand_level(plan, spec);
  if (!theta) return std::nullopt;
  return std::make_pair(*theta, heavy);
}

}  // namespace planner::lp
