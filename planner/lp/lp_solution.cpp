#include "planner/lp/lp_solution.hpp"

namespace planner::lp {

std::string to_string(SolveStatus status) {
  switch (status) {
    case SolveStatus::optimal: return "optimal";
    case SolveStatus::infeasible: return "infeasible";
    case SolveStatus::unbounded: return "unbounded";
    case SolveStatus::iteration_limit: return "iteration-limit";
    case SolveStatus::numerical: return "numerical";
  }
  return "numerical";
}

std::string to_string(Algorithm algorithm) {
  switch (algorithm) {
    case Algorithm::by_size: return "by-size";
    case Algorithm::dual: return "dual";
    case Algorithm::primal: return "primal";
    case Algorithm::barrier: return "barrier";
    case Algorithm::automatic: return "automatic";
  }
  return "dual";
}

bool use_crash(Crash crash, int rows) {
  if (crash == Crash::by_size) return rows < kCrashMaxRows;
  return crash == Crash::on;
}

Algorithm resolve(Algorithm algorithm, int rows) {
  if (algorithm != Algorithm::by_size) return algorithm;
  if (rows >= kBarrierLpRows) return Algorithm::barrier;
  return rows >= kLargeLpRows ? Algorithm::primal : Algorithm::dual;
}

ProgressPacer::ProgressPacer(const SolveOptions& options, int rows, int columns)
    : report_(options.progress), interval_(options.progress_interval), start_(std::chrono::steady_clock::now()),
      next_(options.progress_interval), rows_(rows), columns_(columns) {}

void ProgressPacer::tick(int iterations, bool interior_point) {
  if (!report_) return;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (seconds < next_) return;
  next_ = seconds + interval_;
  report_(SolveProgress{iterations, seconds, rows_, columns_, interior_point});
}

}  // namespace planner::lp
