#pragma once
// The cost of industrialisation as a frontier (issue #19, part 5): the most heavy-industry output
// a plan's economy can reach in a goal year for each level of household consumption, traced by
// the ε-constraint method. The demand d[i,t] of the consumption sectors in plan years 1…T becomes
// θ·d[i,t] (θ = 1: the plan's own demand, for the 1928 model the 1927/28 level per head); the LP
// maximises Σ_j w_j x[j,year] subject to θ ≥ ε (row consumption_floor). One LP is built once; only
// the floor's bound changes between points, each solve warm from the previous basis.
// Not the per-product frontier of frontier.hpp, which holds λ fixed and varies the objective.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "planner/lp/diagnosis.hpp"
#include "planner/lp/linear_program.hpp"
#include "planner/lp/lp_solution.hpp"
#include "planner/lp/plan_result.hpp"
#include "planner/model/plan.hpp"

namespace planner::lp {

/// What the frontier trades: heavy output against the consumption sectors' level θ.
struct TradeoffSpec {
  std::vector<std::pair<std::size_t, double>> heavy;  ///< (sector, weight): the objective Σ w x[j,year]
  std::vector<std::size_t> consumption;               ///< sectors whose plan-year demand is θ·d
  int year = 0;                                       ///< plan year 1…T of the heavy output
  int points = 21;                                    ///< grid points from θ_min to θ_max (≥ 2); θ = 1 is added inside
  double from = 0.0;                                  ///< the grid starts at max(from, θ_min) (a closer look)
};

/// One point of the frontier.
struct TradeoffPoint {
  double consumption = 0.0;           ///< ε, the floor on θ (1 = the plan's own demand)
  std::string status = "numerical";   ///< lp::to_string(SolveStatus): "optimal", "infeasible", "unbounded", …
  std::optional<double> heavy;        ///< max Σ w x[j,year], when optimal
  /// ∂heavy/∂ε: the shadow price of the floor (≤ 0; 0 where consumption costs no heavy output).
  std::optional<double> slope;
  /// Inequality rows with a nonzero shadow price, largest first (equalities — balances of years
  /// with no free disposal, technique definitions — always hold and are left out).
  std::vector<BindingRow> binding;
};

/// The frontier and the range of θ the plan's constraints allow.
struct TradeoffFrontier {
  double min_consumption = 0.0;       ///< least θ with a feasible plan
  double max_consumption = 0.0;       ///< most θ attainable
  std::vector<TradeoffPoint> points;  ///< ε on an even grid from min to max, plus θ = 1 when inside
};

/// The default trade: heavy = the sectors of the plan's goals (group goals: their members) that
/// are not consumption sectors, weighted 100/(n·x̄_j), so the objective is the mean index of
/// their outputs (base year = 100) — base output, not prices, because the physical sectors (Mt,
/// bn kWh) have no 1926/27 price in the model and the value series are the contested ones;
/// consumption = the model's sectors in group "consumption"; year = the plan's last year.
/// Throws Error (exit 2) when there are no such sectors or a heavy sector has no base output.
TradeoffSpec default_tradeoff_spec(const Plan& plan);

/// The spec with heavy and/or consumption sectors named by id (empty: the default's); heavy
/// weights 100/(n·x̄_j) as in the default; year 0 means the plan's last year. Throws Error
/// (exit 2) naming `key` ("--heavy", "--consumption", "--year") for an unknown id or bad year.
TradeoffSpec tradeoff_spec(const Plan& plan, const std::vector<std::string>& heavy, const std::vector<std::string>& consumption,
                           int year = 0, int points = 21);

/// The plan's LP with θ (column consumption_level), the floor row consumption_floor (θ ≥ 0) and
/// the heavy objective maximised; no solver here.
LinearProgram tradeoff_lp(const Plan& plan, const TradeoffSpec& spec);

/// The frontier with CLP, warm-started between points.
TradeoffFrontier tradeoff_frontier(const Plan& plan, const TradeoffSpec& spec, const SolveOptions& options = {});

/// The same with another solver (tests hand in a cold solve).
TradeoffFrontier tradeoff_frontier(const Plan& plan, const TradeoffSpec& spec, const SolveOptions& options,
                                   const LpSolver& solver);

/// θ of the plan's own demand in the spec's year: the mean over the consumption sectors with model
/// demand d̄_i > 0 of d[i,year]/d̄_i (1 unless the plan overrides the demand); nullopt without one.
std::optional<double> demand_level(const Plan& plan, const TradeoffSpec& spec);

/// Where a solved plan sits in the frontier's plane: (θ of its demand in the heavy year, mean over
/// the consumption sectors of d[i,year]/d̄_i; Σ w x[j,year] of its result). nullopt when the result
/// has no output in that year or no consumption sector has model demand.
std::optional<std::pair<double, double>> tradeoff_position(const Plan& plan, const TradeoffSpec& spec, const PlanResult& result);

}  // namespace planner::lp
