// The uncertainty run over plans (planner/uncertainty/plan_draws, plan_uncertainty): uncertain
// numbers are read where the files put them, draws re-read the files with drawn values, and the
// summary's percentiles follow the draws. Oracles: the deterministic solve (zero-width ranges,
// nominal values), the distribution's own quantile (a drawn goal), and the run itself on 1 and 2
// threads (same seed, same numbers).
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>

#include "cli_run.hpp"
#include "planner/io/plan_reader.hpp"
#include "planner/lp/solve_plan.hpp"
#include "planner/uncertainty/plan_sensitivity.hpp"
#include "planner/uncertainty/plan_uncertainty.hpp"
#include "planner/uncertainty/uncertainty_format.hpp"
#include "scratch_dir.hpp"

namespace planner::uncertainty {
namespace {

std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Williams's model and max-output plan in `dir`, with the model's coal capacity and the
/// plan's objective years written as given.
std::filesystem::path williams_with(const std::filesystem::path& dir, const std::string& coal_capacity) {
  std::string model = read_text(std::filesystem::path(PLANNER_SOURCE_DIR) / "models/williams/model.toml");
  model = std::regex_replace(model, std::regex("capacity = 300.0"), "capacity = " + coal_capacity, std::regex_constants::format_first_only);
  test::write_text(dir / "model.toml", model);
  std::string plan = read_text(std::filesystem::path(PLANNER_SOURCE_DIR) / "plans/williams-max-output.toml");
  plan = std::regex_replace(plan, std::regex("model = \"[^\"]*\""), "model = \"model.toml\"");
  test::write_text(dir / "plan.toml", plan);
  return dir / "plan.toml";
}

TEST(UncertaintyPlan, ZeroWidthRangesGiveTheDeterministicAnswerInEveryPercentile) {
  const auto dir = test::scratch_dir("uncertainty_zero");
  const auto file = williams_with(dir, "{ value = 300.0, low = 300.0, high = 300.0, dist = \"uniform\" }");
  const UncertainPlan plan(file);
  ASSERT_EQ(plan.inputs().numbers().size(), 1u);
  EXPECT_EQ(plan.inputs().numbers()[0].key, "sector[1].capacity");
  const lp::PlanResult exact = lp::solve_plan(read_plan(file));
  ASSERT_EQ(exact.status, "optimal");
  const auto draws = run_draws(plan, 7, 0, 20, {}, 2);
  const PlanUncertainty s = summarise(plan, draws);
  EXPECT_EQ(s.solved, 20u);
  for (const TargetBand& t : s.targets) {
    ASSERT_TRUE(t.target);
    const double x = exact.output.at(t.product, t.year);
    for (double p : *t.target) EXPECT_NEAR(p, x, 1e-9 * std::max(1.0, std::abs(x))) << t.product << " " << t.year;
  }
  ASSERT_TRUE(s.objective);
  for (double p : *s.objective) EXPECT_NEAR(p, *exact.objective, 1e-9 * std::abs(*exact.objective));
}

TEST(UncertaintyPlan, NominalReadEqualsThePlainReadAndDrawsMoveTheNumber) {
  const auto dir = test::scratch_dir("uncertainty_draw");
  const auto file = williams_with(dir, "{ value = 300.0, low = 250.0, high = 350.0, dist = \"uniform\" }");
  const UncertainPlan plan(file);
  EXPECT_EQ(*plan.nominal().economy.sectors[0].capacity, 300.0);
  // uniform: quantile u ↦ low + u (high − low), exactly where the reader puts capacity
  for (double u : {0.1, 0.5, 0.9}) {
    const Plan drawn = plan.at({u});
    EXPECT_NEAR(*drawn.economy.sectors[0].capacity, 250.0 + u * 100.0, 1e-12);
    EXPECT_EQ(*drawn.economy.sectors[1].capacity, 350.0);  // the plain numbers stay
  }
}

TEST(UncertaintyPlan, TheBundledFirstPlanHasItsRangesAndSameNominalAnswer) {
  const std::filesystem::path file = std::filesystem::path(PLANNER_SOURCE_DIR) / "plans/fyp1-gosplan-optimal.toml";
  const UncertainPlan plan(file);
  EXPECT_EQ(plan.inputs().numbers().size(), 180u);  // models/ussr-1928/check_ranges.py counts the same
  EXPECT_EQ(plan.inputs().size(), 56u);
  const Plan plain = read_plan(file);
  EXPECT_EQ(plan.nominal().economy.technical, plain.economy.technical);
  EXPECT_EQ(plan.nominal().economy.capital, plain.economy.capital);
}

TEST(UncertaintyPlan, SameSeedSameDrawsOnOneAndTwoThreads) {
  const std::filesystem::path file = std::filesystem::path(PLANNER_SOURCE_DIR) / "plans/fyp1-gosplan-optimal.toml";
  const UncertainPlan plan(file);
  const auto one = run_draws(plan, 11, 0, 12, {}, 1);
  const auto two = run_draws(plan, 11, 0, 12, {}, 2);
  ASSERT_EQ(one.size(), two.size());
  for (std::size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(one[i].status, two[i].status);
    EXPECT_EQ(one[i].targets, two[i].targets);
    EXPECT_EQ(one[i].failure, two[i].failure);
  }
  // and a slice of the run is the same draws as the run (what shards rely on)
  const auto slice = run_draws(plan, 11, 5, 4, {}, 2);
  for (std::size_t i = 0; i < slice.size(); ++i) EXPECT_EQ(slice[i].targets, one[5 + i].targets);
}

TEST(UncertaintyCli, CsvIsByteIdenticalOnOneAndTwoThreads) {
  const std::string args = "uncertainty plans/fyp1-gosplan-optimal.toml --samples 30 --seed 3 --format csv";
  const auto one = test::run_cli(args, "PLANNER_THREADS=1");
  const auto two = test::run_cli(args, "PLANNER_THREADS=2");
  ASSERT_EQ(one.code, 0) << one.err;
  ASSERT_EQ(two.code, 0) << two.err;
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.out.substr(0, one.out.find('\n')), "plan,product,year,p5,p25,p50,p75,p95,prob_goal_feasible");
}

TEST(UncertaintyCli, ZeroSamplesIsABadInput) {
  const auto r = test::run_cli("uncertainty plans/williams-max-output.toml --samples 0");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--samples: expected at least 1 draw, got 0"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace planner::uncertainty

namespace planner::uncertainty {
namespace {

// Williams's max-output plan with a wide coal capacity (200–400) and a steel capacity known to
// ±1.5 %: the output hangs on coal's capacity alone, so ST(coal) ≈ 1 and ST(steel) ≈ 0 within
// the estimator's own 95 % interval (three times it, as tests/sobol_test.cpp does).
TEST(UncertaintySobol, TheOutputHangsOnTheWideCapacity) {
  const auto dir = test::scratch_dir("uncertainty_sobol");
  std::string model = read_text(std::filesystem::path(PLANNER_SOURCE_DIR) / "models/williams/model.toml");
  model = std::regex_replace(model, std::regex("capacity = 300.0"),
                             "capacity = { value = 300.0, low = 200.0, high = 400.0, dist = \"uniform\" }",
                             std::regex_constants::format_first_only);
  model = std::regex_replace(model, std::regex("capacity = 350.0"),
                             "capacity = { value = 350.0, low = 345.0, high = 355.0, dist = \"uniform\" }",
                             std::regex_constants::format_first_only);
  test::write_text(dir / "model.toml", model);
  std::string plan_text = read_text(std::filesystem::path(PLANNER_SOURCE_DIR) / "plans/williams-max-output.toml");
  test::write_text(dir / "plan.toml", std::regex_replace(plan_text, std::regex("model = \"[^\"]*\""), "model = \"model.toml\""));
  const UncertainPlan plan(dir / "plan.toml");
  const PlanSensitivity s = sobol_sensitivity(plan, 256, 5, {}, 2);
  ASSERT_EQ(s.results.size(), 1u);
  const ResultSensitivity& r = s.results[0];
  EXPECT_EQ(r.dropped_rows, 0u);
  ASSERT_EQ(r.inputs.size(), 2u);
  EXPECT_EQ(r.inputs[0].input, "sector[1].capacity");  // largest ST first
  EXPECT_NEAR(r.inputs[0].st, 1.0, std::max(0.05, 3 * r.inputs[0].st_conf));
  EXPECT_NEAR(r.inputs[1].st, 0.0, std::max(0.01, 3 * r.inputs[1].st_conf));
}

}  // namespace
}  // namespace planner::uncertainty
