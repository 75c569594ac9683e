#pragma once
// The cost of industrialisation in report form (issue #19, part 5): the ε-constraint frontier of
// planner/lp/tradeoff_frontier.hpp in index units (base year = 100 on both axes), with each
// compared plan variant's solved point and what history recorded of heavy industry. Building it
// solves LPs; the formats below and html_cost_frontier.cpp only print.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "planner/lp/lp_solution.hpp"
#include "planner/lp/tradeoff_frontier.hpp"
#include "planner/model/plan.hpp"
#include "planner/report/comparison.hpp"

namespace planner {

/// A point marked in the frontier's plane.
struct FrontierMark {
  std::string label;          ///< plan name, or "1932" for a record
  double consumption = 0.0;   ///< consumption index (base year = 100)
  double heavy = 0.0;         ///< heavy-industry index (base year = 100)
};

/// What history recorded of the heavy sectors in one calendar year.
struct HeavyRecord {
  int year = 0;               ///< calendar year
  double heavy = 0.0;         ///< mean of recorded x/x̄ over the sectors recorded, × 100
  int recorded = 0;           ///< how many of the heavy sectors have a record that year
};

/// One model's frontier and what is marked on it.
struct CostFrontier {
  std::string plan;           ///< the plan whose economy and constraints it traces
  std::string file;
  std::string model;          ///< model name
  int base_year = 0;
  int year = 0;               ///< calendar year of the heavy output
  std::vector<std::string> heavy, consumption;   ///< sector ids
  std::vector<double> heavy_weights;             ///< w_j = 100/(n·x̄_j)
  double min_consumption = 0.0, max_consumption = 0.0;  ///< θ range, θ = 1 the plan's own demand
  std::vector<lp::TradeoffPoint> points;        ///< θ and heavy index per point
  /// A closer look: 11 points from θ = kNearFrom (or θ_min) to θ_max, where the plans sit.
  std::vector<lp::TradeoffPoint> near;
  std::vector<FrontierMark> plans;               ///< compared plans on this model, at their solved point
  std::vector<HeavyRecord> history;              ///< records of the heavy sectors (no consumption series)
};

/// Where the report's closer look at the frontier starts (θ; 0.9 = 90 % of the plan's own demand).
inline constexpr double kNearFrom = 0.9;

/// The frontier of `plan` under `spec`, in index units (warm CLP re-solves).
CostFrontier cost_frontier(const Plan& plan, const lp::TradeoffSpec& spec, const lp::SolveOptions& options = {});

/// One frontier per model among the compared plans (traced on the first plan of each model whose
/// model has a group "consumption" and the plan goals outside it), with every compared plan of that
/// model and goal year marked at its feasible outputs and the heavy sectors' records from every
/// plan's [actual]. Plans whose model has no consumption group get none.
std::vector<CostFrontier> cost_frontiers(const std::vector<Plan>& plans, const Comparison& c, const lp::SolveOptions& options = {});

/// Stable keys: plan, model, year, heavy, heavy_weights, consumption, consumption_range,
/// points[] {consumption_index, heavy_index, slope, status, binding[] {row, shadow_price}}, plans[], history[].
nlohmann::json cost_frontier_to_json(const CostFrontier& f);
/// `planner compare --format json`: the comparison with its cost frontiers under "cost_frontiers"
/// (left out when there are none).
nlohmann::json comparison_to_json(const Comparison& c, const std::vector<CostFrontier>& frontiers);
/// One row per point: consumption_index,heavy_index,slope,status,binding (full precision).
std::string cost_frontier_to_csv(const CostFrontier& f);
/// A table for the terminal, with the marked plans and records under it.
std::string cost_frontier_to_text(const CostFrontier& f);

}  // namespace planner
