#include "planner/analysis/ghosh.hpp"

#include <gtest/gtest.h>

#include "analysis_test_economies.hpp"
#include "planner/analysis/leontief.hpp"

using namespace planner::analysis;

TEST(AllocationCoefficients, DivideEachRowByItsOutput) {
  Eigen::MatrixXd z(2, 2);
  z << 150, 500, 200, 100;
  Eigen::MatrixXd b = allocation_coefficients(z, Eigen::Vector2d(1000, 2000));
  EXPECT_DOUBLE_EQ(b(0, 0), 0.15);
  EXPECT_DOUBLE_EQ(b(0, 1), 0.5);
  EXPECT_DOUBLE_EQ(b(1, 0), 0.1);
  EXPECT_DOUBLE_EQ(b(1, 1), 0.05);
}

TEST(AllocationCoefficients, ZeroOutputGivesAZeroRow) {
  Eigen::MatrixXd z = Eigen::MatrixXd::Constant(2, 2, 1.0);
  Eigen::MatrixXd b = allocation_coefficients(z, Eigen::Vector2d(0, 4));
  EXPECT_EQ(b.row(0), Eigen::RowVector2d(0, 0));
  EXPECT_EQ(b.row(1), Eigen::RowVector2d(0.25, 0.25));
}

TEST(GhoshInverse, IsSimilarToTheLeontiefInverse) {
  // With B = diag(x)⁻¹ A diag(x): G = diag(x)⁻¹ L diag(x) (an independent identity).
  planner::Economy e = analysis_test::three_sectors();
  Eigen::VectorXd x = e.outputs();
  Eigen::MatrixXd g = ghosh_inverse(allocation_coefficients(intermediate_flows(e), x));
  Eigen::MatrixXd expected = x.cwiseInverse().asDiagonal() * leontief_inverse(e.technical) * x.asDiagonal();
  EXPECT_TRUE(g.isApprox(expected, 1e-13));
  EXPECT_EQ(ghosh_inverse(Eigen::MatrixXd(0, 0)).size(), 0);
}
