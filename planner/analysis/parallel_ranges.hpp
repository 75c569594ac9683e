#pragma once
// Splits index ranges of large vector and sparse-matrix work across the machine's cores with
// plain std::threads: no OpenMP runtime (whose spinning workers hurt on a shared machine, see
// docs/performance.md), and nothing changes below a size where threads would not pay.
// Every result is independent of the number of threads: each element is computed by exactly
// one thread in a fixed order, and sums are taken over fixed blocks, then added in block order.
#include <Eigen/Core>
#include <functional>

namespace planner::analysis {

/// The cores the planner may use: PLANNER_THREADS when set to a positive whole number (a shared
/// machine, a benchmark of one core), else the hardware's, at most 8. Also what the LP's
/// interior point gives OpenBLAS (lp/blas_threads.hpp).
int core_count();

/// Threads worth using for `work` units (≈ memory touched, in elements): 1 below ~2·10⁵ per
/// thread, else up to the hardware's cores (at most 8) or the environment's PLANNER_THREADS.
int worker_count(Eigen::Index work);

/// Calls body(begin, end) on consecutive pieces of [0, n), `workers` of them at once; the
/// pieces are cut where `cut(k, workers)` says (monotone, cut(0) = 0, cut(workers) = n).
/// An exception in a piece is rethrown in the caller once every piece has ended.
void run_pieces(int workers, const std::function<Eigen::Index(int piece, int pieces)>& cut,
                const std::function<void(Eigen::Index begin, Eigen::Index end)>& body);

/// Calls body(task) once for every task in [0, count), `workers` threads each taking the next
/// task when it finishes the last (tasks of unequal cost). Which thread runs a task never
/// changes what it computes, so the results do not depend on the number of threads.
void parallel_tasks(Eigen::Index count, int workers, const std::function<void(Eigen::Index task)>& body);

/// Calls body(begin, end) on equal pieces of [0, n), in parallel when n is large.
void parallel_for(Eigen::Index n, const std::function<void(Eigen::Index begin, Eigen::Index end)>& body);

/// K sums over [0, n) at once: partial(begin, end, out) adds its piece's K sums into out[0…K−1]
/// (zeroed before). Taken over fixed blocks of 2¹⁶ and added in block order, so the result is
/// bitwise the same on any number of threads.
Eigen::VectorXd parallel_sums(Eigen::Index n, int k,
                              const std::function<void(Eigen::Index begin, Eigen::Index end, double* out)>& partial);

}  // namespace planner::analysis
