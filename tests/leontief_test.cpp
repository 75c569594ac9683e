#include "planner/analysis/leontief.hpp"

#include <gtest/gtest.h>

#include "analysis_test_economies.hpp"

using namespace planner::analysis;

TEST(TechnicalCoefficients, DivideEachColumnByItsOutput) {
  Eigen::MatrixXd z(2, 2);
  z << 150, 500, 200, 100;
  Eigen::Vector2d x(1000, 2000);
  Eigen::MatrixXd a = technical_coefficients(z, x);
  EXPECT_DOUBLE_EQ(a(0, 0), 0.15);
  EXPECT_DOUBLE_EQ(a(0, 1), 0.25);
  EXPECT_DOUBLE_EQ(a(1, 0), 0.20);
  EXPECT_DOUBLE_EQ(a(1, 1), 0.05);
}

TEST(TechnicalCoefficients, ZeroOutputGivesAZeroColumn) {
  Eigen::MatrixXd z = Eigen::MatrixXd::Zero(2, 2);
  z(1, 0) = 3;
  Eigen::MatrixXd a = technical_coefficients(z, Eigen::Vector2d(0, 10));
  EXPECT_EQ(a, Eigen::MatrixXd::Zero(2, 2));
  EXPECT_THROW(technical_coefficients(z, Eigen::Vector3d(1, 1, 1)), std::invalid_argument);
}

TEST(IntermediateFlows, UsesTheFileFlowsElseADiagX) {
  planner::Economy e = analysis_test::three_sectors();
  Eigen::MatrixXd expected = e.technical * e.outputs().asDiagonal();
  EXPECT_TRUE(intermediate_flows(e).isApprox(expected, 1e-15));
  Eigen::MatrixXd z = Eigen::MatrixXd::Constant(3, 3, 7.0);
  e.flows = z;
  EXPECT_EQ(intermediate_flows(e), z);
}

TEST(LeontiefSystem, SolvesForOutputPricesAndTheInverse) {
  planner::Economy e = analysis_test::three_sectors();
  LeontiefSystem system(e.technical);
  const Eigen::MatrixXd i_minus_a = Eigen::MatrixXd::Identity(3, 3) - e.technical;
  Eigen::Vector3d f(1, 2, 3);
  EXPECT_TRUE((i_minus_a * system.output_for(f)).isApprox(f, 1e-14));
  EXPECT_TRUE((i_minus_a.transpose() * system.solve_transposed(f)).isApprox(f, 1e-14));
  Eigen::MatrixXd l = system.leontief_inverse();
  EXPECT_TRUE((l * i_minus_a).isApprox(Eigen::MatrixXd::Identity(3, 3), 1e-14));
  EXPECT_TRUE(leontief_inverse(e.technical).isApprox(l, 1e-15));
  EXPECT_EQ(system.size(), 3);
  EXPECT_TRUE((l.array() >= 0).all()) << "a productive A has a non-negative inverse";
}

TEST(LeontiefSystem, EmptyEconomy) {
  LeontiefSystem system{Eigen::MatrixXd(0, 0)};
  EXPECT_EQ(system.output_for(Eigen::VectorXd(0)).size(), 0);
  EXPECT_EQ(system.leontief_inverse().size(), 0);
  EXPECT_THROW(LeontiefSystem{Eigen::MatrixXd(2, 3)}, std::invalid_argument);
}
