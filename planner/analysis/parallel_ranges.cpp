#include "planner/analysis/parallel_ranges.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <exception>
#include <thread>
#include <vector>

namespace planner::analysis {

namespace {
constexpr Eigen::Index kMinWorkPerThread = 200'000;
constexpr Eigen::Index kSumBlock = Eigen::Index{1} << 16;
}  // namespace

int core_count() {
  // Only a plain positive whole number counts ("4x", "-2", "" fall back to the hardware).
  if (const char* env = std::getenv("PLANNER_THREADS"); env && *env && env[0] != '-') {
    char* end = nullptr;
    const unsigned long n = std::strtoul(env, &end, 10);
    if (*end == '\0' && n > 0 && n <= 4096) return static_cast<int>(n);
  }
  return std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 8);
}

int worker_count(Eigen::Index work) {
  static const int cores = core_count();
  return static_cast<int>(std::clamp<Eigen::Index>(work / kMinWorkPerThread, 1, cores));
}

void run_pieces(int workers, const std::function<Eigen::Index(int, int)>& cut,
                const std::function<void(Eigen::Index, Eigen::Index)>& body) {
  if (workers <= 1) {
    body(cut(0, 1), cut(1, 1));
    return;
  }
  // An exception in a piece ends that piece; after every thread has joined, the lowest
  // piece's exception is rethrown here (a throw out of a std::thread would end the process).
  std::vector<std::exception_ptr> failures(static_cast<std::size_t>(workers));
  const auto piece = [&](int k) {
    try {
      body(cut(k, workers), cut(k + 1, workers));
    } catch (...) {
      failures[static_cast<std::size_t>(k)] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(workers - 1));
  for (int k = 1; k < workers; ++k) threads.emplace_back(piece, k);
  piece(0);  // the calling thread takes the first piece
  for (std::thread& t : threads) t.join();
  for (const std::exception_ptr& f : failures)
    if (f) std::rethrow_exception(f);
}

void parallel_tasks(Eigen::Index count, int workers, const std::function<void(Eigen::Index)>& body) {
  std::atomic<Eigen::Index> next{0};  // the tasks are handed out here, so run_pieces' ranges go unused
  const auto work = [&](Eigen::Index, Eigen::Index) {
    for (Eigen::Index task = next++; task < count; task = next++) body(task);
  };
  run_pieces(static_cast<int>(std::clamp<Eigen::Index>(workers, 1, std::max<Eigen::Index>(count, 1))),
             [](int, int) { return Eigen::Index{0}; }, work);
}

void parallel_for(Eigen::Index n, const std::function<void(Eigen::Index, Eigen::Index)>& body) {
  run_pieces(worker_count(n), [n](int k, int pieces) { return n * k / pieces; }, body);
}

Eigen::VectorXd parallel_sums(Eigen::Index n, int k,
                              const std::function<void(Eigen::Index, Eigen::Index, double*)>& partial) {
  const Eigen::Index blocks = (n + kSumBlock - 1) / kSumBlock;
  Eigen::MatrixXd sums = Eigen::MatrixXd::Zero(k, blocks);  // one column of K sums per block
  run_pieces(worker_count(n), [blocks](int piece, int pieces) { return blocks * piece / pieces; },
             [&](Eigen::Index first, Eigen::Index last) {
               for (Eigen::Index b = first; b < last; ++b) partial(b * kSumBlock, std::min(n, (b + 1) * kSumBlock), &sums(0, b));
             });
  Eigen::VectorXd total = Eigen::VectorXd::Zero(k);
  for (Eigen::Index b = 0; b < blocks; ++b) total += sums.col(b);
  return total;
}

}  // namespace planner::analysis
