// planner/analysis/sparse_analysis: the sparse analysis equals the dense one (static_analysis)
// on the same random productive economy (n = 200; solves to a residual of 1e-12, compared at
// 1e-9), refuses a non-productive economy, and the dense/sparse dispatch rule.
#include "planner/analysis/sparse_analysis.hpp"

#include <gtest/gtest.h>

#include "expect_error.hpp"
#include "planner/analysis/static_analysis.hpp"
#include "sparse_test_economies.hpp"

using namespace planner::analysis;

namespace {

double relative_error(const Eigen::VectorXd& x, const Eigen::VectorXd& expected) {
  return (x - expected).norm() / expected.norm();
}

TEST(AnalyzeSparse, EqualsTheDenseAnalysis) {
  planner::Economy dense = sparse_test::dense_economy(sparse_test::random_technical(200, 5, 11));
  StaticAnalysis d = analyze(dense);
  SparseAnalysis s = analyze_sparse(sparse_test::sparse_economy(dense));

  EXPECT_EQ(s.sectors, d.sectors);
  EXPECT_EQ(s.resources, d.resources);
  EXPECT_LT(relative_error(s.required_output, d.required_output), 1e-9);
  EXPECT_LT(relative_error(s.output_multipliers, d.output_multipliers), 1e-9);
  EXPECT_LT(relative_error(s.backward_linkage, d.linkages.backward), 1e-9);
  EXPECT_LT(relative_error(s.forward_linkage_raw, d.linkages.forward_raw), 1e-9);
  EXPECT_LT(relative_error(s.forward_linkage, d.linkages.forward), 1e-9);
  EXPECT_LT(relative_error(s.input_multipliers.row(0).transpose(), d.input_multipliers.row(0).transpose()), 1e-9);
  EXPECT_EQ(s.key_sectors, d.linkages.key_sectors);
  EXPECT_EQ(s.nonzeros, static_cast<std::size_t>((d.technical.array() != 0).count()));

  // ρ(A) from the eigenvalues lies within the Collatz–Wielandt bounds, which are tight.
  EXPECT_LE(s.spectral_radius_lower, d.spectral_radius + 1e-12);
  EXPECT_GE(s.spectral_radius_upper, d.spectral_radius - 1e-12);
  EXPECT_NEAR(s.spectral_radius, d.spectral_radius, 1e-8);
  EXPECT_TRUE(s.productive);

  ASSERT_EQ(s.solves.size(), 4u);  // x, output multipliers, labour multipliers, L·x̄
  EXPECT_EQ(s.solves[0].quantity, "required_output");
  for (const auto& r : s.solves) {
    EXPECT_TRUE(r.converged) << r.quantity;
    EXPECT_LE(r.residual, 1e-12) << r.quantity;
  }
  EXPECT_LE(s.residual, 1e-12);
  EXPECT_LT(d.residual, 1e-13);  // the dense analysis reports its residual too
}

TEST(AnalyzeSparse, WithoutOutputsThereAreNoForwardLinkages) {
  planner::Economy dense = sparse_test::dense_economy(sparse_test::random_technical(30, 3, 5));
  planner::SparseEconomy e = sparse_test::sparse_economy(dense);
  e.sectors[4].output = 0.0;
  SparseAnalysis s = analyze_sparse(e);
  EXPECT_EQ(s.forward_linkage.size(), 0);
  EXPECT_TRUE(s.key_sectors.empty());
  EXPECT_EQ(s.output_multipliers.size(), 30);
}

TEST(AnalyzeSparse, RefusesANonProductiveEconomyNamingTheSectors) {
  Eigen::MatrixXd a = sparse_test::random_technical(40, 4, 8) * 2.5;  // column sums 0.75 … 2
  a.col(3) *= 3.0;
  a.col(7) *= 3.0;
  planner::Economy dense = sparse_test::dense_economy(a);
  Eigen::EigenSolver<Eigen::MatrixXd> eig(a, false);
  ASSERT_GT(eig.eigenvalues().cwiseAbs().maxCoeff(), 1.0);
  planner::expect_bad_input([&] { analyze_sparse(sparse_test::sparse_economy(dense)); },
                            {"not productive", "ρ(A) ≥", "Collatz–Wielandt", "s3 (", "test.toml"});
}

TEST(ChooseAnalysis, DenseUpToTheLimitOrWhenTheTableIsDense) {
  EXPECT_EQ(choose_analysis(3, 9), AnalysisKind::dense);
  EXPECT_EQ(choose_analysis(2000, 10), AnalysisKind::dense);
  EXPECT_EQ(choose_analysis(2001, 20010), AnalysisKind::sparse);           // 0.5% nonzero
  EXPECT_EQ(choose_analysis(5000, 5000ull * 5000 / 10), AnalysisKind::dense);  // 10% nonzero
  EXPECT_EQ(choose_analysis(5000, 5000ull * 5000 / 50), AnalysisKind::sparse); // 2%
  EXPECT_EQ(choose_analysis(50000, 50000ull * 50000 / 10), AnalysisKind::sparse);  // too big for dense
  EXPECT_EQ(choose_analysis(1000000, 10000000), AnalysisKind::sparse);
  EXPECT_EQ(to_string(AnalysisKind::sparse), "sparse");
}

}  // namespace
