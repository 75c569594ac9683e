#include "planner/lp/plan_result.hpp"
#include "planner/lp/row_name.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace planner::lp {
namespace {

using Index = Eigen::Index;

// Solver noise below this prints as 0 (and never as -0), so results read cleanly and repeat byte for byte.
double clean(double v) { return std::fabs(v) < 1e-9 ? 0.0 : v; }

double value(const LpSolution& s, int col) { return col < 0 ? 0.0 : clean(s.col_value[static_cast<std::size_t>(col)]); }

std::string family(const std::string& row) { return parse_row_name(row).family; }

// "balance[coal,3]" → ("coal", 3); "labour[4]" → ("labour", 4).
std::pair<std::string, int> id_year(const std::string& row) {
  const RowName r = parse_row_name(row);
  return {r.id.empty() ? r.family : r.id, r.year.value_or(0)};
}

nlohmann::json series_json(const Series& s) {
  nlohmann::json out = nlohmann::json::object();
  for (std::size_t k = 0; k < s.ids.size(); ++k) {
    nlohmann::json years = nlohmann::json::object();
    for (const auto& [t, v] : s.values[k]) years[std::to_string(t)] = v;
    out[s.ids[k]] = years;
  }
  return out;
}

nlohmann::json pairs_json(const std::vector<std::pair<std::string, double>>& pairs) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [k, v] : pairs) out[k] = v;
  return out;
}

// Activity of every process, each product's processes, and each process's reduced cost as the
// saving per unit it would need to be chosen (years 1…H; year 0 is history).
void read_techniques(const Plan& plan, const PlanLp& plan_lp, const LinearProgram& lp, const LpSolution& sol, PlanResult& r) {
  const Economy& e = plan.economy;
  const PlanColumns& c = plan_lp.columns;
  const double sense = lp.sense == Sense::maximise ? -1.0 : 1.0;
  for (std::size_t p = 0; p < e.processes.size(); ++p) {
    const Process& pr = e.processes[p];
    auto product = std::find_if(r.techniques.begin(), r.techniques.end(), [&](const auto& t) { return t.first == pr.product; });
    if (product == r.techniques.end()) product = r.techniques.insert(r.techniques.end(), {pr.product, {}});
    product->second.push_back(pr.id);
    for (std::size_t t = 0; t < c.activity[p].size(); ++t) {
      const int x = c.activity[p][t];
      if (x < 0) continue;
      r.activity.set(pr.id, static_cast<int>(t), value(sol, x));
      // A sector's own export (import) taken by the process is still that sector's trade.
      if (pr.sector_trade) (pr.kind == ProcessKind::export_ ? r.exports : r.imports).set(pr.product, static_cast<int>(t), value(sol, x));
      if (t > 0 && static_cast<std::size_t>(x) < sol.col_dual.size())
        r.reduced_cost.set(pr.id, static_cast<int>(t), clean(sense * sol.col_dual[static_cast<std::size_t>(x)]));
    }
  }
}

}  // namespace

void Series::set(const std::string& id, int year, double v) {
  auto it = std::find(ids.begin(), ids.end(), id);
  if (it == ids.end()) {
    ids.push_back(id);
    values.emplace_back();
    it = ids.end() - 1;
  }
  values[static_cast<std::size_t>(it - ids.begin())][year] = v;
}

std::optional<double> Series::get(const std::string& id, int year) const {
  auto it = std::find(ids.begin(), ids.end(), id);
  if (it == ids.end()) return std::nullopt;
  const auto& m = values[static_cast<std::size_t>(it - ids.begin())];
  auto v = m.find(year);
  if (v == m.end()) return std::nullopt;
  return v->second;
}

double Series::at(const std::string& id, int year) const {
  auto v = get(id, year);
  if (!v) throw std::out_of_range("no value for " + id + " in year " + std::to_string(year));
  return *v;
}

double shadow_price(const LinearProgram& lp, const LpSolution& solution, int i) {
  const double y = solution.row_dual[static_cast<std::size_t>(i)];
  const double lo = lp.row_lower[i], hi = lp.row_upper[i];
  // Relaxing a ≤ row raises its bound; a ≥ row or a balance (supply − use = demand) lowers it.
  const double direction = (std::isinf(lo) && !std::isinf(hi)) ? 1.0 : -1.0;
  const double sense = lp.sense == Sense::maximise ? 1.0 : -1.0;
  return clean(sense * direction * y);
}

bool is_binding(const LinearProgram& lp, const LpSolution& solution, int i) {
  const double lo = lp.row_lower[i], hi = lp.row_upper[i], ax = solution.row_value[static_cast<std::size_t>(i)];
  if (std::fabs(solution.row_dual[static_cast<std::size_t>(i)]) > 1e-9) return true;
  if (lo == hi) return false;  // equalities always hold; they bind only when priced
  auto tight = [&](double bound) { return !std::isinf(bound) && std::fabs(ax - bound) <= 1e-7 * (1.0 + std::fabs(bound)); };
  return tight(lo) || tight(hi);
}

PlanResult read_plan_result(const Plan& plan, const PlanLp& plan_lp, const LinearProgram& lp, const LpSolution& sol) {
  const Economy& e = plan.economy;
  const PlanColumns& c = plan_lp.columns;
  const int T = plan.years, H = plan.horizon();
  PlanResult r;
  r.status = "optimal";
  r.solver_status = sol.status;
  r.objective_kind = plan_lp.objective.kind;
  for (int t = 0; t <= H; ++t) r.years.push_back(t);

  auto objective_value = [&](const LinearObjective& o) {
    double z = o.offset;
    for (std::size_t j = 0; j < o.cost.size() && j < sol.col_value.size(); ++j) z += o.cost[j] * sol.col_value[j];
    return z;
  };
  r.objective = objective_value(plan_lp.objective);
  if (plan_lp.then) {
    r.then_kind = plan_lp.then->kind;
    r.then_objective = objective_value(*plan_lp.then);
  }

  for (std::size_t j = 0; j < e.size(); ++j) {
    const Sector& s = e.sectors[j];
    for (int t = 0; t <= H; ++t) {
      r.output.set(s.id, t, value(sol, c.output[j][t]));
      r.stock.set(s.id, t, value(sol, c.stock[j][t]));
      if (int x = c.capacity_addition[j][t]; x >= 0) r.capacity_additions.set(s.id, t, value(sol, x));
      if (int x = c.exports[j][t]; x >= 0) r.exports.set(s.id, t, value(sol, x));
      if (int x = c.imports[j][t]; x >= 0) r.imports.set(s.id, t, value(sol, x));
      if (int x = c.consumption[j][t]; x >= 0) r.consumption.set(s.id, t, value(sol, x));
    }
    if (s.capacity) {
      // Effective capacity: what is left of the opening capacity plus the additions in effect.
      const double keep = 1.0 - s.depreciation;
      for (int t = 0; t <= H; ++t) {
        double k = *s.capacity * std::pow(keep, t);
        for (int tau = 1; tau <= std::min(t, T); ++tau) k += value(sol, c.capacity_addition[j][tau]) * std::pow(keep, t - tau);
        r.capacity.set(s.id, t, clean(k));
      }
    }
  }

  read_techniques(plan, plan_lp, lp, sol, r);
  for (const Resource& res : e.resources) {
    const std::size_t ri = static_cast<std::size_t>(&res - e.resources.data());
    for (int t = 0; t <= H; ++t) {
      double use = 0.0;
      for (const Term& term : process_resource_terms(plan, c, ri, t)) use += term.value * value(sol, term.column);
      for (std::size_t j = 0; j < e.size(); ++j) {
        const Index jj = static_cast<Index>(j);
        int tx = t + res.per_output_lag, te = t + res.per_capacity_lag;
        if (res.per_output.size() && tx <= H) use += res.per_output[jj] * value(sol, c.output[j][tx]);
        if (res.per_capacity.size() && te <= T) use += res.per_capacity[jj] * value(sol, c.capacity_addition[j][te]);
      }
      r.resource_use.set(res.id, t, clean(use));
      if (!res.unlimited()) r.resource_limits.set(res.id, t, res.available_in(t));
    }
  }

  if (c.lambda >= 0) r.fulfilment = value(sol, c.lambda);
  for (const auto& [name, col] : c.shortfall) r.shortfall.emplace_back(name, value(sol, col));

  for (int i = 0; i < lp.num_row; ++i) {
    const std::string& name = lp.row_names[i];
    const double price = shadow_price(lp, sol, i);
    const std::string fam = family(name);
    if (fam == "balance") {
      auto [id, t] = id_year(name);
      r.shadow_balance.set(id, t, price);
    } else if (fam == "capacity") {
      auto [id, t] = id_year(name);
      r.shadow_capacity.set(id, t, price);
    } else if (e.resource_index(fam) && name.find(',') == std::string::npos) {
      auto [id, t] = id_year(name);
      r.shadow_resource.set(id, t, price);
    } else {
      r.shadow_other.emplace_back(name, price);
    }
    if (is_binding(lp, sol, i)) r.binding.push_back({name, price});
  }
  r.accuracy = check_solution(lp, sol);
  if (sol.message == kResolvedWithoutPresolve) r.accuracy->resolved = sol.message;
  return r;
}

std::string accuracy_warning(const PlanResult& r) {
  if (!r.accuracy || r.accuracy->ok) return "";
  return accuracy_warning(*r.accuracy) + "\n";
}

nlohmann::json to_json(const PlanResult& r) {
  nlohmann::json j;
  j["status"] = r.status;
  j["objective_kind"] = r.objective_kind;
  j["objective"] = r.objective ? nlohmann::json(*r.objective) : nlohmann::json();
  if (!r.then_kind.empty()) {
    j["then_kind"] = r.then_kind;
    j["then_objective"] = r.then_objective ? nlohmann::json(*r.then_objective) : nlohmann::json();
  }
  j["years"] = r.years;
  j["output"] = series_json(r.output);
  j["capacity"] = series_json(r.capacity);
  j["capacity_additions"] = series_json(r.capacity_additions);
  j["stock"] = series_json(r.stock);
  j["exports"] = series_json(r.exports);
  j["imports"] = series_json(r.imports);
  j["consumption"] = series_json(r.consumption);
  if (!r.techniques.empty()) {
    nlohmann::json mix = nlohmann::json::object();
    for (const auto& [product, processes] : r.techniques) mix[product] = processes;
    j["techniques"] = mix;
    j["activity"] = series_json(r.activity);
    j["reduced_cost"] = series_json(r.reduced_cost);
  }
  j["resource_use"] = series_json(r.resource_use);
  j["resource_limits"] = series_json(r.resource_limits);
  j["fulfilment"] = r.fulfilment ? nlohmann::json(*r.fulfilment) : nlohmann::json();
  j["shortfall"] = pairs_json(r.shortfall);
  if (!r.second_stage.empty() || !r.second_stage_note.empty())
    j["second_stage"] = {{"weighting", r.second_stage.empty() ? nlohmann::json() : nlohmann::json(r.second_stage)},
                         {"growth", r.second_stage_growth ? nlohmann::json(*r.second_stage_growth) : nlohmann::json()},
                         {"note", r.second_stage_note},
                         {"binding", [&] {
                            nlohmann::json rows = nlohmann::json::array();
                            for (const auto& b : r.second_stage_binding) rows.push_back({{"row", b.row}, {"shadow_price", b.shadow_price}});
                            return rows;
                          }()}};
  j["shadow_prices"] = {{"balance", series_json(r.shadow_balance)},
                        {"capacity", series_json(r.shadow_capacity)},
                        {"resource", series_json(r.shadow_resource)},
                        {"other", pairs_json(r.shadow_other)}};
  nlohmann::json binding = nlohmann::json::array();
  for (const auto& b : r.binding) binding.push_back(b.row);
  j["binding"] = binding;
  if (r.diagnosis) j["diagnosis"] = to_json(*r.diagnosis);
  if (r.accuracy) j["accuracy"] = to_json(*r.accuracy);
  if (!r.message.empty()) j["message"] = r.message;
  return j;
}

}  // namespace planner::lp
