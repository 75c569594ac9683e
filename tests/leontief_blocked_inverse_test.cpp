// The blocked Leontief inverse of planner/analysis/leontief (U⁻¹·L_lu⁻¹·P by column blocks)
// against Eigen's lu.inverse() on sizes that span several 128-column blocks (700: n² above
// 4·10⁵, so two threads share the blocks where two cores exist), and its residual.
#include <gtest/gtest.h>

#include "planner/analysis/leontief.hpp"
#include "sparse_test_economies.hpp"

using namespace planner::analysis;

TEST(LeontiefBlockedInverse, MatchesEigensInverseAcrossBlocks) {
  for (int n : {1, 2, 127, 128, 129, 300, 700}) {
    Eigen::MatrixXd a = sparse_test::random_technical(n, std::min(n, 40), static_cast<unsigned>(n));
    LeontiefSystem system(a);
    Eigen::MatrixXd l = system.leontief_inverse();
    Eigen::MatrixXd expected = (Eigen::MatrixXd::Identity(n, n) - a).partialPivLu().inverse();
    EXPECT_LT((l - expected).norm() / expected.norm(), 1e-13) << "n = " << n;
    EXPECT_LT(system.inverse_residual(l), 1e-13) << "n = " << n;
  }
}

TEST(LeontiefBlockedInverse, NeedsPivotingToo) {
  // I − A with a zero pivot at (0,0) (a(0,0) = 1): partial pivoting must swap rows.
  Eigen::MatrixXd a(3, 3);
  a << 1.0, 0.2, 0.0,
       0.5, 0.0, 0.3,
       0.0, 0.4, 0.1;
  LeontiefSystem system(a);
  Eigen::MatrixXd l = system.leontief_inverse();
  EXPECT_TRUE(((Eigen::MatrixXd::Identity(3, 3) - a) * l).isApprox(Eigen::MatrixXd::Identity(3, 3), 1e-14));
}

TEST(LeontiefResidual, MeasuresHowWellASolveFits) {
  Eigen::MatrixXd a = sparse_test::random_technical(20, 5, 9);
  LeontiefSystem system(a);
  Eigen::VectorXd f = Eigen::VectorXd::Ones(20);
  Eigen::VectorXd x = system.output_for(f);
  EXPECT_LT(system.residual(x, f), 1e-14);
  EXPECT_GT(system.residual(x * 1.01, f), 1e-3);  // a wrong x shows
  Eigen::VectorXd p = system.solve_transposed(f);
  EXPECT_LT(system.residual_transposed(p, f), 1e-14);
  EXPECT_GT(system.inverse_residual(system.leontief_inverse() * 1.001), 1e-4);
}
