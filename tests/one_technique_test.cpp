// A model without [[process]] tables is one implicit technique per product: every bundled plan
// on such a model solves to the numbers main printed before techniques existed (objective,
// outputs, capacity additions and every shadow price), within 1e-9 relative. The numbers are
// main's `planner solve --format json`, kept in tests/data/one_technique/main_results.json.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <string>

#include "planner/io/plan_reader.hpp"
#include "planner/lp/solve_plan.hpp"

namespace {

const std::string kSource = PLANNER_SOURCE_DIR;

nlohmann::json main_results() {
  std::ifstream in(kSource + "/tests/data/one_technique/main_results.json");
  return nlohmann::json::parse(in);
}

bool close(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

// Every number of `expected` (nested objects of numbers) is in `actual` and within 1e-9; counts them.
void expect_same(const nlohmann::json& expected, const nlohmann::json& actual, const std::string& path, int& checked) {
  if (expected.is_object()) {
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      ASSERT_TRUE(actual.is_object() && actual.contains(it.key())) << path << "." << it.key() << " is missing";
      expect_same(it.value(), actual.at(it.key()), path + "." + it.key(), checked);
    }
  } else if (expected.is_number()) {
    ASSERT_TRUE(actual.is_number()) << path;
    EXPECT_TRUE(close(actual.get<double>(), expected.get<double>()))
        << path << ": now " << actual.get<double>() << ", main " << expected.get<double>();
    ++checked;
  } else {
    EXPECT_EQ(actual, expected) << path;
  }
}

TEST(OneTechnique, EveryBundledPlanGivesMainsNumbers) {
  const nlohmann::json results = main_results();
  ASSERT_GE(results.size(), 15u);  // plans/ (8), Williams' max-labour, Feldman's six shares
  for (auto it = results.begin(); it != results.end(); ++it) {
    SCOPED_TRACE(it.key());
    const planner::Plan plan = planner::read_plan(kSource + "/" + it.key());
    ASSERT_TRUE(plan.economy.processes.empty());
    const nlohmann::json now = planner::lp::to_json(planner::lp::solve_plan(plan));
    EXPECT_FALSE(now.contains("techniques"));  // nothing new in the output of an old model
    int checked = 0;
    expect_same(it.value(), now, "", checked);
    EXPECT_GT(checked, 20) << "too few numbers compared";
  }
}

}  // namespace
