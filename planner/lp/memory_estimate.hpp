#pragma once
// How much memory a solve will take, estimated from the LP's shape before the solver starts,
// so that a plan too large for the machine stops with a clear message (exit 2) instead of an
// out-of-memory kill minutes later (issue #20). The interior point is the risk: its Cholesky
// factor of the normal equations fills in (4·10⁷ nonzeros at 2,000 sectors, 1.19 GB peak), and
// that fill is counted exactly by CHOLMOD's symbolic analysis of the LP's pattern (no numbers).
#include <cstdint>
#include <string>

#include "planner/lp/linear_program.hpp"
#include "planner/lp/lp_solution.hpp"

namespace planner::lp {

struct MemoryEstimate {
  Algorithm algorithm = Algorithm::dual;  ///< the method estimated for (by_size resolved)
  std::uint64_t bytes = 0;                ///< estimated peak of the solve
  std::uint64_t factor_entries = 0;       ///< interior point: numbers in the Cholesky factor (0 otherwise)
};

/// The estimate for solving `lp` with `algorithm`. The simplex: a linear model of the rows
/// (its LU factors and CLP's arrays; calibrated on bench/lp_generate.py's family, 36–154 MB at
/// 6,506–26,006 rows). The interior point: CHOLMOD's count of the factor's entries (AMD
/// ordering of the LP as built; presolve only shrinks it) plus the simplex's share.
MemoryEstimate estimate_memory(const LinearProgram& lp, Algorithm algorithm);

/// The machine's memory for the check: physical memory, or the cgroup's limit when lower.
std::uint64_t machine_memory();

/// "1.19 GB", "336 MB": bytes for a message.
std::string format_bytes(std::uint64_t bytes);

/// Throws a bad-input Error naming `file` and --memory-limit when the estimate for `lp` with
/// options.algorithm exceeds options.memory_limit (0: machine_memory()).
void check_memory(const LinearProgram& lp, const SolveOptions& options, const std::string& file);

}  // namespace planner::lp
