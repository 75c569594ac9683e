#include "planner/analysis/productivity.hpp"

#include <gtest/gtest.h>

#include "analysis_test_economies.hpp"
#include "planner/model/error.hpp"

using namespace planner::analysis;

TEST(SpectralRadius, LargestEigenvalueModulus) {
  Eigen::MatrixXd a(2, 2);
  a << 0.0, 0.5, 0.5, 0.0;
  EXPECT_NEAR(spectral_radius(a), 0.5, 1e-14);
  Eigen::MatrixXd rotation(2, 2);  // eigenvalues ±0.3i
  rotation << 0.0, 0.3, -0.3, 0.0;
  EXPECT_NEAR(spectral_radius(rotation), 0.3, 1e-14);
  EXPECT_EQ(spectral_radius(Eigen::MatrixXd(0, 0)), 0.0);
}

TEST(CheckProductivity, AColumnSumAboveOneAloneIsReportedNotRefused) {
  // Like pymrio's small MRIO: sector 2 uses 1.2 units of inputs per unit, yet ρ(A) = 0.5.
  Eigen::MatrixXd a(2, 2);
  a << 0.5, 1.2, 0.0, 0.0;
  Productivity p = check_productivity(a);
  EXPECT_TRUE(p.productive);
  EXPECT_NEAR(p.spectral_radius, 0.5, 1e-14);
  EXPECT_EQ(p.inputs_exceed_output, (std::vector<std::size_t>{1}));
  EXPECT_NEAR(p.column_sums[1], 1.2, 1e-15);
}

TEST(RequireProductive, RefusesSpectralRadiusAtLeastOneNamingTheSectors) {
  Eigen::MatrixXd a(3, 3);
  a << 0.6, 0.5, 0.0,
       0.5, 0.6, 0.0,
       0.0, 0.0, 0.1;  // ρ = 1.1; coal and steel each use 1.1 per unit
  auto e = analysis_test::economy({"coal", "steel", "grain"}, a, Eigen::Vector3d(1, 1, 1), Eigen::Vector3d(1, 1, 1));
  try {
    require_productive(e);
    FAIL() << "a non-productive economy was accepted";
  } catch (const planner::Error& err) {
    EXPECT_EQ(err.code(), planner::ExitCode::bad_input);
    std::string m = err.what();
    EXPECT_NE(m.find("not productive"), std::string::npos) << m;
    EXPECT_NE(m.find("ρ(A) = 1.1"), std::string::npos) << m;
    EXPECT_NE(m.find("coal (1.1)"), std::string::npos) << m;
    EXPECT_NE(m.find("steel (1.1)"), std::string::npos) << m;
    EXPECT_EQ(m.find("grain"), std::string::npos) << m;
    EXPECT_EQ(err.file(), "test.toml");
  }
}

TEST(RequireProductive, SpectralRadiusExactlyOneIsRefused) {
  Eigen::MatrixXd a = Eigen::MatrixXd::Constant(2, 2, 0.5);  // ρ = 1: I − A is singular
  auto e = analysis_test::economy({"a", "b"}, a, Eigen::Vector2d(1, 1), Eigen::Vector2d(0, 0));
  EXPECT_THROW(require_productive(e), planner::Error);
}

TEST(RequireProductive, AcceptsAProductiveEconomy) {
  Productivity p = require_productive(analysis_test::three_sectors());
  EXPECT_TRUE(p.productive);
  EXPECT_LT(p.spectral_radius, 1.0);
  EXPECT_TRUE(p.inputs_exceed_output.empty());
}
