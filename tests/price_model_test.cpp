#include "planner/analysis/price_model.hpp"

#include <gtest/gtest.h>

#include "analysis_test_economies.hpp"

using namespace planner::analysis;

TEST(ValueAddedCoefficients, SumOfResourcesFlaggedValueAdded) {
  planner::Economy e = analysis_test::three_sectors();  // wages and profits flagged, labour not
  ValueAdded v = value_added_coefficients(e);
  EXPECT_EQ(v.resources, (std::vector<std::string>{"wages", "profits"}));
  EXPECT_TRUE(v.coefficients.isApprox(Eigen::Vector3d(0.3, 0.15, 0.15), 1e-15));
}

TEST(ValueAddedCoefficients, ResidualWhenNoneIsFlagged) {
  planner::Economy e = analysis_test::three_sectors();
  e.resources.clear();
  ValueAdded v = value_added_coefficients(e);
  EXPECT_TRUE(v.resources.empty());
  EXPECT_TRUE(v.coefficients.isApprox(Eigen::Vector3d(0.6, 0.3, 0.2), 1e-15));  // 1 − (0.4, 0.7, 0.8)
  // …which makes every base price 1.
  EXPECT_TRUE(prices(LeontiefSystem(e.technical), v.coefficients).isApprox(Eigen::Vector3d::Ones(), 1e-14));
}

TEST(Prices, CoverInputsAndValueAdded) {
  planner::Economy e = analysis_test::three_sectors();
  LeontiefSystem system(e.technical);
  Eigen::VectorXd v = value_added_coefficients(e).coefficients;
  Eigen::VectorXd p = prices(system, v);
  // p_j = Σ_i A[i][j] p_i + v_j
  EXPECT_TRUE(p.isApprox(e.technical.transpose() * p + v, 1e-14));
  // Cost push is linear: p(v + Δv) = p(v) + Δp.
  Eigen::Vector3d dv(0.0, 0.05, 0.0);
  EXPECT_TRUE(prices(system, v + dv).isApprox(p + price_change(system, dv), 1e-14));
}
