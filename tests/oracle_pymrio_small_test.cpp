// Oracle: /work/shared/oracles/pymrio_small_mrio_2region_3sector.txt — pymrio's small MRIO
// (tests/test_math.py, fixture td_small_MRIO). Tolerance as the peer: pandas assert_frame_equal
// defaults, rtol 1e-5 and atol 1e-8 (B and G are stored to 8 dp, so not tighter). Checks run on
// an Economy built here from the oracle's Z, Y, F and on models/pymrio-small via read_model.
#include <gtest/gtest.h>

#include "oracle_file.hpp"
#include "planner/analysis/leontief.hpp"
#include "planner/analysis/static_analysis.hpp"

namespace {

using namespace planner;
using namespace planner::analysis;
using oracle::expect_close;

constexpr double kRtol = 1e-5, kAtol = 1e-8;

const std::vector<oracle::Block>& blocks() {
  static const auto b = oracle::read_blocks("pymrio_small_mrio_2region_3sector.txt");
  return b;
}

/// pymrio's "reg1/sector1" is the model's "reg1_sector1".
std::string model_id(std::string id) {
  for (auto& c : id)
    if (c == '/') c = '_';
  return id;
}

/// x = row sums of Z + row sums of Y; f = row sums of Y; S = F / x.
Economy economy_from_oracle() {
  oracle::Matrix z = oracle::matrix(oracle::block(blocks(), "Z"));
  oracle::Matrix y = oracle::matrix(oracle::block(blocks(), "Y (one final-demand"));
  oracle::Matrix f = oracle::matrix(oracle::block(blocks(), "F (stressors"));
  Economy e;
  Eigen::VectorXd demand = y.data.rowwise().sum();
  Eigen::VectorXd x = z.data.rowwise().sum() + demand;
  for (std::size_t i = 0; i < z.rows.size(); ++i) {
    Sector s;
    s.id = model_id(z.rows[i]);
    s.output = x[static_cast<Eigen::Index>(i)];
    s.demand = demand[static_cast<Eigen::Index>(i)];
    e.sectors.push_back(s);
  }
  e.flows = z.data;
  e.technical = technical_coefficients(z.data, x);
  for (std::size_t r = 0; r < f.rows.size(); ++r) {
    Resource res;
    res.id = f.rows[r];
    res.per_output = f.data.row(static_cast<Eigen::Index>(r)).transpose().cwiseQuotient(x);
    e.resources.push_back(res);
  }
  return e;
}

class PymrioSmall : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    if (std::string(GetParam()) == "oracle_file") {
      economy_ = economy_from_oracle();
    } else {
      ORACLE_LOAD_MODEL_OR_SKIP(loaded, "models/pymrio-small/model.toml");
      economy_ = loaded;
    }
    // Sector order and ids must be the oracle's, flattened.
    oracle::Matrix z = oracle::matrix(oracle::block(blocks(), "Z"));
    std::vector<std::string> ids;
    for (const auto& r : z.rows) ids.push_back(model_id(r));
    ASSERT_EQ(economy_.sector_ids(), ids);
    analysis_ = analyze(economy_);
  }
  Economy economy_;
  StaticAnalysis analysis_;
};

const Eigen::MatrixXd& expected(const std::string& block) {
  static std::map<std::string, Eigen::MatrixXd> cache;
  auto it = cache.find(block);
  if (it == cache.end()) it = cache.emplace(block, oracle::matrix(oracle::block(blocks(), block)).data).first;
  return it->second;
}

TEST_P(PymrioSmall, Output) { expect_close(analysis_.output, expected("expected x"), kRtol, kAtol, "pymrio x"); }

TEST_P(PymrioSmall, TechnicalCoefficients) {
  expect_close(analysis_.technical, expected("expected A"), kRtol, kAtol, "pymrio A");
}

TEST_P(PymrioSmall, AllocationCoefficients) {
  expect_close(analysis_.allocation, expected("expected B"), kRtol, kAtol, "pymrio B");
}

TEST_P(PymrioSmall, LeontiefInverse) {
  expect_close(analysis_.leontief_inverse, expected("expected L"), kRtol, kAtol, "pymrio L");
}

TEST_P(PymrioSmall, GhoshInverse) {
  expect_close(analysis_.ghosh_inverse, expected("expected G"), kRtol, kAtol, "pymrio G");
}

TEST_P(PymrioSmall, StressorIntensities) {
  Eigen::MatrixXd s(2, 6);
  for (int r = 0; r < 2; ++r) s.row(r) = economy_.resources.at(static_cast<std::size_t>(r)).per_output.transpose();
  expect_close(s, expected("expected S"), kRtol, kAtol, "pymrio S");
}

TEST_P(PymrioSmall, UpstreamMultipliersAreInputMultipliers) {
  // pymrio's M = S·L is the type-I input multiplier k·L of each stressor.
  ASSERT_EQ(analysis_.resources, (std::vector<std::string>{"ext_type_1", "ext_type_2"}));
  expect_close(analysis_.input_multipliers, expected("expected M = S L"), kRtol, kAtol, "pymrio M");
}

INSTANTIATE_TEST_SUITE_P(Oracle, PymrioSmall, ::testing::Values("oracle_file", "bundled_model"));

}  // namespace
