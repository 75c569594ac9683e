#pragma once
// Runs the draws of a Monte Carlo study on several threads. Each draw's numbers come from the
// counter stream (random_stream.hpp) keyed by the draw's index, and f(index) writes only its own
// slot of the caller's output, so which thread computes a draw never changes the result: 1 and
// 8 threads give bitwise the same outputs. Static chunking (thread t takes the t-th of equal
// consecutive pieces) because draws of one study cost about the same, and plain std::threads
// rather than OpenMP, as in planner/analysis/parallel_ranges.hpp (no spinning runtime on a
// shared machine).
#include <cstddef>
#include <cstdlib>
#include <exception>
#include <thread>
#include <vector>

namespace planner::uncertainty {

/// The threads a study uses by default: PLANNER_THREADS when it is a positive whole number
/// (a shared machine, a reproducible benchmark), else the hardware's cores (at least 1).
inline unsigned planner_threads() {
  if (const char* env = std::getenv("PLANNER_THREADS"); env && *env) {
    char* end = nullptr;
    const unsigned long n = std::strtoul(env, &end, 10);
    if (*end == '\0' && n > 0 && n <= 4096 && env[0] != '-') return static_cast<unsigned>(n);
  }
  const unsigned hardware = std::thread::hardware_concurrency();
  return hardware > 0 ? hardware : 1;
}

/// Calls f(index) once for every index in [0, count), on `threads` threads (0: planner_threads();
/// never more threads than draws). The calling thread takes the first piece. An exception thrown
/// by f stops that thread's piece; after all threads have joined, the exception of the
/// lowest-numbered failing piece is rethrown here (the other pieces' slots may be incomplete).
template <class F>
void for_each_draw(std::size_t count, unsigned threads, F&& f) {
  if (count == 0) return;
  std::size_t pieces = threads == 0 ? planner_threads() : threads;
  if (pieces > count) pieces = count;
  std::vector<std::exception_ptr> failures(pieces);
  const auto run_piece = [&](std::size_t piece) {
    const std::size_t begin = count * piece / pieces, end = count * (piece + 1) / pieces;
    try {
      for (std::size_t i = begin; i < end; ++i) f(i);
    } catch (...) {
      failures[piece] = std::current_exception();
    }
  };
  std::vector<std::thread> workers;
  workers.reserve(pieces - 1);
  for (std::size_t piece = 1; piece < pieces; ++piece) workers.emplace_back(run_piece, piece);
  run_piece(0);
  for (std::thread& t : workers) t.join();
  for (const std::exception_ptr& failure : failures)
    if (failure) std::rethrow_exception(failure);
}

}  // namespace planner::uncertainty
