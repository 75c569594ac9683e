#include "planner/analysis/multipliers.hpp"

#include <gtest/gtest.h>

#include "analysis_test_economies.hpp"

using namespace planner::analysis;

TEST(OutputMultipliers, AreColumnSumsOfL) {
  Eigen::MatrixXd l(2, 2);
  l << 1.2, 0.3, 0.4, 1.1;
  EXPECT_TRUE(output_multipliers(l).isApprox(Eigen::Vector2d(1.6, 1.4), 1e-15));
}

TEST(InputMultipliers, AreKTimesL) {
  planner::Economy e = analysis_test::three_sectors();
  LeontiefSystem system(e.technical);
  const Eigen::VectorXd& k = e.resources[0].per_output;
  Eigen::RowVectorXd expected = k.transpose() * system.leontief_inverse();
  EXPECT_TRUE(input_multipliers(system, k).transpose().isApprox(expected, 1e-14));
  // Direct + indirect use is at least the direct coefficient.
  EXPECT_TRUE((input_multipliers(system, k).array() >= k.array()).all());
}
