#pragma once
// Runs the draws of a Monte Carlo study on several threads. Each draw's numbers come from the
// counter stream (random_stream.hpp) keyed by the draw's index, and f(index) writes only its own
// slot of the caller's output, so which thread computes a draw never changes the result: 1 and
// 8 threads give bitwise the same outputs. The threads are planner/analysis's: each takes the
// next draw when it finishes one (draws without an optimum cost a diagnosis more), and an
// exception in a draw reaches the caller after all threads have ended.
#include <cstddef>

#include "planner/analysis/parallel_ranges.hpp"

namespace planner::uncertainty {

/// Calls f(index) once for every index in [0, count), on `threads` threads (0: the planner's
/// cores, analysis::core_count(); never more threads than draws).
template <class F>
void for_each_draw(std::size_t count, unsigned threads, F&& f) {
  if (count == 0) return;
  const int workers = threads == 0 ? analysis::core_count() : static_cast<int>(threads);
  analysis::parallel_tasks(static_cast<Eigen::Index>(count), workers,
                           [&](Eigen::Index i) { f(static_cast<std::size_t>(i)); });
}

}  // namespace planner::uncertainty
