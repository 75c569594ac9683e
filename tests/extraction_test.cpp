#include "planner/analysis/extraction.hpp"

#include <gtest/gtest.h>

#include "analysis_test_economies.hpp"
#include "planner/model/error.hpp"

using namespace planner::analysis;

TEST(HypotheticalExtraction, AgreesWithADirectReSolveOfTheReducedSystem) {
  // Independent computation: remove steel's row, column and demand by hand and solve the 2×2
  // system with a Householder QR; tolerance 1e-12 relative to the output scale.
  planner::Economy e = analysis_test::three_sectors();
  Extraction x = hypothetical_extraction(e, {"steel"});
  Eigen::Matrix2d a;
  a << e.technical(0, 0), e.technical(0, 2), e.technical(2, 0), e.technical(2, 2);
  Eigen::Vector2d f(e.sectors[0].demand, e.sectors[2].demand);
  Eigen::Vector2d reduced = (Eigen::Matrix2d::Identity() - a).colPivHouseholderQr().solve(f);
  Eigen::VectorXd base = (Eigen::Matrix3d::Identity() - e.technical).colPivHouseholderQr().solve(e.demands());
  const double tol = 1e-12 * base.maxCoeff();
  EXPECT_EQ(x.extracted, (std::vector<std::size_t>{1}));
  EXPECT_LE((x.baseline_output - base).cwiseAbs().maxCoeff(), tol);
  EXPECT_NEAR(x.extracted_output[0], reduced[0], tol);
  EXPECT_EQ(x.extracted_output[1], 0.0);
  EXPECT_NEAR(x.extracted_output[2], reduced[1], tol);
  EXPECT_NEAR(x.loss[1], base[1], tol) << "the extracted sector loses all its output";
  EXPECT_NEAR(x.total_loss, base.sum() - reduced.sum(), 3 * tol);
  EXPECT_NEAR(x.total_loss_share, x.total_loss / base.sum(), 1e-15);
  EXPECT_TRUE((x.loss.array() >= -tol).all()) << "no sector gains from losing a supplier or buyer";
}

TEST(HypotheticalExtraction, NothingAndEverything) {
  planner::Economy e = analysis_test::three_sectors();
  Extraction none = hypothetical_extraction(e, {});
  EXPECT_EQ(none.total_loss, 0.0);
  Extraction all = hypothetical_extraction(e, {"coal", "steel", "transport"});
  EXPECT_NEAR(all.total_loss, all.baseline_output.sum(), 1e-12);
  EXPECT_EQ(all.extracted_output, Eigen::Vector3d::Zero());
}

TEST(HypotheticalExtraction, UnknownSectorAndNonProductiveEconomy) {
  planner::Economy e = analysis_test::three_sectors();
  try {
    hypothetical_extraction(e, {"oil"});
    FAIL();
  } catch (const planner::Error& err) {
    EXPECT_EQ(err.code(), planner::ExitCode::usage);
  }
  auto bad = analysis_test::economy({"a", "b"}, Eigen::MatrixXd::Constant(2, 2, 0.6), Eigen::Vector2d(1, 1),
                                    Eigen::Vector2d(1, 1));
  try {
    hypothetical_extraction(bad, {"a"});
    FAIL();
  } catch (const planner::Error& err) {
    EXPECT_EQ(err.code(), planner::ExitCode::bad_input);
  }
}
