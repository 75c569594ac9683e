// Plans with no optimum: the diagnosis names the rows that must move and by how much
// (infeasible) or what grows without limit (unbounded); the CLI exits 3, bad ids exit 2.
#include "planner/lp/diagnosis.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "lp_test_plans.hpp"
#include "scratch_dir.hpp"
#include "planner/lp/solve_plan.hpp"

using namespace planner::lp;

namespace {
bool has_row(const Diagnosis& d, const std::string& row) {
  for (const auto& v : d.violations)
    if (v.row == row) return true;
  return false;
}

// Runs the CLI on a plan text written next to the Williams model; returns the exit code and output.
std::pair<int, std::string> run_cli(const std::string& plan_text, const std::string& args = "") {
  auto plan = planner::test::scratch_dir("diagnosis_test") / "plan.toml";
  std::ofstream(plan) << "model = \"" << PLANNER_SOURCE_DIR << "/models/williams/model.toml\"\n" << plan_text;
  std::string cmd = std::string(PLANNER_CLI) + " solve " + plan.string() + " " + args + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (std::size_t n = fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
  int status = pclose(pipe);
  return {WEXITSTATUS(status), out};
}
}  // namespace

// x1 ≤ 28/3 at most (see plan_objective_test): a goal of 12 with max-fulfilment is fine (λ < 1),
// but a terminal requirement the capacity cannot reach is infeasible, missed by a known amount.
TEST(Diagnosis, InfeasibleTerminalIsNamedWithItsShortfall) {
  planner::Plan p = planner::test::corn_plan();
  p.economy.sectors[0].demand = 8.0;  // x* = 16, but x2 ≤ 4 + e1 and e1 ≤ 10 − 0.5 x1 − s1
  PlanResult r = solve_plan(p);
  ASSERT_EQ(r.status, "infeasible");
  ASSERT_TRUE(r.diagnosis);
  EXPECT_TRUE(has_row(*r.diagnosis, "terminal[corn]")) << to_text(*r.diagnosis);
  EXPECT_FALSE(r.diagnosis->summary.empty());
  for (const auto& v : r.diagnosis->violations) EXPECT_FALSE(v.advice.empty());
}

TEST(Diagnosis, TooLittleLabourForWilliams) {
  planner::Plan p = planner::test::williams_plan();
  p.economy.resources[0].available = {50.0};
  PlanResult r = solve_plan(p);
  ASSERT_EQ(r.status, "infeasible");
  // The steady state alone needs 0.6·166.4 + 0.3·105.7 + 0.2·92.3 = 150 man-years in year 6.
  bool labour_or_terminal = false;
  for (const auto& v : r.diagnosis->violations)
    labour_or_terminal |= v.kind == "resource" || v.kind == "terminal";
  EXPECT_TRUE(labour_or_terminal) << to_text(*r.diagnosis);
  auto j = to_json(r);
  EXPECT_EQ(j["status"], "infeasible");
  EXPECT_TRUE(j["diagnosis"]["violations"].size() > 0);
}

// Capacity that costs nothing to build (no capital inputs) grows without limit.
TEST(Diagnosis, UnboundedNamesTheGrowingVariable) {
  planner::Plan p = planner::test::corn_plan();
  p.economy.capital(0, 0) = 0.0;
  PlanResult r = solve_plan(p);
  ASSERT_EQ(r.status, "unbounded");
  ASSERT_TRUE(r.diagnosis);
  EXPECT_EQ(r.diagnosis->unbounded, (std::vector<std::string>{"capacity_addition[corn,1]"}));
}

TEST(Diagnosis, CliExitsThreeAfterPrintingTheDiagnosis) {
  auto [code, out] = run_cli("years = 5\nterminal = \"steady-state\"\n[objective]\nkind = \"max-capacity\"\n"
                             "[resources.labour]\navailable = 50.0\n");
  EXPECT_EQ(code, 3) << out;
  EXPECT_NE(out.find("Status: infeasible"), std::string::npos) << out;
  EXPECT_NE(out.find("must move"), std::string::npos) << out;
  auto [jcode, json] = run_cli("years = 5\nterminal = \"steady-state\"\n[objective]\nkind = \"max-capacity\"\n"
                               "[resources.labour]\navailable = 50.0\n", "--format json");
  EXPECT_EQ(jcode, 3);
  EXPECT_NE(json.find("\"diagnosis\""), std::string::npos) << json;
}

TEST(Diagnosis, CliUnknownIdsExitTwo) {
  EXPECT_EQ(run_cli("years = 5\n[objective]\nkind = \"max-output\"\n[demand]\nwheat = 1.0\n").first, 2);
  EXPECT_EQ(run_cli("years = 5\n[objective]\nkind = \"max-resource\"\nresource = \"land\"\n").first, 2);
}

TEST(Diagnosis, CliSolvesWilliamsAndWritesTheLp) {
  auto lp = planner::test::scratch_dir("diagnosis_test") / "w.lp";
  auto [code, out] = run_cli("years = 5\nterminal = \"steady-state\"\n[objective]\nkind = \"max-capacity\"\n",
                             "--write-lp " + lp.string());
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("2141.875197"), std::string::npos) << out;
  EXPECT_TRUE(std::filesystem::exists(lp));
}
