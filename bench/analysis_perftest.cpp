// Micro-benchmarks of the static analysis (bench/run_peers.py runs them beside numpy/scipy
// on the same matrices, bench/random_economy.hpp):
//   Gemm/n             C = A·B, the yardstick: the Leontief inverse should cost ≤ 4× this
//   GemmAllCores/n     the same product with its column blocks shared among the cores
//   LeontiefInverse/n  factorise I − A and form L (planner/analysis/leontief)
//   EigenLuInverse/n   PartialPivLU(I − A).inverse(), what L cost before
//   SparseOutput/n/m   x = L·f by the iterative solver m (0 bicgstab, 1 jacobi), n = 10⁶, 10 nnz/col
//   SparseMultipliers/n   output multipliers: (I − A)ᵀy = 1
//   PerronBounds/n     the Collatz–Wielandt bounds on ρ(A) of the sparse analysis
// Counters: residual (relative), iterations.
#include <benchmark/benchmark.h>

#include <Eigen/Dense>
#include <Eigen/SparseCore>
#include <map>

#include "planner/analysis/leontief.hpp"
#include "planner/analysis/parallel_ranges.hpp"
#include "planner/analysis/productivity.hpp"
#include "planner/analysis/sparse_leontief.hpp"
#include "random_economy.hpp"

namespace {

using planner::analysis::IterativeMethod;
using planner::analysis::IterativeOptions;
using planner::analysis::LeontiefSystem;
using planner::analysis::SolveReport;
using planner::analysis::SparseLeontiefSystem;

constexpr std::uint64_t kSeed = 1;

const Eigen::MatrixXd& dense_technical(std::int64_t n) {
  static std::map<std::int64_t, Eigen::MatrixXd> cache;
  auto it = cache.find(n);
  if (it != cache.end()) return it->second;
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(n, n);
  bench::random_technical(n, n, kSeed, [&](std::int64_t j, const bench::Column& c) {
    for (std::size_t q = 0; q < c.rows.size(); ++q) a(c.rows[q], j) = c.values[q];
  });
  return cache.emplace(n, std::move(a)).first->second;
}

const Eigen::SparseMatrix<double>& sparse_technical(std::int64_t n) {
  static std::map<std::int64_t, Eigen::SparseMatrix<double>> cache;
  auto it = cache.find(n);
  if (it != cache.end()) return it->second;
  std::vector<Eigen::Triplet<double>> t;
  t.reserve(static_cast<std::size_t>(n * 10));
  bench::random_technical(n, 10, kSeed, [&](std::int64_t j, const bench::Column& c) {
    for (std::size_t q = 0; q < c.rows.size(); ++q) t.emplace_back(c.rows[q], static_cast<int>(j), c.values[q]);
  });
  Eigen::SparseMatrix<double> a(n, n);
  a.setFromTriplets(t.begin(), t.end());
  return cache.emplace(n, std::move(a)).first->second;
}

Eigen::VectorXd demand(std::int64_t n) {
  Eigen::VectorXd f(n);
  for (std::int64_t i = 0; i < n; ++i) f[i] = bench::sector_demand(i);
  return f;
}

// C = A·(I − A), timed by `multiply(a, b, c)`; the GFLOP/s of 2n³ flops.
template <class Multiply>
void gemm_benchmark(benchmark::State& state, Multiply multiply) {
  const std::int64_t n = state.range(0);
  const Eigen::MatrixXd& a = dense_technical(n);
  const Eigen::MatrixXd b = Eigen::MatrixXd::Identity(n, n) - a;
  Eigen::MatrixXd c(n, n);
  for (auto _ : state) {
    multiply(a, b, c);
    benchmark::DoNotOptimize(c.data());
  }
  state.counters["gflops"] = benchmark::Counter(2.0 * n * n * n * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
}

void Gemm(benchmark::State& state) {
  gemm_benchmark(state, [](const Eigen::MatrixXd& a, const Eigen::MatrixXd& b, Eigen::MatrixXd& c) { c.noalias() = a * b; });
}

// The yardstick on every core: the inverse's solves run on all of them (parallel_ranges.hpp).
void GemmAllCores(benchmark::State& state) {
  gemm_benchmark(state, [](const Eigen::MatrixXd& a, const Eigen::MatrixXd& b, Eigen::MatrixXd& c) {
    const Eigen::Index n = a.rows(), width = 256;
    planner::analysis::parallel_tasks((n + width - 1) / width, planner::analysis::worker_count(n * n), [&](Eigen::Index blk) {
      const Eigen::Index c0 = blk * width, k = std::min<Eigen::Index>(width, n - c0);
      c.middleCols(c0, k).noalias() = a * b.middleCols(c0, k);
    });
  });
}

void LeontiefInverse(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  const Eigen::MatrixXd& a = dense_technical(n);
  double residual = 0;
  for (auto _ : state) {
    LeontiefSystem system(a);
    Eigen::MatrixXd l = system.leontief_inverse();
    benchmark::DoNotOptimize(l.data());
    state.PauseTiming();
    residual = system.inverse_residual(l);
    state.ResumeTiming();
  }
  state.counters["residual"] = residual;
}

void EigenLuInverse(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  const Eigen::MatrixXd m = Eigen::MatrixXd::Identity(n, n) - dense_technical(n);
  for (auto _ : state) {
    Eigen::MatrixXd l = Eigen::PartialPivLU<Eigen::MatrixXd>(m).inverse();
    benchmark::DoNotOptimize(l.data());
  }
}

void SparseOutput(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  IterativeOptions options;
  options.method = state.range(1) == 0 ? IterativeMethod::bicgstab : IterativeMethod::jacobi;
  SparseLeontiefSystem system(sparse_technical(n), options);
  const Eigen::VectorXd f = demand(n);
  SolveReport report;
  for (auto _ : state) {
    Eigen::VectorXd x = system.output_for(f, &report);
    benchmark::DoNotOptimize(x.data());
  }
  state.counters["residual"] = report.residual;
  state.counters["iterations"] = report.iterations;
  state.SetLabel(report.method);
}

void SparseMultipliers(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  SparseLeontiefSystem system(sparse_technical(n));
  const Eigen::VectorXd ones = Eigen::VectorXd::Ones(n);
  SolveReport report;
  for (auto _ : state) {
    Eigen::VectorXd y = system.solve_transposed(ones, &report);
    benchmark::DoNotOptimize(y.data());
  }
  state.counters["residual"] = report.residual;
  state.counters["iterations"] = report.iterations;
}

void PerronBounds(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  SparseLeontiefSystem system(sparse_technical(n));
  planner::analysis::PerronBounds b;
  for (auto _ : state) {
    b = planner::analysis::perron_bounds(n, [&](const Eigen::VectorXd& x, Eigen::VectorXd& y) { system.multiply_technical(x, y); });
    benchmark::DoNotOptimize(b.upper);
  }
  state.counters["iterations"] = b.iterations;
  state.counters["upper"] = b.upper;
}

}  // namespace

BENCHMARK(Gemm)->Arg(500)->Arg(2000)->Arg(5000)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(0.5);
BENCHMARK(GemmAllCores)->Arg(500)->Arg(2000)->Arg(5000)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(0.5);
BENCHMARK(LeontiefInverse)->Arg(500)->Arg(2000)->Arg(5000)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(0.5);
BENCHMARK(EigenLuInverse)->Arg(500)->Arg(2000)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(0.5);
BENCHMARK(SparseOutput)->Args({1000000, 0})->Args({1000000, 1})->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(0.5);
BENCHMARK(SparseMultipliers)->Arg(1000000)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(0.5);
BENCHMARK(PerronBounds)->Arg(1000000)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(0.5);

BENCHMARK_MAIN();
