// The iterative solves of planner/analysis/sparse_leontief against the dense LU
// (planner/analysis/leontief) on random productive matrices, n = 200, 5 entries per column.
// Tolerance: the solves stop at a relative residual of 1e-12; with ‖L‖ ≤ 1/(1 − 0.8) = 5
// the relative error is at most cond(I − A)·1e-12 ≤ ~1e-11, so 1e-9 is a safe bound.
#include "planner/analysis/sparse_leontief.hpp"

#include <gtest/gtest.h>

#include "planner/analysis/leontief.hpp"
#include "sparse_test_economies.hpp"

using namespace planner::analysis;

namespace {

double relative_error(const Eigen::VectorXd& x, const Eigen::VectorXd& expected) {
  return (x - expected).norm() / expected.norm();
}

class SparseLeontiefMethods : public ::testing::TestWithParam<IterativeMethod> {};

TEST_P(SparseLeontiefMethods, MatchTheDenseLU) {
  for (unsigned seed : {1u, 2u, 3u}) {
    const Eigen::MatrixXd a = sparse_test::random_technical(200, 5, seed);
    const Eigen::SparseMatrix<double> sparse = a.sparseView();
    LeontiefSystem dense(a);
    IterativeOptions options;
    options.method = GetParam();
    SparseLeontiefSystem system(sparse, options);
    const Eigen::VectorXd f = Eigen::VectorXd::LinSpaced(200, 1.0, 3.0);

    SolveReport report;
    Eigen::VectorXd x = system.output_for(f, &report);
    EXPECT_LT(relative_error(x, dense.output_for(f)), 1e-9) << "seed " << seed;
    EXPECT_TRUE(report.converged);
    EXPECT_LE(report.residual, 1e-12);
    EXPECT_GT(report.iterations, 0);
    EXPECT_NEAR(report.residual, system.residual(x, f), 1e-15);
    EXPECT_EQ(report.method, to_string(GetParam()));

    const Eigen::VectorXd ones = Eigen::VectorXd::Ones(200);
    Eigen::VectorXd m = system.solve_transposed(ones, &report);
    EXPECT_LT(relative_error(m, dense.leontief_inverse().colwise().sum().transpose()), 1e-9);
    EXPECT_LE(system.residual_transposed(m, ones), 1e-12);
  }
}

INSTANTIATE_TEST_SUITE_P(BothMethods, SparseLeontiefMethods,
                         ::testing::Values(IterativeMethod::bicgstab, IterativeMethod::jacobi));

TEST(SparseLeontiefSystem, MultiplyTechnicalIsAx) {
  const Eigen::MatrixXd a = sparse_test::random_technical(50, 4, 7);
  SparseLeontiefSystem system(Eigen::SparseMatrix<double>(a.sparseView()));
  Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(50, -1.0, 2.0), y;
  system.multiply_technical(x, y);
  EXPECT_LT((y - a * x).norm(), 1e-14);
}

TEST(SparseLeontiefSystem, EmptyAndNonSquare) {
  SparseLeontiefSystem empty{Eigen::SparseMatrix<double>(0, 0)};
  SolveReport report;
  EXPECT_EQ(empty.output_for(Eigen::VectorXd(0), &report).size(), 0);
  EXPECT_TRUE(report.converged);
  EXPECT_THROW(SparseLeontiefSystem{Eigen::SparseMatrix<double>(2, 3)}, std::invalid_argument);
}

TEST(SparseLeontiefSystem, AnUnreachableToleranceIsReportedNotHidden) {
  const Eigen::MatrixXd a = sparse_test::random_technical(100, 5, 4);
  IterativeOptions options;
  options.method = IterativeMethod::jacobi;
  options.max_iterations = 3;
  SparseLeontiefSystem system(Eigen::SparseMatrix<double>(a.sparseView()), options);
  SolveReport report;
  Eigen::VectorXd x = system.output_for(Eigen::VectorXd::Ones(100), &report);
  EXPECT_FALSE(report.converged);
  EXPECT_EQ(report.iterations, 3);
  EXPECT_GT(report.residual, 1e-6);
}

}  // namespace

// I − A and (I − A)ᵀ are assembled by hand from A's columns (the unit diagonal merged in):
// check both against dense arithmetic where A has a diagonal entry in the first, a middle and
// the last column and none in the others, from an uncompressed A (built by insert).
TEST(SparseLeontiefSystem, AssemblesIdentityMinusAWithAndWithoutDiagonalEntries) {
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(5, 5);
  a(0, 0) = 0.1; a(3, 0) = 0.2;
  a(0, 1) = 0.3; a(4, 1) = 0.05;           // no a(1,1)
  a(1, 2) = 0.1; a(2, 2) = 0.25; a(4, 2) = 0.1;
  a(2, 3) = 0.4;                           // no a(3,3); column 3 ends above the diagonal
  a(0, 4) = 0.2; a(4, 4) = 0.3;
  Eigen::SparseMatrix<double> sparse(5, 5);
  for (int j = 0; j < 5; ++j)
    for (int i = 0; i < 5; ++i)
      if (a(i, j) != 0.0) sparse.insert(i, j) = a(i, j);
  ASSERT_FALSE(sparse.isCompressed());
  SparseLeontiefSystem system(sparse);
  const Eigen::MatrixXd m = Eigen::MatrixXd::Identity(5, 5) - a;
  const Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(5, 0.5, 2.5), f = Eigen::VectorXd::LinSpaced(5, 1.0, -1.0);
  EXPECT_NEAR(system.residual(x, f), (m * x - f).norm() / f.norm(), 1e-15);
  EXPECT_NEAR(system.residual_transposed(x, f), (m.transpose() * x - f).norm() / f.norm(), 1e-15);
  Eigen::VectorXd y;
  system.multiply_technical(x, y);
  EXPECT_LT((y - a * x).norm(), 1e-15);
  EXPECT_LT((system.output_for(f) - m.lu().solve(f)).norm(), 1e-11);
}
