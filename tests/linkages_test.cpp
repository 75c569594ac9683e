#include "planner/analysis/linkages.hpp"

#include <gtest/gtest.h>

using namespace planner::analysis;

TEST(RasmussenIndex, DividesByTheMean) {
  EXPECT_TRUE(rasmussen_index(Eigen::Vector3d(1, 2, 3)).isApprox(Eigen::Vector3d(0.5, 1.0, 1.5), 1e-15));
  EXPECT_EQ(rasmussen_index(Eigen::Vector2d(0, 0)), Eigen::Vector2d(0, 0));
  EXPECT_EQ(rasmussen_index(Eigen::VectorXd(0)).size(), 0);
}

TEST(Classify, KeyBackwardForwardWeak) {
  EXPECT_EQ(classify(1.0, 1.0), SectorClass::key);
  EXPECT_EQ(classify(1.2, 0.9), SectorClass::backward);
  EXPECT_EQ(classify(0.9, 1.2), SectorClass::forward);
  EXPECT_EQ(classify(0.9, 0.99), SectorClass::weak);
  EXPECT_EQ(to_string(SectorClass::key), "key");
  EXPECT_EQ(to_string(SectorClass::backward), "backward");
  EXPECT_EQ(to_string(SectorClass::forward), "forward");
  EXPECT_EQ(to_string(SectorClass::weak), "weak");
}

TEST(Linkages, BackwardFromColumnsOfLForwardFromRowsOfG) {
  Eigen::MatrixXd l(2, 2), g(2, 2);
  l << 1.5, 0.1, 0.5, 1.1;  // column sums 2.0, 1.2 → backward 1.25, 0.75
  g << 1.0, 0.2, 0.6, 1.4;  // row sums 1.2, 2.0 → forward 0.75, 1.25
  Linkages k = linkages(l, g);
  EXPECT_TRUE(k.backward_raw.isApprox(Eigen::Vector2d(2.0, 1.2), 1e-15));
  EXPECT_TRUE(k.forward_raw.isApprox(Eigen::Vector2d(1.2, 2.0), 1e-15));
  EXPECT_TRUE(k.backward.isApprox(Eigen::Vector2d(1.25, 0.75), 1e-15));
  EXPECT_TRUE(k.forward.isApprox(Eigen::Vector2d(0.75, 1.25), 1e-15));
  EXPECT_EQ(k.key_sectors, (std::vector<SectorClass>{SectorClass::backward, SectorClass::forward}));
}
