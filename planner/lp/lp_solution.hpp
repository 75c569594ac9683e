#pragma once
// The outcome of solving a LinearProgram, solver-neutral (cf. HiGHS' HighsSolution and
// HighsModelStatus): one status and four plain vectors.
#include <string>
#include <vector>

namespace planner::lp {

enum class SolveStatus {
  optimal,
  infeasible,
  unbounded,
  iteration_limit,  ///< stopped by the iteration or time limit
  numerical,        ///< the solver gave up (numerical trouble or an internal error)
};

/// "optimal", "infeasible", "unbounded", "iteration-limit", "numerical".
std::string to_string(SolveStatus status);

/// Duals follow the economist's reading: row_dual[i] = ∂z/∂(bound of row i) and
/// col_dual[j] = c_j − Σ_i a_ij row_dual[i], where z is the objective in the LP's own sense.
struct LpSolution {
  SolveStatus status = SolveStatus::numerical;
  double objective = 0.0;               ///< objective value, offset included
  std::vector<double> col_value, col_dual;
  std::vector<double> row_value, row_dual;
  int iterations = 0;
  std::string message;                  ///< solver's words when not optimal
};

struct SolveOptions {
  bool verbose = false;                 ///< let the solver print its log to standard error
  bool presolve = true;
  double time_limit = 0.0;              ///< seconds; 0 = none
  int iteration_limit = 0;              ///< 0 = none
};

}  // namespace planner::lp
