#pragma once
// Sensitivity sweeps (`planner sweep`): one plan number varied over a range, the plan LP
// re-solved at every step from the previous step's optimal basis (ClpWarmSolver).
//
// Keys (dotted paths into the plan and its model; ids as in the files):
//   resources.<id>.available   the resource's availability, the same in every year
//   demand.<sector>            the plan's final demand of one sector in its demand years
//   sectors.<id>.capacity      opening capacity k̄ of a sector that has capacity
//   sectors.<id>.stock         opening stock s̄
//   sectors.<id>.output        base-year output x̄
//   trade.credit               foreign credit allowed in every plan year
// Each changes only right-hand sides or bounds of the LP, so every step has the same shape and
// the previous basis stays dual feasible: the dual simplex restarts where it stopped.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "planner/lp/lp_solution.hpp"
#include "planner/lp/plan_result.hpp"
#include "planner/model/plan.hpp"

namespace planner::lp {

/// KEY=FROM:TO:STEPS: STEPS values from FROM to TO, evenly spaced (STEPS = 1: FROM only).
struct SweepSpec {
  std::string key;
  double from = 0.0, to = 0.0;
  int steps = 1;
  /// The value of step k (0-based).
  double value(int k) const;
};

/// Parses "KEY=FROM:TO:STEPS"; throws Error(usage) naming what is malformed.
SweepSpec parse_sweep_spec(const std::string& text);

/// The documented keys, as patterns ("resources.<id>.available", …).
std::vector<std::string> sweep_key_patterns();

/// Sets the number `key` of `plan` to `value`; throws Error(bad_input) for an unknown key, an
/// id the plan does not have, or a value outside the number's domain (names the key).
void set_plan_value(Plan& plan, const std::string& key, double value);

/// One solve of a sweep.
struct SweepPoint {
  double value = 0.0;                 ///< the key's value at this step
  std::string status;                 ///< as PlanResult::status
  std::optional<double> objective;    ///< the primary objective, constants included
  std::optional<double> fulfilment;   ///< λ where the objective has one
  int iterations = 0;                 ///< simplex iterations of the primary solve
  bool warm = false;                  ///< started from the previous step's basis
  std::vector<BindingRow> binding;    ///< binding rows with their shadow prices
  std::string message;                ///< why there is no optimum, when there is none
};

struct SweepResult {
  std::string plan;                   ///< plan name
  std::string key;
  std::string objective_kind;
  std::vector<SweepPoint> points;
};

/// Called after each step with (steps done, steps in all).
using SweepProgress = std::function<void(int, int)>;

/// Solves `plan` with `spec.key` set to each value in turn, warm-starting each LP from the
/// previous basis. The key is checked (and the plan changed) before any solve.
SweepResult run_sweep(const Plan& plan, const SweepSpec& spec, const SolveOptions& options,
                      const SweepProgress& progress = {});

/// {"plan", "key", "objective_kind", "points": [{"value", "status", "objective", "fulfilment",
/// "iterations", "warm", "shadow_prices": {row: price}}]}.
nlohmann::json to_json(const SweepResult& result);

}  // namespace planner::lp
