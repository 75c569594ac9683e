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

/// The simplex variant or interior-point method the solver runs (CLP: ClpSolve::SolveType).
enum class Algorithm {
  dual,       ///< dual simplex (default: measured fastest on the plan family, docs/performance-lp.md)
  primal,     ///< primal simplex
  barrier,    ///< interior point, then crossover to a basis
  automatic,  ///< the solver's own choice
};

/// "dual", "primal", "barrier", "automatic".
std::string to_string(Algorithm algorithm);

/// Default limits of the CLI (docs/user-guide.md): generous enough for the n = 2000 benchmark
/// plan, small enough that a runaway solve ends with exit 4 rather than a hang.
inline constexpr double kDefaultTimeLimit = 3600.0;   ///< seconds of solver time per LP
inline constexpr int kDefaultIterationLimit = 10'000'000;

struct SolveOptions {
  bool verbose = false;                 ///< let the solver print its log to standard error
  bool presolve = true;
  bool scaling = true;                  ///< geometric/equilibrium scaling of rows and columns
  Algorithm algorithm = Algorithm::dual;
  double time_limit = 0.0;              ///< seconds (solver CPU time) per LP; 0 = none
  int iteration_limit = 0;              ///< simplex iterations per LP; 0 = none
};

}  // namespace planner::lp
