#pragma once
// Progress on standard error while long work runs: a bar for a sweep's steps, a line for one
// LP's simplex iterations. Drawn only on a terminal and never with --quiet (or --verbose, whose
// solver log would interleave); erased when the work ends, so nothing of it reaches a log file.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "planner/cli/command.hpp"
#include "planner/lp/lp_solution.hpp"

namespace planner::cli {

/// Whether progress should be drawn on standard error.
inline bool progress_wanted() { return !verbosity().quiet && !verbosity().verbose && ::isatty(STDERR_FILENO) == 1; }

/// "\r[#####     ] 5/10" on standard error, erased when done == total.
inline void draw_progress(int done, int total) {
  constexpr int width = 30;
  const int filled = total > 0 ? done * width / total : width;
  std::fprintf(stderr, "\r[%s%s] %d/%d", std::string(static_cast<std::size_t>(filled), '#').c_str(),
               std::string(static_cast<std::size_t>(width - filled), ' ').c_str(), done, total);
  if (done == total) std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
}

/// 12345 as "12,345".
inline std::string grouped(long long v) {
  std::string digits = std::to_string(v < 0 ? -v : v), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return v < 0 ? "-" + out : out;
}

/// "solving the LP (13,006 rows × 18,000 columns): 12,345 simplex iterations, 21 s" (or
/// "interior point, 12 iterations"), redrawn in place while the solver reports and erased when
/// this object goes (the solve returned or threw).
class SolveProgressLine {
 public:
  /// Hooks the line into `options` when progress is wanted; otherwise leaves them alone.
  explicit SolveProgressLine(lp::SolveOptions& options) {
    if (!progress_wanted()) return;
    options.progress = [this](const lp::SolveProgress& p) {
      const std::string steps = p.interior_point ? fmt::format("interior point, {} iterations", grouped(p.iterations))
                                                 : fmt::format("{} simplex iterations", grouped(p.iterations));
      std::fputs(fmt::format("\rsolving the LP ({} rows × {} columns): {}, {:.0f} s\033[K", grouped(p.rows),
                             grouped(p.columns), steps, p.seconds)
                     .c_str(),
                 stderr);
      std::fflush(stderr);
      drawn_ = true;
    };
  }
  ~SolveProgressLine() {
    if (!drawn_) return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
  }
  SolveProgressLine(const SolveProgressLine&) = delete;
  SolveProgressLine& operator=(const SolveProgressLine&) = delete;

 private:
  bool drawn_ = false;
};

}  // namespace planner::cli
