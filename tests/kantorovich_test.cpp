// Oracle: Kantorovich's 1939 examples (shared/oracles/kantorovich.txt) solved through the plan
// LP's own code path — the model and plan files of examples/kantorovich-plywood, one technique
// ([[process]]) per machine and work. The excavator example reproduces Kantorovich's published
// optimum (λ = 15720/223) and his machine-time intensities; the machine-tools example its LP
// optimum 260/3 complete sets. The examples' rates are read back against the oracle's tables.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "planner/io/plan_reader.hpp"
#include "planner/lp/solve_plan.hpp"

namespace {

const std::string kExample = std::string(PLANNER_SOURCE_DIR) + "/examples/kantorovich-plywood/";

// The oracle's data lines, by first word (comment lines dropped).
std::map<std::string, std::vector<std::string>> oracle_lines() {
  std::ifstream in(std::string(PLANNER_SHARED_DIR) + "/oracles/kantorovich.txt");
  std::map<std::string, std::vector<std::string>> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string first, w;
    words >> first;
    std::vector<std::string> rest;
    while (words >> w) rest.push_back(w);
    lines[first] = rest;
  }
  return lines;
}

// Solves the example's plan; its λ must match `exact` (1e-9) and the oracle's figure on `key` (to its digits).
planner::lp::PlanResult solved(const planner::Plan& plan, double exact, const std::string& key, double digits) {
  const auto r = planner::lp::solve_plan(plan);
  EXPECT_EQ(r.status, "optimal");
  EXPECT_TRUE(r.fulfilment.has_value());
  EXPECT_NEAR(r.fulfilment.value_or(0.0), exact, 1e-9);
  EXPECT_NEAR(r.fulfilment.value_or(0.0), std::stod(oracle_lines().at(key).at(0)), digits);
  return r;
}

double process_output(const planner::Plan& plan, const std::string& id) {
  auto p = plan.economy.process_index(id);
  EXPECT_TRUE(p.has_value()) << id;
  return p ? plan.economy.processes[*p].output : 0.0;
}

TEST(Kantorovich, ExcavatorExampleReproducesThePublishedOptimumAndIntensities) {
  const auto oracle = oracle_lines();
  const planner::Plan plan = planner::read_plan(kExample + "excavator-plan.toml");
  // The example's rates are the oracle's table.
  for (const char* machine : {"M1", "M2", "M3"}) {
    const auto& rates = oracle.at(machine);
    ASSERT_EQ(rates.size(), 3u);
    const std::string m = std::string("m") + machine[1];
    EXPECT_EQ(process_output(plan, m + "_a"), std::stod(rates[0]));
    EXPECT_EQ(process_output(plan, m + "_b"), std::stod(rates[1]));
    EXPECT_EQ(process_output(plan, m + "_c"), std::stod(rates[2]));
  }
  const auto r = solved(plan, 15720.0 / 223.0, "optimum_equal_output", 1e-8);
  ASSERT_EQ(r.status, "optimal");
  // "kantorovich_intensities M1:A 0.671365 B 0.328635 | M2:B 0.789238 C 0.210762 | M3:C 1" —
  // published to six decimals; every other machine–work pair is idle.
  std::map<std::string, double> published{{"m1_a", 0.671365}, {"m1_b", 0.328635}, {"m2_b", 0.789238},
                                          {"m2_c", 0.210762}, {"m3_c", 1.0}};
  ASSERT_EQ(oracle.at("kantorovich_intensities").at(1), "0.671365");
  for (const char* id : {"m1_a", "m1_b", "m1_c", "m2_a", "m2_b", "m2_c", "m3_a", "m3_b", "m3_c"}) {
    const double expected = published.count(id) ? published[id] : 0.0;
    EXPECT_NEAR(r.activity.at(id, 1), expected, 5e-7) << id;
  }
  // Idle techniques carry what they would have to save to be used; used ones none.
  EXPECT_EQ(r.reduced_cost.at("m1_a", 1), 0.0);
  EXPECT_GT(r.reduced_cost.at("m3_a", 1), 1e-6);
}

TEST(Kantorovich, MachineToolsExampleMakesTheMostCompleteSets) {
  const auto oracle = oracle_lines();
  const planner::Plan plan = planner::read_plan(kExample + "machine-tools-plan.toml");
  for (const auto& [group, prefix] : std::map<std::string, std::string>{
           {"milling", "milling"}, {"turret_lathe", "turret"}, {"automatic_lathe", "automatic"}}) {
    const auto& row = oracle.at(group);  // count rate_partA rate_partB
    ASSERT_EQ(row.size(), 3u);
    EXPECT_EQ(plan.economy.resources[*plan.economy.resource_index(group)].available.at(0), std::stod(row[0]));
    EXPECT_EQ(process_output(plan, prefix + "_a"), std::stod(row[1]));
    EXPECT_EQ(process_output(plan, prefix + "_b"), std::stod(row[2]));
  }
  const auto r = solved(plan, 260.0 / 3.0, "optimum_sets", 1e-7);
  ASSERT_EQ(r.status, "optimal");
  EXPECT_NEAR(r.activity.at("milling_a", 1), 8.0 / 3.0, 1e-9);
  EXPECT_NEAR(r.activity.at("milling_b", 1), 1.0 / 3.0, 1e-9);
  EXPECT_NEAR(r.activity.at("turret_a", 1), 3.0, 1e-9);
  EXPECT_NEAR(r.activity.at("automatic_b", 1), 1.0, 1e-9);
  EXPECT_NEAR(r.output.at("part_a", 1), 260.0 / 3.0, 1e-9);
  EXPECT_NEAR(r.output.at("part_b", 1), 260.0 / 3.0, 1e-9);
}

}  // namespace
