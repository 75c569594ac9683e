#include "planner/lp/memory_estimate.hpp"

#include <suitesparse/cholmod.h>
#include <fmt/format.h>

#include <algorithm>
#include <fstream>

#include "planner/model/error.hpp"

namespace planner::lp {
namespace {

// The simplex's peak in the benchmark family: 36 MB at 6,506 rows, 70 MB at 13,006, 154 MB at
// 26,006 (docs/performance.md): about 6 kB a row over the process' own ~12 MB.
constexpr std::uint64_t kProcessBytes = 12u << 20;
constexpr std::uint64_t kSimplexBytesPerRow = 6u << 10;

// The interior point holds the factor once (supernodal, doubles), CHOLMOD's update workspace,
// CLP's interior-point vectors and the presolved copy beside it: calibrated so that the n =
// 1,000 and 2,000 plans' peaks (337 MB, 1.19 GB) come out at or above what was measured.
constexpr double kFactorCopies = 1.25;

// A factor the analysis could not count: large enough to exceed any memory, small enough that
// kFactorCopies · 8 bytes of it does not overflow.
constexpr std::uint64_t kUncountable = UINT64_MAX / 16;

// Entries of the supernodal Cholesky factor of F·Fᵀ, F = [A | I] (the pattern the interior
// point's normal equations have at every step, clp_barrier.cpp), by CHOLMOD's symbolic analysis.
// The long-index interface counts factors past 2³¹ entries, where the int one gives up
// (CHOLMOD_TOO_LARGE: a 10,000-sector sparse plan's factor was counted as 0 and let through).
std::uint64_t cholesky_entries(const LinearProgram& lp) {
  using Index = SuiteSparse_long;
  cholmod_common common{};
  cholmod_l_start(&common);
  common.supernodal = CHOLMOD_SUPERNODAL;
  common.nmethods = 1;  // AMD alone: the analysis stays quick; the solve may find a better order
  common.method[0].ordering = CHOLMOD_AMD;
  common.print = 0;
  common.error_handler = nullptr;
  const auto rows = static_cast<std::size_t>(lp.num_row), cols = static_cast<std::size_t>(lp.num_col);
  cholmod_sparse* f = cholmod_l_allocate_sparse(rows, cols + rows, lp.a_index.size() + rows, 0, 1, 0, CHOLMOD_PATTERN, &common);
  // An analysis that cannot finish (no memory for it, or more entries than CHOLMOD can index)
  // is itself the answer: more than there is.
  std::uint64_t entries = kUncountable;
  if (f != nullptr) {
    auto* p = static_cast<Index*>(f->p);
    auto* i = static_cast<Index*>(f->i);
    Index k = 0;
    for (std::size_t j = 0; j < cols; ++j) {
      p[j] = k;
      for (int e = lp.a_start[j]; e < lp.a_start[j + 1]; ++e) i[k++] = lp.a_index[static_cast<std::size_t>(e)];
    }
    for (std::size_t r = 0; r < rows; ++r) {
      p[cols + r] = k;
      i[k++] = static_cast<Index>(r);
    }
    p[cols + rows] = k;
    cholmod_factor* factor = cholmod_l_analyze(f, &common);
    if (factor != nullptr && common.status == CHOLMOD_OK)
      entries = factor->is_super ? factor->xsize : factor->nzmax;
    cholmod_l_free_factor(&factor, &common);
    cholmod_l_free_sparse(&f, &common);
  }
  cholmod_l_finish(&common);
  return entries;
}

/// Bytes in a "max" or a number line of a cgroup v2 memory.max, else 0.
std::uint64_t cgroup_limit() {
  std::ifstream in("/sys/fs/cgroup/memory.max");
  std::string word;
  if (!(in >> word) || word == "max") return 0;
  try {
    return std::stoull(word);
  } catch (const std::exception&) {
    return 0;
  }
}

}  // namespace

MemoryEstimate estimate_memory(const LinearProgram& lp, Algorithm algorithm) {
  MemoryEstimate e;
  e.algorithm = resolve(algorithm, lp.num_row);
  e.bytes = kProcessBytes + kSimplexBytesPerRow * static_cast<std::uint64_t>(lp.num_row);
  if (e.algorithm == Algorithm::barrier) {
    e.factor_entries = cholesky_entries(lp);
    e.bytes += static_cast<std::uint64_t>(kFactorCopies * 8.0 * static_cast<double>(e.factor_entries));
  }
  return e;
}

std::uint64_t machine_memory() {
  std::ifstream in("/proc/meminfo");
  std::string key;
  std::uint64_t kb = 0;
  std::uint64_t total = 0;
  while (in >> key >> kb) {
    if (key == "MemTotal:") total = kb * 1024;
    in.ignore(64, '\n');
  }
  const std::uint64_t cgroup = cgroup_limit();
  return cgroup > 0 && (total == 0 || cgroup < total) ? cgroup : total;
}

std::string format_bytes(std::uint64_t bytes) {
  const double b = static_cast<double>(bytes);
  if (b >= 1e9) return fmt::format("{:.2f} GB", b / 1e9);
  if (b >= 1e6) return fmt::format("{:.0f} MB", b / 1e6);
  return fmt::format("{:.0f} kB", std::max(1.0, b / 1e3));
}

void check_memory(const LinearProgram& lp, const SolveOptions& options, const std::string& file) {
  // The simplex estimate is arithmetic; the analysis runs only when the interior point is chosen.
  const MemoryEstimate e = estimate_memory(lp, options.algorithm);
  const std::uint64_t limit = options.memory_limit > 0 ? options.memory_limit : machine_memory();
  if (limit == 0 || e.bytes <= limit) return;  // (0: no /proc, nothing to check against)
  static const char* const method[] = {"by-size", "the dual simplex", "the primal simplex", "the interior point",
                                       "CLP's automatic choice"};
  std::string what = fmt::format("the LP ({} rows, {} columns, {} nonzeros) needs an estimated {} to solve by {}",
                                 lp.num_row, lp.num_col, lp.a_index.size(), format_bytes(e.bytes),
                                 method[static_cast<int>(e.algorithm)]);
  if (e.algorithm == Algorithm::barrier && e.factor_entries == kUncountable)
    what += " (its Cholesky factor is too large for CHOLMOD's analysis to count)";
  else if (e.algorithm == Algorithm::barrier)
    what += fmt::format(" (its Cholesky factor holds {:.3g} numbers)", static_cast<double>(e.factor_entries));
  what += fmt::format(", more than the {} {}", format_bytes(limit),
                      options.memory_limit > 0 ? "of --memory-limit" : "this machine has");
  if (e.algorithm == Algorithm::barrier) {
    const MemoryEstimate simplex = estimate_memory(lp, Algorithm::primal);
    if (simplex.bytes <= limit)
      what += fmt::format("; the simplex needs about {} (--algorithm primal, slower at this size)", format_bytes(simplex.bytes));
  }
  what += options.memory_limit > 0 ? "; raise --memory-limit" : "; use a machine with more memory";
  throw_bad_input(file, "--memory-limit", what);
}

}  // namespace planner::lp
