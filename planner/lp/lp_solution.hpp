#pragma once
// The outcome of solving a LinearProgram, solver-neutral (cf. HiGHS' HighsSolution and
// HighsModelStatus): one status and four plain vectors.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
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
  by_size,    ///< the default: dual simplex below kLargeLpRows rows, primal simplex up to
              ///< kBarrierLpRows, interior point from there on
  dual,       ///< dual simplex
  primal,     ///< primal simplex (partial pricing)
  barrier,    ///< interior point (normal equations by CHOLMOD), then crossover to a basis
  automatic,  ///< the solver's own choice
};

/// "by-size", "dual", "primal", "barrier", "automatic".
std::string to_string(Algorithm algorithm);

/// Rows from which `by_size` runs the primal simplex. On the generated plan family
/// (docs/performance.md) the primal simplex with partial pricing took 0.6× the dual's time at
/// 1,306 rows and 0.46× at 3,906; small plans keep the dual simplex, whose shadow prices every
/// bundled report (all under 400 rows) was checked with (degenerate LPs have more than one).
inline constexpr int kLargeLpRows = 1000;

/// Rows from which `by_size` runs the interior point (clp_barrier.hpp). On the generated family
/// (wall seconds, same minutes): 9,106 rows primal 11.4 / interior 14.0; 10,406 rows 20.7 / 17.8;
/// 13,006 rows 62.6 / 31.4 (docs/performance.md, "Interior point with CHOLMOD").
inline constexpr int kBarrierLpRows = 10'000;

/// The method `algorithm` means for an LP of `rows` rows: by_size resolved, the others as given.
Algorithm resolve(Algorithm algorithm, int rows);

/// Whether a plan's primal simplex starts from the Leontief crash basis (leontief_crash.hpp).
enum class Crash {
  by_size,  ///< the default: below kCrashMaxRows rows, where it was measured faster
  on,
  off,
};

/// Rows below which `Crash::by_size` uses the crash basis. On the generated family the whole
/// `planner solve` took (medians of three, CPU) 0.13 s instead of 0.27 s at 1,306 rows, 1.73
/// instead of 1.91 s at 3,906 and 5.27 instead of 6.62 s at 6,506, but no less at 13,006
/// (62–69 s either way) and possibly more at 26,006 (docs/performance.md).
inline constexpr int kCrashMaxRows = 10'000;

/// Whether `crash` means starting from the crash basis for an LP of `rows` rows.
bool use_crash(Crash crash, int rows);

/// Default limits of the CLI (docs/user-guide.md): generous enough for the n = 2000 benchmark
/// plan, small enough that a runaway solve ends with exit 4 rather than a hang.
inline constexpr double kDefaultTimeLimit = 3600.0;   ///< seconds of solver time per LP
inline constexpr int kDefaultIterationLimit = 10'000'000;

/// A starting basis for an LP of num_row × num_col: each (column, row) pair makes the column
/// basic in place of the row's slack (the row then sits at its lower bound); every other row's
/// slack is basic and every other column starts at a bound. A solver ignores it for an LP of
/// another shape (a `then` stage, a diagnosis re-solve).
struct StartingBasis {
  int num_row = 0, num_col = 0;
  std::vector<std::pair<int, int>> basic;  ///< (column, row)
};

/// Where a running solve stands, for a progress display (long solves take minutes at 2,000 sectors).
struct SolveProgress {
  int iterations = 0;      ///< simplex iterations so far (of the presolved LP while it is solved)
  double seconds = 0.0;    ///< wall-clock seconds since the solve began
  int rows = 0, columns = 0;  ///< the LP's size as built
  bool interior_point = false;  ///< iterations are the interior point's steps (before its crossover)
};

/// Called now and then during a solve (from the solver's thread; keep it quick).
using ProgressReport = std::function<void(const SolveProgress&)>;

struct SolveOptions {
  bool verbose = false;                 ///< let the solver print its log to standard error
  bool presolve = true;
  bool scaling = true;                  ///< geometric/equilibrium scaling of rows and columns
  Algorithm algorithm = Algorithm::by_size;
  double time_limit = 0.0;              ///< seconds (solver CPU time) per LP; 0 = none
  int iteration_limit = 0;              ///< simplex iterations per LP; 0 = none
  std::uint64_t memory_limit = 0;       ///< bytes a solve may take (memory_estimate.hpp); 0 = the machine's memory
  Crash crash = Crash::by_size;         ///< plans: start the primal simplex from the Leontief crash basis
  std::shared_ptr<const StartingBasis> start;  ///< used by the primal simplex when the LP's shape matches
  ProgressReport progress;              ///< if set, told how the solve goes every progress_interval seconds
  double progress_interval = 0.5;       ///< seconds between reports; the first comes after one interval
};

/// Passes reports on to options.progress at most every progress_interval seconds (the first
/// after one interval), timed from construction; quiet when options.progress is unset. The
/// simplex's event handler and the interior point's steps both report through one.
class ProgressPacer {
 public:
  ProgressPacer(const SolveOptions& options, int rows, int columns);
  /// Reports `iterations` if an interval has passed since the last report.
  void tick(int iterations, bool interior_point = false);

 private:
  ProgressReport report_;
  double interval_;
  std::chrono::steady_clock::time_point start_;
  double next_;
  int rows_, columns_;
};

}  // namespace planner::lp
