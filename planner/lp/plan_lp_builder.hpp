#pragma once
// The dynamic plan LP of spec §2, built from a Plan as a named, solver-neutral LinearProgram.
// Knows nothing of any solver. Column and row names follow the field: output[coal,3],
// stock[coal,3], capacity_addition[coal,2], balance[steel,3], capacity[coal,2], labour[4],
// currency[2], terminal[coal], export[grain,2], import[machinery,2], consumption[grain,3],
// lambda, shortfall[coal], goal[coal]; with processes activity[horses,2], growth[tractors,2],
// technique[grain,2] (output = Σ activities), process_capacity[hydro,3], process_growth[tractors,2].
#include <Eigen/Dense>
#include <optional>
#include <string>
#include <vector>

#include "planner/lp/linear_program.hpp"
#include "planner/model/plan.hpp"

namespace planner::lp {

/// Column indices of the plan's variables by [sector][year]; −1 where a variable does not exist.
struct PlanColumns {
  std::vector<std::vector<int>> output, stock, capacity_addition, exports, imports, consumption;
  /// By [process][year] (Economy::processes): activity[p,t], and growth[p,t] ≥ activity[p,t] −
  /// activity[p,t−1] for processes with capital inputs; empty without processes.
  std::vector<std::vector<int>> activity, growth;
  int lambda = -1;                       ///< max-fulfilment's λ
  std::vector<std::pair<std::string, int>> shortfall;  ///< min-shortfall: (goal row suffix, column)
};

/// An objective over the LP's columns: sense, one cost per column, constant terms.
struct LinearObjective {
  std::string kind;                      ///< "max-capacity", … (as in plan files)
  Sense sense = Sense::maximise;
  std::vector<double> cost;
  double offset = 0.0;
};

struct PlanLp {
  LinearProgram lp;                      ///< constraints with the primary objective
  PlanColumns columns;
  LinearObjective objective;             ///< the primary objective (also loaded into lp)
  std::optional<LinearObjective> then;   ///< the plan's lexicographic second objective
};

/// The LP of spec §2 for `plan`; throws Error (exit 2) for unknown ids or unusable data.
PlanLp build_plan_lp(const Plan& plan);

/// Steady-state output x* = (I−A)⁻¹ d̄ of the model's own demand; throws when I−A is singular.
Eigen::VectorXd steady_state_output(const Economy& economy);

/// The processes' share of resource `r`'s use in year t: Σ_p l_p activity[p,t+ℓr] over the
/// activity columns that exist (the resource row, the resource objectives and the result add it).
std::vector<Term> process_resource_terms(const Plan& plan, const PlanColumns& columns, std::size_t r, int t);

/// Final demand d[i,t] of the plan: its [demand] list's year t, the override or the model's
/// demand in demand years, else 0.
double plan_demand(const Plan& plan, std::size_t sector, int year);

/// Adds the variables and rows `objective` needs to `b` and returns its costs (sized to b's columns).
LinearObjective add_objective(const Plan& plan, const Objective& objective, PlanColumns& columns, LpBuilder& b);

}  // namespace planner::lp
