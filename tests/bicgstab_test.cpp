// The threaded BiCGSTAB of the sparse Leontief systems and its building blocks, against Eigen's
// own sparse product and BiCGSTAB (independent code) on sizes where the work is split across
// threads (≥ 2·10⁵ elements per thread).
#include <gtest/gtest.h>

#include <atomic>

#include <Eigen/IterativeLinearSolvers>
#include <random>

#include "planner/analysis/bicgstab.hpp"
#include "planner/analysis/parallel_ranges.hpp"

using namespace planner::analysis;

namespace {

// I − A for a random productive A: k nonzeros per column, column sums 0.5.
RowMajorMatrix leontief_system(Eigen::Index n, int k, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<Eigen::Index> row(0, n - 1);
  std::vector<Eigen::Triplet<double>> t;
  t.reserve(static_cast<std::size_t>(n * (k + 1)));
  for (Eigen::Index j = 0; j < n; ++j) {
    t.emplace_back(j, j, 1.0);
    for (int q = 0; q < k; ++q) t.emplace_back(row(rng), j, -0.5 / k);
  }
  RowMajorMatrix m(n, n);
  m.setFromTriplets(t.begin(), t.end());
  m.makeCompressed();
  return m;
}

Eigen::VectorXd random_vector(Eigen::Index n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  Eigen::VectorXd v(n);
  for (double& x : v) x = u(rng);
  return v;
}

}  // namespace

TEST(ParallelRanges, SumsAreTakenOverFixedBlocksInOrder) {
  const Eigen::Index n = 1'000'003;
  const Eigen::VectorXd v = random_vector(n, 1);
  const Eigen::VectorXd sums = parallel_sums(n, 2, [&](Eigen::Index b, Eigen::Index e, double* acc) {
    acc[0] = v.segment(b, e - b).sum();
    acc[1] = v.segment(b, e - b).squaredNorm();
  });
  // The same blocks of 2¹⁶ added in order, serially: bitwise equal whatever the thread count.
  double expect_sum = 0.0, expect_sq = 0.0;
  for (Eigen::Index b = 0; b < n; b += 65536) {
    const Eigen::Index len = std::min<Eigen::Index>(65536, n - b);
    expect_sum += v.segment(b, len).sum();
    expect_sq += v.segment(b, len).squaredNorm();
  }
  EXPECT_EQ(sums[0], expect_sum);
  EXPECT_EQ(sums[1], expect_sq);
  EXPECT_NEAR(sums[0], v.sum(), 1e-12 * v.sum());
}

TEST(ParallelRanges, ForVisitsEveryIndexOnce) {
  const Eigen::Index n = 999'999;
  std::vector<int> seen(static_cast<std::size_t>(n), 0);
  parallel_for(n, [&](Eigen::Index b, Eigen::Index e) {
    for (Eigen::Index i = b; i < e; ++i) ++seen[static_cast<std::size_t>(i)];
  });
  EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), n);
}

TEST(ParallelRanges, TasksRunOnceEachWhateverTheWorkers) {
  for (int workers : {0, 1, 2, 7}) {
    for (Eigen::Index count : {0, 1, 3, 100}) {
      std::vector<std::atomic<int>> runs(static_cast<std::size_t>(count));
      parallel_tasks(count, workers, [&](Eigen::Index t) { ++runs[static_cast<std::size_t>(t)]; });
      for (Eigen::Index t = 0; t < count; ++t) EXPECT_EQ(runs[static_cast<std::size_t>(t)].load(), 1) << workers << " workers, task " << t;
    }
  }
}

TEST(Bicgstab, ProductEqualsEigens) {
  const RowMajorMatrix m = leontief_system(300'000, 10, 2);
  const Eigen::VectorXd x = random_vector(m.cols(), 3);
  Eigen::VectorXd y;
  multiply(m, x, y);
  const Eigen::VectorXd expected = m * x;
  EXPECT_LE((y - expected).cwiseAbs().maxCoeff(), 1e-15 * expected.cwiseAbs().maxCoeff());
}

TEST(Bicgstab, SolvesALargeLeontiefSystemLikeEigen) {
  const RowMajorMatrix m = leontief_system(300'000, 10, 4);
  const Eigen::VectorXd f = random_vector(m.rows(), 5);
  Eigen::VectorXd x;
  const KrylovOutcome out = bicgstab(m, f, x, 1e-12, 1000);
  ASSERT_TRUE(out.converged);
  EXPECT_LE((f - m * x).norm() / f.norm(), 1e-12);
  Eigen::BiCGSTAB<RowMajorMatrix, Eigen::DiagonalPreconditioner<double>> eigen;
  eigen.setTolerance(1e-12);
  eigen.compute(m);
  const Eigen::VectorXd reference = eigen.solve(f);
  EXPECT_LE((x - reference).norm() / reference.norm(), 1e-10);
  EXPECT_NEAR(out.iterations, static_cast<int>(eigen.iterations()), 1);  // the same recurrences
}

TEST(Bicgstab, ZeroRightHandSideGivesZero) {
  const RowMajorMatrix m = leontief_system(100, 3, 6);
  Eigen::VectorXd x = Eigen::VectorXd::Ones(100);
  EXPECT_TRUE(bicgstab(m, Eigen::VectorXd::Zero(100), x, 1e-12, 10).converged);
  EXPECT_EQ(x, Eigen::VectorXd::Zero(100));
}

// M = [[0, 1], [1, 0]], b = e₁: r̂₀ = e₁, v = M·e₁ = e₂ ⟂ r̂₀, so r̂₀ᵀv = 0: a breakdown,
// reported unconverged (the caller then falls back to Jacobi).
TEST(Bicgstab, BreakdownIsReportedNotHidden) {
  RowMajorMatrix m(2, 2);
  std::vector<Eigen::Triplet<double>> t{{0, 1, 1.0}, {1, 0, 1.0}};
  m.setFromTriplets(t.begin(), t.end());
  Eigen::VectorXd x;
  const KrylovOutcome out = bicgstab(m, Eigen::Vector2d(1.0, 0.0), x, 1e-12, 100);
  EXPECT_FALSE(out.converged);
  EXPECT_TRUE(x.allFinite());
}
