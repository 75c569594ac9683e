#include "planner/analysis/static_analysis.hpp"

#include <gtest/gtest.h>

#include "analysis_test_economies.hpp"
#include "planner/model/error.hpp"

using namespace planner::analysis;

TEST(Analyze, EveryResultIsConsistent) {
  planner::Economy e = analysis_test::three_sectors();
  StaticAnalysis a = analyze(e);
  const Eigen::MatrixXd i_minus_a = Eigen::MatrixXd::Identity(3, 3) - e.technical;
  EXPECT_EQ(a.sectors, (std::vector<std::string>{"coal", "steel", "transport"}));
  EXPECT_EQ(a.resources, (std::vector<std::string>{"labour", "wages", "profits"}));
  EXPECT_TRUE((a.leontief_inverse * i_minus_a).isApprox(Eigen::MatrixXd::Identity(3, 3), 1e-14));
  // No flows in the file: Z = A·diag(x̄), B = diag(x̄)⁻¹·Z.
  EXPECT_TRUE(a.flows.isApprox(e.technical * e.outputs().asDiagonal(), 1e-14));
  EXPECT_TRUE((a.ghosh_inverse * (Eigen::MatrixXd::Identity(3, 3) - a.allocation)).isApprox(Eigen::MatrixXd::Identity(3, 3), 1e-14));
  EXPECT_TRUE(a.output_multipliers.isApprox(a.leontief_inverse.colwise().sum().transpose(), 1e-15));
  EXPECT_EQ(a.output_multipliers, a.linkages.backward_raw);
  EXPECT_NEAR(a.linkages.backward.mean(), 1.0, 1e-14);
  EXPECT_NEAR(a.linkages.forward.mean(), 1.0, 1e-14);
  for (int r = 0; r < 3; ++r)
    EXPECT_TRUE(a.input_multipliers.row(r).isApprox(e.resources[static_cast<std::size_t>(r)].per_output.transpose() * a.leontief_inverse, 1e-14));
  EXPECT_TRUE(a.prices.isApprox(e.technical.transpose() * a.prices + a.value_added.coefficients, 1e-14));
  EXPECT_TRUE(a.productive);
  EXPECT_GT(a.spectral_radius, 0.0);
  EXPECT_LT(a.spectral_radius, 1.0);
  EXPECT_TRUE(a.inputs_exceed_output.empty());
  EXPECT_EQ(a.linkages.key_sectors.size(), 3u);
}

TEST(Analyze, RefusesANonProductiveEconomyByName) {
  Eigen::MatrixXd a(2, 2);
  a << 0.9, 0.2, 0.4, 0.6;  // ρ ≈ 1.07; coal's column sums to 1.3
  auto e = analysis_test::economy({"coal", "steel"}, a, Eigen::Vector2d(1, 1), Eigen::Vector2d(1, 1));
  try {
    analyze(e);
    FAIL() << "analysed a non-productive economy";
  } catch (const planner::Error& err) {
    EXPECT_EQ(err.code(), planner::ExitCode::bad_input);
    std::string m = err.what();
    EXPECT_NE(m.find("coal (1.3)"), std::string::npos) << m;
    EXPECT_EQ(m.find("steel ("), std::string::npos) << m;
  }
}

TEST(Analyze, ReportsColumnSumsAboveOneOfAProductiveEconomy) {
  Eigen::MatrixXd a(2, 2);
  a << 0.2, 0.9, 0.1, 0.3;  // steel uses 1.2 per unit; ρ ≈ 0.58
  auto e = analysis_test::economy({"coal", "steel"}, a, Eigen::Vector2d(10, 5), Eigen::Vector2d(1, 1));
  StaticAnalysis r = analyze(e);
  EXPECT_EQ(r.inputs_exceed_output, (std::vector<std::string>{"steel"}));
}
