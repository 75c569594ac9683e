// `planner compare --samples N`: the report's bands against a closed form. Two independent
// sectors share L workers, one per unit of output; goals coal 40 and steel 20 give
// λ* = L / 60, coal 40λ*, steel 20λ*. With L ~ uniform[24, 72]: λ*'s q-quantile is
// (24 + 48q) / 60, coal's 40 times it, and P(goal feasible) = P(L ≥ 60) = 0.25. The Monte
// Carlo quantile of N draws has standard error √(q(1−q)/N) / density (density 1/48 in L);
// the tests allow four of them. The probability's bound is four binomial standard errors.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>

#include "cli_run.hpp"
#include "scratch_dir.hpp"

namespace planner {
namespace {

const char* const kModel = R"(name = "two sectors"
unit = "Mt"
base_year = 1930
[[sector]]
id = "coal"
name = "Coal"
output = 10.0
export_price = 0.0
export_limit = 1000.0
[[sector]]
id = "steel"
name = "Steel"
output = 5.0
export_price = 0.0
export_limit = 1000.0
[technical]
lag = 0
rows = { coal = [0.0, 0.0], steel = [0.0, 0.0] }
[[resource]]
id = "labour"
name = "labour"
unit = "million workers"
available = { value = 48.0, low = 24.0, high = 72.0, dist = "uniform", reason = "test: a wide uniform range" }
per_output = { coal = 1.0, steel = 1.0 }
)";

const char* const kPlan = R"(name = "Two-sector plan"
model = "model.toml"
years = 2
[objective]
kind = "max-fulfilment"
[goals]
coal = { target = 40.0 }
steel = { target = 20.0 }
)";

constexpr std::size_t kSamples = 400;

class CompareSamples : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::scratch_dir("compare_samples");
    test::write_text(dir_ / "model.toml", kModel);
    test::write_text(dir_ / "plan.toml", kPlan);
  }
  test::CliRun compare(const std::string& extra) {
    return test::run_cli("compare " + (dir_ / "plan.toml").string() + " --no-history --no-frontiers --no-by-actual-year --samples " +
                         std::to_string(kSamples) + " " + extra);
  }
  std::filesystem::path dir_;
};

double quantile_bound(double q) { return 4.0 * std::sqrt(q * (1 - q) / kSamples) * 48.0 / 60.0; }

TEST_F(CompareSamples, JsonBandsMatchTheClosedForm) {
  const auto r = compare("--format json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  const auto& u = j.at("plans").at(0).at("uncertainty");
  EXPECT_EQ(u.at("samples"), kSamples);
  EXPECT_EQ(u.at("optimal"), kSamples);
  const std::vector<std::pair<const char*, double>> qs = {{"p5", 0.05}, {"p25", 0.25}, {"p50", 0.5}, {"p75", 0.75}, {"p95", 0.95}};
  for (const auto& [key, q] : qs) {
    const double lambda = (24.0 + 48.0 * q) / 60.0;
    EXPECT_NEAR(u.at("fulfilment").at(key).get<double>(), lambda, quantile_bound(q)) << key;
    EXPECT_NEAR(u.at("products").at("coal").at("path").at("1932").at(key).get<double>(), 40.0 * lambda, 40.0 * quantile_bound(q)) << key;
    EXPECT_NEAR(u.at("products").at("steel").at("path").at("1932").at(key).get<double>(), 20.0 * lambda, 20.0 * quantile_bound(q)) << key;
  }
  const double p_bound = 4.0 * std::sqrt(0.25 * 0.75 / kSamples);
  EXPECT_NEAR(u.at("prob_all_goals").get<double>(), 0.25, p_bound);
  EXPECT_NEAR(u.at("products").at("coal").at("prob_goal_feasible").get<double>(), 0.25, p_bound);
}

TEST_F(CompareSamples, CsvAppendsTheGoalYearBandAndHowSure) {
  const auto r = compare("--format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  std::istringstream in(r.out);
  std::string header, row;
  std::getline(in, header);
  EXPECT_NE(header.find(",p5,p25,p50,p75,p95,prob_goal_feasible"), std::string::npos) << header;
  std::getline(in, row);  // coal
  const double p = std::stod(row.substr(row.rfind(',') + 1));
  EXPECT_NEAR(p, 0.25, 4.0 * std::sqrt(0.25 * 0.75 / kSamples));
  // without --samples the columns stay as they were
  const auto plain = test::run_cli("compare " + (dir_ / "plan.toml").string() + " --no-history --format csv");
  ASSERT_EQ(plain.code, 0) << plain.err;
  EXPECT_EQ(plain.out.find("prob_goal_feasible"), std::string::npos);
}

TEST_F(CompareSamples, HtmlHasFanChartsHowSureAndTheTornado) {
  const auto r = compare("--sobol 32 --format html");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("id=\"how-sure\""), std::string::npos);
  EXPECT_NE(r.out.find("class=\"band band-p5-p95\""), std::string::npos);
  EXPECT_NE(r.out.find("class=\"band band-p25-p75\""), std::string::npos);
  EXPECT_NE(r.out.find("P(goal feasible)"), std::string::npos);
  EXPECT_NE(r.out.find("class=\"chart hbar-chart\""), std::string::npos);
  // the tornado names the only uncertain input
  EXPECT_NE(r.out.find("labour"), std::string::npos);
}

TEST_F(CompareSamples, SobolWithoutSamplesIsAUsageError) {
  const auto r = test::run_cli("compare " + (dir_ / "plan.toml").string() + " --sobol 8");
  EXPECT_EQ(r.code, 1);  // a bad command line
  EXPECT_NE(r.err.find("--samples"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace planner
