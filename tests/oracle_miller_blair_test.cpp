// Oracle: /work/shared/oracles/miller_blair_2sector.txt — Miller & Blair (2009), ch. 2,
// Tables 2.3/2.4, with the answers and tolerances of pymrio tests/test_math.py (rtol 1e-5;
// A exact) and MacroEconometricModels.jl test/io (multipliers atol 1e-5, prices atol
// 1e-8…1e-12, extraction atol 1e-6). Every check runs twice: on an Economy built here from the
// oracle's own blocks, and on models/miller-blair-2 loaded through read_model.
#include <gtest/gtest.h>

#include "oracle_file.hpp"
#include "planner/analysis/extraction.hpp"
#include "planner/analysis/impact.hpp"
#include "planner/analysis/leontief.hpp"
#include "planner/analysis/price_model.hpp"
#include "planner/analysis/static_analysis.hpp"

namespace {

using namespace planner;
using namespace planner::analysis;
using oracle::expect_close;

const std::vector<oracle::Block>& blocks() {
  static const auto b = oracle::read_blocks("miller_blair_2sector.txt");
  return b;
}

/// The economy exactly as the oracle states it: Z, f, x and the labour satellite.
Economy economy_from_oracle() {
  oracle::Matrix z = oracle::matrix(oracle::block(blocks(), "Z"));
  oracle::Matrix fx = oracle::matrix(oracle::block(blocks(), "f (final demand)"));
  Economy e;
  e.name = "Miller & Blair (oracle)";
  for (std::size_t i = 0; i < z.rows.size(); ++i) {
    Sector s;
    s.id = z.rows[i];
    s.demand = fx.data(static_cast<Eigen::Index>(i), 0);
    s.output = fx.data(static_cast<Eigen::Index>(i), 1);
    e.sectors.push_back(s);
  }
  e.flows = z.data;
  e.technical = technical_coefficients(z.data, e.outputs());
  Resource labour;
  labour.id = "labour";
  labour.per_output = oracle::matrix(oracle::block(blocks(), "labour (satellite)")).data.col(0);
  e.resources.push_back(labour);
  return e;
}

class MillerBlair : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    if (std::string(GetParam()) == "oracle_file") {
      economy_ = economy_from_oracle();
    } else {
      ORACLE_LOAD_MODEL_OR_SKIP(loaded, "models/miller-blair-2/model.toml");
      economy_ = loaded;
    }
    analysis_ = analyze(economy_);
  }
  Economy economy_;
  StaticAnalysis analysis_;
};

TEST_P(MillerBlair, TechnicalCoefficientsAreExact) {
  // pymrio compares A from Z, x exactly (assert_array_equal); Table 2.4.
  Eigen::MatrixXd expected = oracle::matrix(oracle::block(blocks(), "expected A")).data;
  EXPECT_EQ(analysis_.technical, expected);
}

TEST_P(MillerBlair, LeontiefInverse) {
  expect_close(analysis_.leontief_inverse, oracle::matrix(oracle::block(blocks(), "expected L")).data, 1e-5, 0,
               "MB L vs pymrio fixture");
  // The oracle's exact inverse (1/0.7575)·[[0.95,0.25],[0.20,0.85]]: double precision, not a peer tolerance.
  expect_close(analysis_.leontief_inverse, oracle::matrix(oracle::block(blocks(), "L exact")).data, 1e-13, 0,
               "MB L vs exact inverse");
}

TEST_P(MillerBlair, OutputMultipliers) {
  const auto& b = oracle::block(blocks(), "output multipliers");
  Eigen::VectorXd expected(2);
  expected << std::stod(b.rows[0][1]), std::stod(b.rows[1][1]);
  expect_close(analysis_.output_multipliers, expected, 0, 1e-5, "MB output multipliers");
}

TEST_P(MillerBlair, NewFinalDemandGivesNewOutput) {
  // x_new = L f_new with f_new = (600, 1500); pymrio rtol 1e-5. Checked as the impact of
  // Δf = f_new − f on the base output, which is how `planner impact` computes it.
  oracle::Matrix shock = oracle::matrix(oracle::block(blocks(), "demand shock"));
  Eigen::VectorXd f_new = shock.data.col(0), x_new = shock.data.col(2);
  LeontiefSystem system(economy_.technical);
  expect_close(system.output_for(f_new), x_new, 1e-5, 0, "MB x_new = L f_new");
  DemandImpact d = demand_impact(economy_, system, f_new - economy_.demands());
  expect_close(economy_.outputs() + d.output_change, x_new, 1e-5, 0, "MB x + L Δf");
  // The book rounds x_new to one decimal.
  expect_close(system.output_for(f_new), shock.data.col(1), 0, 0.05, "MB x_new vs book rounding");
}

TEST_P(MillerBlair, LabourSatellite) {
  // F = S ∘ x_new with the rounded x_new (pymrio: ".25 because of rounding"), rtol 1e-5.
  oracle::Matrix lab = oracle::matrix(oracle::block(blocks(), "labour (satellite)"));
  const Eigen::VectorXd& s = economy_.resources.at(0).per_output;
  expect_close(s.cwiseProduct(lab.data.col(1)), lab.data.col(2), 1e-5, 0, "MB labour F = S x_new");
  // Type-I labour multiplier k·L.
  Eigen::RowVectorXd expected = s.transpose() * analysis_.leontief_inverse;
  expect_close(analysis_.input_multipliers.row(0), expected, 1e-13, 0, "MB labour multiplier k·L");
}

TEST_P(MillerBlair, PriceModel) {
  // MacroEconometricModels.jl test_io_price.jl: v = 1 − colsum(A), p = 1 (atol 1e-12);
  // dv = (0.1, 0) → dp atol 1e-8; dv = (0, 0.1) → dp atol 1e-10.
  oracle::Matrix p = oracle::matrix(oracle::block(blocks(), "Leontief price model"));
  EXPECT_TRUE(analysis_.value_added.resources.empty()) << "no resource is flagged value_added";
  expect_close(analysis_.value_added.coefficients, p.data.col(0), 0, 1e-12, "MB v = 1 - colsum A");
  expect_close(analysis_.prices, p.data.col(1), 0, 1e-12, "MB base prices");
  LeontiefSystem system(economy_.technical);
  expect_close(price_change(system, Eigen::Vector2d(0.1, 0.0)), p.data.col(2), 0, 1e-8, "MB dp for dv1");
  expect_close(price_change(system, Eigen::Vector2d(0.0, 0.1)), p.data.col(3), 0, 1e-10, "MB dp for dv2");
}

TEST_P(MillerBlair, HypotheticalExtraction) {
  // MacroEconometricModels.jl test_io_extraction.jl, atol 1e-6.
  oracle::Matrix loss = oracle::matrix(oracle::block(blocks(), "hypothetical extraction"));
  Extraction e = hypothetical_extraction(economy_, {"sec1"});
  expect_close(e.loss, loss.data.topRows(2), 0, 1e-6, "MB extraction sec1 sector losses");
  expect_close(Eigen::VectorXd::Constant(1, e.total_loss), loss.data.bottomRows(1), 0, 1e-6, "MB extraction total");
  Extraction both = hypothetical_extraction(economy_, {"sec1", "sec2"});
  EXPECT_NEAR(both.total_loss, 3000.0, 1e-6);
  EXPECT_NEAR(both.total_loss_share, 1.0, 1e-12);
}

INSTANTIATE_TEST_SUITE_P(Oracle, MillerBlair, ::testing::Values("oracle_file", "bundled_model"));

}  // namespace
