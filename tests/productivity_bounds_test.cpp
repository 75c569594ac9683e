// Collatz–Wielandt bounds on ρ(A) (planner/analysis/productivity: perron_bounds and the
// bounded check_productivity above exact_spectral_limit sectors) against the eigenvalues.
#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>

#include "planner/analysis/productivity.hpp"
#include "sparse_test_economies.hpp"

using namespace planner::analysis;

namespace {

PerronBounds bounds_of(const Eigen::MatrixXd& a) {
  return perron_bounds(a.rows(), [&](const Eigen::VectorXd& x, Eigen::VectorXd& y) { y = a * x; });
}

TEST(PerronBounds, BracketTheSpectralRadius) {
  for (unsigned seed : {1u, 2u}) {
    Eigen::MatrixXd a = sparse_test::random_technical(150, 4, seed);
    const double rho = spectral_radius(a);
    PerronBounds b = bounds_of(a);
    EXPECT_TRUE(b.converged);
    EXPECT_LE(b.lower, rho + 1e-12);
    EXPECT_GE(b.upper, rho - 1e-12);
    EXPECT_NEAR(b.estimate(), rho, 1e-9);
  }
}

TEST(PerronBounds, ReducibleMatricesAndZero) {
  // A zero row (a sector selling to no one) and a nilpotent part; ρ comes from the 2×2 block.
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(4, 4);
  a(0, 0) = 0.1;
  a(0, 1) = 0.5;
  a(1, 0) = 0.5;
  a(2, 3) = 0.9;
  a(0, 3) = 0.2;
  const double rho = spectral_radius(a);
  PerronBounds b = bounds_of(a);
  EXPECT_LE(b.lower, rho + 1e-12);
  EXPECT_GE(b.upper, rho - 1e-12);
  EXPECT_NEAR(b.estimate(), rho, 1e-9);

  // A periodic block (eigenvalues ±0.5) need not let the bounds meet; they stay valid.
  Eigen::MatrixXd cyclic = Eigen::MatrixXd::Zero(3, 3);
  cyclic(0, 1) = 0.5;
  cyclic(1, 0) = 0.5;
  cyclic(0, 2) = 0.2;
  PerronBounds c = bounds_of(cyclic);
  EXPECT_LE(c.lower, 0.5 + 1e-12);
  EXPECT_GE(c.upper, 0.5 - 1e-12);
  EXPECT_LT(c.upper, 1.0);
  PerronBounds zero = bounds_of(Eigen::MatrixXd::Zero(3, 3));
  EXPECT_TRUE(zero.converged);
  EXPECT_EQ(zero.upper, 0.0);
}

TEST(CheckProductivity, LargeTablesAreBoundedNotDecomposed) {
  Eigen::MatrixXd a = sparse_test::random_technical(static_cast<int>(exact_spectral_limit) + 50, 6, 3);
  Productivity p = check_productivity(a);
  EXPECT_EQ(p.method, "Collatz–Wielandt bounds");
  EXPECT_TRUE(p.productive);
  EXPECT_GT(p.iterations, 0);
  Eigen::EigenSolver<Eigen::MatrixXd> eig(a, false);
  const double rho = eig.eigenvalues().cwiseAbs().maxCoeff();
  EXPECT_LE(p.spectral_radius_lower, rho + 1e-12);
  EXPECT_GE(p.spectral_radius_upper, rho - 1e-12);
  EXPECT_NEAR(p.spectral_radius, rho, 1e-8);

  Productivity small = check_productivity(sparse_test::random_technical(20, 3, 3));
  EXPECT_EQ(small.method, "eigenvalues");
  EXPECT_EQ(small.spectral_radius_lower, small.spectral_radius);
}

TEST(CheckProductivity, LargeNonProductiveTablesAreRefused) {
  Eigen::MatrixXd a = sparse_test::random_technical(static_cast<int>(exact_spectral_limit) + 10, 6, 4) * 2.0;
  Productivity p = check_productivity(a);
  EXPECT_FALSE(p.productive);
  EXPECT_GE(p.spectral_radius_lower, 0.6 - 1e-12);
}

}  // namespace
