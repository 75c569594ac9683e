#pragma once
// How accurate is a solver's answer? The KKT conditions of a LinearProgram checked from its
// own arrays, without trusting the solver: primal feasibility (rows and bounds), dual
// feasibility (reduced-cost and row-dual signs), complementary slackness, and the objective
// the solver reported against cᵀx + offset. Each figure is absolute and scaled to the size of
// the numbers it comes from, so a verdict ("ok" / "poor") holds at any magnitude of the data.
// docs/numerical-accuracy.md explains the figures, the threshold and the warning.
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "planner/lp/linear_program.hpp"
#include "planner/lp/lp_solution.hpp"

namespace planner::lp {

/// Scaled residuals above this make a solution "poor".
inline constexpr double kAccuracyTolerance = 1e-6;

/// One KKT residual: its worst place (by the scaled figure) and its size there.
struct Residual {
  double absolute = 0.0;      ///< the residual at `where`, in the LP's own units
  double scaled = 0.0;        ///< the largest scaled residual (see check_solution)
  double max_absolute = 0.0;  ///< the largest absolute residual anywhere
  std::string where;          ///< "row balance[coal,2]", "column x[steel,3]", "objective"; empty when 0
};

/// The accuracy of one solution of one LP.
struct SolutionCheck {
  Residual primal;            ///< rows outside [row_lower, row_upper], columns outside their bounds
  Residual dual;              ///< duals of the wrong sign: a column or row that could still gain
  Residual complementarity;   ///< Σ |slack × dual|, in objective units
  Residual objective;         ///< |cᵀx + offset − reported objective|
  double tolerance = kAccuracyTolerance;
  bool ok = true;             ///< every scaled residual ≤ tolerance (and every number finite)
  std::string resolved;       ///< how the answer was re-solved after a poor first one, else empty

  /// The largest of the four scaled residuals.
  double worst() const;
  /// "ok" or "poor".
  std::string verdict() const { return ok ? "ok" : "poor"; }
};

/// Checks `solution` against `lp`. With z the objective in the LP's own sense, s = +1 for max and
/// −1 for min, y the row duals (∂z/∂bound), d = c − Aᵀy the reduced costs computed here and
/// u = max_j |c_j| (1 for a zero objective) one unit of the objective:
///  - primal: violation of row i divided by max(|violated bound|, max_j |a_ij x_j|, max_j |a_ij|)
///    — the size of the row's terms, and at least one unit of x (so a row of coefficients 1e-9
///    is measured in its own units); of a column bound divided by max(1, |bound|);
///  - dual: s·d_j > 0 needs a finite upper bound on x_j (< 0 a finite lower), divided by
///    max(|c_j|, max_i |a_ij y_i|, 1e-9·u); s·y_i likewise for a row's bounds, divided by the
///    largest such scale of the columns in the row;
///  - complementarity: Σ over rows and columns of |distance to the bound the dual's sign
///    selects × dual| (`absolute` is the sum; `where` and `max_absolute` name the largest term);
///  - objective: |objective_value(x) − solution.objective|;
///    both divided by the objective's size max(|reported z|, Σ_j |c_j x_j| + |offset|, u).
/// A solution with vectors of the wrong size or non-finite values is poor (residual ∞).
SolutionCheck check_solution(const LinearProgram& lp, const LpSolution& solution,
                             double tolerance = kAccuracyTolerance);

/// A solver: LP in, solution out (the same signature as diagnosis.hpp's LpSolver).
using CheckedSolver = std::function<LpSolution(const LinearProgram&, const SolveOptions&)>;

/// `solver`, but an optimal answer whose check is poor is solved once more without presolve
/// (when presolve was on), and the more accurate optimal answer is kept; its `message` then
/// says so ("re-solved without presolve"), which read_plan_result copies into the check.
CheckedSolver retry_when_inaccurate(CheckedSolver solver, double tolerance = kAccuracyTolerance);

/// The message retry_when_inaccurate leaves on a re-solved answer.
inline constexpr const char* kResolvedWithoutPresolve = "re-solved without presolve";

/// One line for a user when the check is poor, empty when ok:
/// "warning: the solution is inaccurate: primal violation 3e-05 (scaled 2e-06) at row balance[coal,2]; …".
std::string accuracy_warning(const SolutionCheck& check);

/// {"verdict", "tolerance", "worst", "primal": {absolute, scaled, max_absolute, where}, "dual", …}.
nlohmann::json to_json(const SolutionCheck& check);

}  // namespace planner::lp
