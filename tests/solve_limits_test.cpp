// Solver limits (issue #6.5, #20; planner/lp/clp_solver.cpp, clp_barrier.cpp, solve_plan.cpp,
// cli/solve.cpp, compare.cpp, sweep.cpp): reaching the iteration or time limit is the status
// "iteration-limit", a clear message and exit 4, and nothing is written.
#include <gtest/gtest.h>

#include <filesystem>

#include "cli_run.hpp"
#include "generated_plan.hpp"
#include "planner/io/plan_reader.hpp"
#include "planner/lp/clp_solver.hpp"
#include "planner/lp/solve_plan.hpp"
#include "scratch_dir.hpp"

using namespace planner;
using namespace planner::lp;

namespace {
Plan williams() { return read_plan(std::string(PLANNER_SOURCE_DIR) + "/plans/williams-max-capacity.toml"); }
}  // namespace

TEST(SolveLimits, IterationLimitIsAStatusNotAnAnswer) {
  for (bool presolve : {true, false}) {
    SolveOptions o;
    o.iteration_limit = 1;
    o.presolve = presolve;
    LpSolution s = solve_with_clp(build_plan_lp(williams()).lp, o);
    EXPECT_EQ(s.status, SolveStatus::iteration_limit);
    EXPECT_NE(s.message.find("iteration limit (1 iterations)"), std::string::npos) << s.message;
    PlanResult r = solve_plan(williams(), o);
    EXPECT_EQ(r.status, "iteration-limit");
    EXPECT_FALSE(r.objective.has_value());
    EXPECT_FALSE(r.diagnosis.has_value());
  }
}

// A 3,906-row plan takes ~1 s of CPU by either method; a limit of 0.02 s stops the simplex in
// its iterations and the interior point at a step, and names the time limit.
TEST(SolveLimits, TimeLimitStopsSimplexAndInteriorPoint) {
  const Plan plan = planner::test::generated_plan(300, 3);
  for (Algorithm a : {Algorithm::primal, Algorithm::barrier}) {
    SolveOptions o;
    o.algorithm = a;
    o.time_limit = 0.02;
    PlanResult r = solve_plan(plan, o);
    EXPECT_EQ(r.status, "iteration-limit") << to_string(a);
    EXPECT_NE(r.message.find("time limit (0.02 s)"), std::string::npos) << to_string(a) << ": " << r.message;
    EXPECT_FALSE(r.objective.has_value()) << to_string(a);
  }
}

TEST(SolveLimits, DefaultsDoNotGetInTheWay) {
  SolveOptions o;
  o.time_limit = kDefaultTimeLimit;
  o.iteration_limit = kDefaultIterationLimit;
  EXPECT_EQ(solve_plan(williams(), o).status, "optimal");
}

TEST(SolveLimits, EveryAlgorithmGivesTheSameOptimum) {
  const double expected = solve_plan(williams()).objective.value();
  for (Algorithm a : {Algorithm::by_size, Algorithm::dual, Algorithm::primal, Algorithm::barrier, Algorithm::automatic})
    for (bool presolve : {true, false}) {
      SolveOptions o;
      o.algorithm = a;
      o.presolve = presolve;
      o.scaling = !presolve;
      PlanResult r = solve_plan(williams(), o);
      ASSERT_EQ(r.status, "optimal") << to_string(a);
      EXPECT_NEAR(*r.objective, expected, 1e-6 * expected) << to_string(a);
    }
}

TEST(SolveLimitsCli, IterationLimitExitsFourAndWritesNothing) {
  const auto dir = planner::test::scratch_dir("solve_limits");
  const auto out = dir / "result.json";
  for (const char* c :
       {"solve plans/williams-max-capacity.toml --format json", "compare plans/fyp1-gosplan-optimal.toml --format json",
        "sweep plans/williams-max-capacity.toml --vary resources.labour.available=400:500:3 --format json"}) {
    const std::string cmd = c;
    std::filesystem::remove(out);
    auto r = planner::test::run_cli(cmd + " --iteration-limit 1 --out " + out.string());
    EXPECT_EQ(r.code, 4) << cmd << "\n" << r.err;
    EXPECT_NE(r.err.find("iteration limit"), std::string::npos) << cmd << "\n" << r.err;
    EXPECT_NE(r.err.find("--iteration-limit"), std::string::npos) << cmd << "\n" << r.err;
    EXPECT_FALSE(std::filesystem::exists(out)) << cmd;
  }
  auto ok = planner::test::run_cli("solve plans/williams-max-capacity.toml --time-limit 60 --iteration-limit 0 --algorithm primal --no-presolve");
  EXPECT_EQ(ok.code, 0) << ok.err;
  std::filesystem::remove_all(dir);
}
