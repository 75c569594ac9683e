#include "planner/analysis/impact.hpp"

#include <gtest/gtest.h>

#include "analysis_test_economies.hpp"
#include "planner/model/error.hpp"

using namespace planner::analysis;

TEST(DemandChangeVector, PlacesChangesBySectorId) {
  planner::Economy e = analysis_test::three_sectors();
  Eigen::VectorXd df = demand_change_vector(e, {{"transport", -5.0}, {"coal", 10.0}});
  EXPECT_EQ(df, Eigen::Vector3d(10.0, 0.0, -5.0));
}

TEST(DemandChangeVector, UnknownOrRepeatedSectorIsAUsageError) {
  planner::Economy e = analysis_test::three_sectors();
  try {
    demand_change_vector(e, {{"oil", 1.0}});
    FAIL();
  } catch (const planner::Error& err) {
    EXPECT_EQ(err.code(), planner::ExitCode::usage);
    EXPECT_NE(std::string(err.what()).find("unknown sector 'oil' (the model's sectors: coal, steel, transport)"),
              std::string::npos)
        << err.what();
  }
  EXPECT_THROW(demand_change_vector(e, {{"coal", 1.0}, {"coal", 2.0}}), planner::Error);
}

TEST(DemandImpact, AgreesWithADirectReSolve) {
  // Independent computation: x(f + Δf) − x(f), each solved with a Householder QR of I − A
  // (not the LU the library uses). Tolerance 1e-12 relative to the output scale.
  planner::Economy e = analysis_test::three_sectors();
  Eigen::Vector3d df(10.0, 0.0, -5.0);
  DemandImpact d = demand_impact(e, df);
  Eigen::MatrixXd i_minus_a = Eigen::MatrixXd::Identity(3, 3) - e.technical;
  auto qr = i_minus_a.colPivHouseholderQr();
  Eigen::VectorXd f = e.demands();
  Eigen::VectorXd expected = qr.solve(f + df) - qr.solve(f);
  EXPECT_LE((d.output_change - expected).cwiseAbs().maxCoeff(), 1e-12 * e.outputs().maxCoeff());
  EXPECT_NEAR(d.total_output_change, expected.sum(), 1e-11);
  EXPECT_EQ(d.demand_change, Eigen::VectorXd(df));
  ASSERT_EQ(d.resource_change.size(), 3);
  EXPECT_NEAR(d.resource_change[0], e.resources[0].per_output.dot(expected), 1e-12);
}

TEST(DemandImpact, RefusesANonProductiveEconomy) {
  auto e = analysis_test::economy({"a", "b"}, Eigen::MatrixXd::Constant(2, 2, 0.6), Eigen::Vector2d(1, 1),
                                  Eigen::Vector2d(1, 1));
  EXPECT_THROW(demand_impact(e, Eigen::Vector2d(1, 0)), planner::Error);
}
