// RAS and GRAS (planner/analysis/matrix_balancing): Miller & Blair's RAS example
// (oracles/miller_blair_ras_3sector.txt), the GRAS example with negative cells of Temurshoev,
// Miller & Bouwmeester (2013), and the errors for totals no scaling can reach.
#include "planner/analysis/matrix_balancing.hpp"

#include <gtest/gtest.h>

#include "expect_error.hpp"
#include "oracle_file.hpp"

namespace {

using planner::analysis::balance_matrix;
using planner::analysis::BalanceMethod;
using planner::analysis::BalanceOptions;

TEST(MatrixBalancing, MillerBlairRasOracle) {
  const auto blocks = oracle::read_blocks("miller_blair_ras_3sector.txt");
  const Eigen::MatrixXd a0 = oracle::matrix(oracle::block(blocks, "A0 (base-year")).data;
  const auto x1_block = oracle::block(blocks, "x1 (target-year");
  Eigen::VectorXd x1(3), u(3), v(3);
  for (int k = 0; k < 3; ++k) x1[k] = std::stod(x1_block.rows[static_cast<std::size_t>(k + 1)][1]);
  const auto margins = oracle::block(blocks, "margins derived");
  for (int k = 0; k < 3; ++k) {
    u[k] = std::stod(margins.rows[static_cast<std::size_t>(k + 1)][1]);
    v[k] = std::stod(margins.rows[static_cast<std::size_t>(k + 1)][2]);
  }
  // RAS acts on the flows Z0 = A0 diag(x1); the oracle's A1 = r_i A0 s_j = balanced / x1_j.
  const Eigen::MatrixXd z0 = a0 * x1.asDiagonal();
  BalanceOptions o;
  o.tolerance = 1e-13;
  const auto r = balance_matrix(z0, u, v, o);
  const Eigen::MatrixXd a1 = r.balanced * x1.cwiseInverse().asDiagonal();
  // Printed to 10 decimals: half a unit of the last one.
  oracle::expect_close(a1, oracle::matrix(oracle::block(blocks, "expected converged RAS")).data, 0, 5e-11, "A1_RAS");
  // The multipliers in the oracle's normalisation (start r = s = 1, rows first).
  const auto rs = oracle::block(blocks, "row multipliers r");
  for (int k = 0; k < 3; ++k) {
    EXPECT_NEAR(r.r[k], std::stod(rs.rows[static_cast<std::size_t>(k + 1)][1]), 1e-9);
    EXPECT_NEAR(r.s[k], std::stod(rs.rows[static_cast<std::size_t>(k + 1)][2]), 1e-9);
  }
  EXPECT_LE(r.max_residual, 1e-13 * 251);
  EXPECT_EQ(r.residual_history.size(), static_cast<std::size_t>(r.iterations));
  EXPECT_GT(r.iterations, 5);  // the GAMS stopping rule's 5 iterations are not converged at 1e-13
}

// Temurshoev, Miller & Bouwmeester (2013), "A note on the GRAS method", Economic Systems
// Research 25(3), 361–367: the 3×4 example with negative cells. The solution is as printed
// (to 9 decimals) in the unit test of an R implementation of GRAS found by `search`; their
// stopping rule leaves errors ≈ 3e-7 (−2.000000263 for a total of −2), hence 1e-6.
TEST(MatrixBalancing, GrasPublishedExample) {
  Eigen::MatrixXd z(3, 4);
  z << 7, 3, 5, -3,  //
      2, 9, 8, 0,    //
      -2, 0, 2, 0;
  Eigen::VectorXd u(3), v(4);
  u << 15, 26, -1;
  v << 9, 16, 17, -2;
  Eigen::MatrixXd expected(3, 4);
  expected << 8.424340881, 3.375237362, 5.200422021, -2.000000263,  //
      3.000997078, 12.624763744, 10.374239178, 0,                   //
      -2.425339135, 0, 1.425339135, 0;
  BalanceOptions o;
  o.method = BalanceMethod::gras;
  const auto r = balance_matrix(z, u, v, o);
  oracle::expect_close(r.balanced, expected, 0, 1e-6, "GRAS (Temurshoev et al. 2013)");
  // Independent checks: the margins hold, every cell keeps its sign, zeros stay zero.
  EXPECT_LE((r.balanced.rowwise().sum() - u).cwiseAbs().maxCoeff(), 1e-9);
  EXPECT_LE((r.balanced.colwise().sum().transpose() - v).cwiseAbs().maxCoeff(), 1e-9);
  for (Eigen::Index i = 0; i < 3; ++i)
    for (Eigen::Index j = 0; j < 4; ++j) {
      EXPECT_GE(r.balanced(i, j) * z(i, j), 0.0);
      if (z(i, j) == 0) {
        EXPECT_EQ(r.balanced(i, j), 0.0);
      }
    }
}

// On a nonnegative matrix GRAS's quadratic has n = 0, so it is RAS to the last bit of the logic.
TEST(MatrixBalancing, GrasOnNonnegativeMatrixIsRas) {
  Eigen::MatrixXd z(2, 3);
  z << 1, 2, 3, 4, 5, 6;
  Eigen::VectorXd u(2), v(3);
  u << 10, 20;
  v << 8, 9, 13;
  BalanceOptions ras, gras;
  gras.method = BalanceMethod::gras;
  EXPECT_LE((balance_matrix(z, u, v, ras).balanced - balance_matrix(z, u, v, gras).balanced).cwiseAbs().maxCoeff(), 1e-12);
}

TEST(MatrixBalancing, TotalsWithDifferentSumsAreRefused) {
  Eigen::MatrixXd z = Eigen::MatrixXd::Ones(2, 2);
  Eigen::VectorXd u(2), v(2);
  u << 3, 4;
  v << 3, 5;
  BalanceOptions o;
  o.source = "totals.csv";
  planner::expect_bad_input([&] { balance_matrix(z, u, v, o); },
                            {"totals.csv", "row totals sum to 7 but the column totals to 8"});
}

TEST(MatrixBalancing, UnreachableTotalsNameTheRowOrColumn) {
  BalanceOptions o;
  o.source = "t.csv";
  o.row_ids = {"coal", "steel"};
  o.col_ids = {"coal", "steel"};
  Eigen::MatrixXd z(2, 2);
  z << 1, 1, 0, 0;  // steel's row is empty
  Eigen::VectorXd u(2), v(2);
  u << 1, 1;
  v << 1, 1;
  planner::expect_bad_input([&] { balance_matrix(z, u, v, o); }, {"t.csv", "row \"steel\"", "all its cells are zero"});
  z << 1, -1, 1, 1;
  planner::expect_bad_input([&] { balance_matrix(z, u, v, o); }, {"row \"coal\", column \"steel\"", "negative cell", "gras"});
  o.method = BalanceMethod::gras;
  z << 1, 1, 0, -1;  // steel's row has only a negative cell: it cannot sum to +1
  planner::expect_bad_input([&] { balance_matrix(z, u, v, o); }, {"row \"steel\"", "all negative"});
}

// Each row and column has cells, but together they cannot: steel's row has only the cell
// (steel, steel), which would have to be 2 while steel's column total is 1. RAS cannot converge.
TEST(MatrixBalancing, NonConvergenceNamesTheWorstLine) {
  Eigen::MatrixXd z(2, 2);
  z << 1, 1, 0, 1;
  Eigen::VectorXd u(2), v(2);
  u << 1, 2;
  v << 2, 1;
  BalanceOptions o;
  o.source = "t.csv";
  o.row_ids = o.col_ids = {"coal", "steel"};
  o.max_iterations = 200;
  planner::expect_bad_input([&] { balance_matrix(z, u, v, o); }, {"t.csv", "did not converge in 200 iterations", "worst residual"});
}

}  // namespace
