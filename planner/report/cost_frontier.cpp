#include "planner/report/cost_frontier.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "planner/model/error.hpp"
#include "planner/report/comparison_format.hpp"
#include "planner/model/sector_groups.hpp"

namespace planner {
namespace {

bool has_consumption_group(const Plan& plan) {
  for (const Sector& s : plan.economy.sectors)
    if (in_group(s, "consumption")) return true;
  return false;
}

std::string binding_list(const lp::TradeoffPoint& p, std::size_t most) {
  std::string out;
  for (std::size_t i = 0; i < p.binding.size() && i < most; ++i) out += (out.empty() ? "" : " ") + p.binding[i].row;
  return out;
}

}  // namespace

CostFrontier cost_frontier(const Plan& plan, const lp::TradeoffSpec& spec, const lp::SolveOptions& options) {
  CostFrontier f;
  f.plan = plan.name;
  f.file = plan.file;
  f.model = plan.economy.name;
  f.base_year = plan.economy.base_year;
  f.year = plan.calendar_year(spec.year);
  for (const auto& [j, w] : spec.heavy) {
    f.heavy.push_back(plan.economy.sectors[j].id);
    f.heavy_weights.push_back(w);
  }
  for (std::size_t i : spec.consumption) f.consumption.push_back(plan.economy.sectors[i].id);
  lp::TradeoffFrontier t = lp::tradeoff_frontier(plan, spec, options);
  f.min_consumption = t.min_consumption;
  f.max_consumption = t.max_consumption;
  f.points = std::move(t.points);
  if (t.max_consumption > kNearFrom && spec.from < kNearFrom) {
    lp::TradeoffSpec near = spec;
    near.from = kNearFrom;
    near.points = 11;
    f.near = lp::tradeoff_frontier(plan, near, options).points;
  }
  // The base year is a point of the plane by definition: both indices are 100 there.
  f.history.push_back({f.base_year, 100.0, static_cast<int>(f.heavy.size())});
  return f;
}

std::vector<CostFrontier> cost_frontiers(const std::vector<Plan>& plans, const Comparison& c, const lp::SolveOptions& options) {
  std::vector<CostFrontier> out;
  std::vector<std::string> models;
  for (std::size_t i = 0; i < plans.size() && i < c.plans.size(); ++i) {
    const Plan& plan = plans[i];
    if (std::find(models.begin(), models.end(), plan.model_file) != models.end() || !has_consumption_group(plan)) continue;
    models.push_back(plan.model_file);
    // A plan without heavy goals, or whose LP has no feasible consumption level, has no frontier;
    // the rest of the report stands without it.
    lp::TradeoffSpec spec;
    CostFrontier f;
    try {
      spec = lp::default_tradeoff_spec(plan);
      f = cost_frontier(plan, spec, options);
    } catch (const Error&) {
      continue;
    }
    std::map<int, std::map<std::string, double>> recorded;  // calendar year → sector → value
    for (std::size_t k = 0; k < plans.size() && k < c.plans.size(); ++k) {
      if (plans[k].model_file != plan.model_file) continue;
      const PlanComparison& p = c.plans[k];
      for (const ProductComparison& x : p.products)
        for (const auto& [year, v] : x.history)
          if (year != f.base_year) recorded[year].emplace(x.id, v);
      if (plans[k].calendar_year(plans[k].years) != f.year) continue;
      // The variant's solved point: its feasible outputs in the goal year, its own demand level.
      double heavy = 0.0;
      bool all = true;
      for (std::size_t h = 0; h < f.heavy.size(); ++h) {
        auto it = std::find_if(p.products.begin(), p.products.end(), [&](const ProductComparison& x) { return x.id == f.heavy[h]; });
        if (it == p.products.end() || !it->feasible) {
          all = false;
          break;
        }
        heavy += f.heavy_weights[h] * *it->feasible;
      }
      auto theta = lp::demand_level(plans[k], spec);
      if (all && theta) f.plans.push_back({p.name.empty() ? p.file : p.name, 100.0 * *theta, heavy});
    }
    for (const auto& [year, values] : recorded) {
      double sum = 0.0;
      int n = 0;
      for (std::size_t h = 0; h < f.heavy.size(); ++h)
        if (auto it = values.find(f.heavy[h]); it != values.end()) {
          sum += it->second * f.heavy_weights[h] * static_cast<double>(f.heavy.size());  // 100·x/x̄
          ++n;
        }
      if (n > 0) f.history.push_back({year, sum / n, n});
    }
    out.push_back(std::move(f));
  }
  return out;
}

nlohmann::json comparison_to_json(const Comparison& c, const std::vector<CostFrontier>& frontiers) {
  nlohmann::json j = comparison_to_json(c);
  if (!frontiers.empty()) {
    j["cost_frontiers"] = nlohmann::json::array();
    for (const auto& f : frontiers) j["cost_frontiers"].push_back(cost_frontier_to_json(f));
  }
  return j;
}

nlohmann::json cost_frontier_to_json(const CostFrontier& f) {
  nlohmann::json j;
  j["plan"] = f.plan;
  j["file"] = f.file;
  j["model"] = f.model;
  j["base_year"] = f.base_year;
  j["year"] = f.year;
  j["heavy"] = f.heavy;
  j["heavy_weights"] = f.heavy_weights;
  j["consumption"] = f.consumption;
  j["consumption_range"] = {100.0 * f.min_consumption, 100.0 * f.max_consumption};
  j["points"] = nlohmann::json::array();
  for (const auto& p : f.points) {
    nlohmann::json q;
    q["consumption_index"] = 100.0 * p.consumption;
    q["status"] = p.status;
    q["heavy_index"] = p.heavy ? nlohmann::json(*p.heavy) : nlohmann::json();
    // ∂heavy/∂(consumption index): the floor's price per index point.
    q["slope"] = p.slope ? nlohmann::json(*p.slope / 100.0) : nlohmann::json();
    q["binding"] = nlohmann::json::array();
    for (const auto& b : p.binding) q["binding"].push_back({{"row", b.row}, {"shadow_price", b.shadow_price}});
    j["points"].push_back(q);
  }
  j["plans"] = nlohmann::json::array();
  for (const auto& m : f.plans) j["plans"].push_back({{"label", m.label}, {"consumption_index", m.consumption}, {"heavy_index", m.heavy}});
  j["history"] = nlohmann::json::array();
  for (const auto& r : f.history) j["history"].push_back({{"year", r.year}, {"heavy_index", r.heavy}, {"recorded", r.recorded}});
  return j;
}

std::string cost_frontier_to_csv(const CostFrontier& f) {
  std::string out = "consumption_index,heavy_index,slope,status,binding\n";
  for (const auto& p : f.points)
    out += fmt::format("{},{},{},{},{}\n", 100.0 * p.consumption, p.heavy ? fmt::format("{}", *p.heavy) : "",
                       p.slope ? fmt::format("{}", *p.slope / 100.0) : "", p.status, binding_list(p, p.binding.size()));
  return out;
}

std::string cost_frontier_to_text(const CostFrontier& f) {
  std::string heavy, cons;
  for (const auto& id : f.heavy) heavy += (heavy.empty() ? "" : ", ") + id;
  for (const auto& id : f.consumption) cons += (cons.empty() ? "" : ", ") + id;
  std::string out = fmt::format(
      "Cost frontier of {} ({})\nheavy industry in {}: mean index of {} ({} = 100)\n"
      "consumption: demand of {} in every plan year, index ({} level = 100)\n\n",
      f.plan, f.file, f.year, heavy, f.base_year, cons, f.base_year);
  out += fmt::format("{:>12} {:>12} {:>14}  {}\n", "consumption", "heavy", "slope", "binds (largest shadow prices first)");
  for (const auto& p : f.points)
    out += fmt::format("{:>12.1f} {:>12} {:>14}  {}\n", 100.0 * p.consumption, p.heavy ? fmt::format("{:.1f}", *p.heavy) : p.status,
                       p.slope ? fmt::format("{:.3f}", *p.slope / 100.0) : "", binding_list(p, 4));
  out += "\nslope: heavy-industry index points given up per point of consumption.\n";
  for (const auto& m : f.plans) out += fmt::format("plan  {:>8.1f} {:>12.1f}  {}\n", m.consumption, m.heavy, m.label);
  for (const auto& r : f.history)
    out += r.year == f.base_year ? fmt::format("{}  heavy 100.0, consumption 100.0 (the base year)\n", r.year)
                                 : fmt::format("{}  heavy {:.1f} ({} of {} heavy sectors recorded; no consumption series)\n", r.year,
                                               r.heavy, r.recorded, f.heavy.size());
  return out;
}

}  // namespace planner
