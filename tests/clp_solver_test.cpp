#include "planner/lp/clp_solver.hpp"

#include <coin/ClpSimplex.hpp>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "lp_test_plans.hpp"
#include "scratch_dir.hpp"
#include "planner/lp/plan_lp_builder.hpp"

using namespace planner::lp;

using planner::test::two_variable_lp;

TEST(ClpSolver, SolvesAndReportsDualsAsMarginalValues) {
  LpSolution s = solve_with_clp(two_variable_lp());
  ASSERT_EQ(s.status, SolveStatus::optimal);
  EXPECT_NEAR(s.objective, 12.0, 1e-12);
  EXPECT_NEAR(s.col_value[0], 3.0, 1e-12);
  EXPECT_NEAR(s.col_value[1], 1.0, 1e-12);
  EXPECT_NEAR(s.row_dual[0], 2.0, 1e-12);
  EXPECT_NEAR(s.row_dual[1], 1.0, 1e-12);
  EXPECT_NEAR(s.row_value[0], 4.0, 1e-12);
}

TEST(ClpSolver, MinimisationDualsAndNoPresolve) {
  LinearProgram lp = two_variable_lp();
  lp.sense = Sense::minimise;
  for (double& c : lp.col_cost) c = -c;  // min −3x − 2y: same point, duals ∂z/∂b = −2, −1
  SolveOptions o;
  o.presolve = false;
  LpSolution s = solve_with_clp(lp, o);
  ASSERT_EQ(s.status, SolveStatus::optimal);
  EXPECT_NEAR(s.objective, -10.0, 1e-12);
  EXPECT_NEAR(s.row_dual[0], -2.0, 1e-12);
  EXPECT_NEAR(s.row_dual[1], -1.0, 1e-12);
}

TEST(ClpSolver, InfeasibleAndUnbounded) {
  LpBuilder b;
  int x = b.add_variable("x", 0, kInf, 1);
  b.add_row("low", {{x, 1}}, -kInf, 1);
  b.add_row("high", {{x, 1}}, 2, kInf);
  EXPECT_EQ(solve_with_clp(b.build()).status, SolveStatus::infeasible);
  LpBuilder u;
  u.add_variable("x", 0, kInf, 1);
  u.set_sense(Sense::maximise);
  EXPECT_EQ(solve_with_clp(u.build()).status, SolveStatus::unbounded);
}

TEST(ClpSolver, StatusNames) {
  EXPECT_EQ(to_string(SolveStatus::optimal), "optimal");
  EXPECT_EQ(to_string(SolveStatus::iteration_limit), "iteration-limit");
}

TEST(ClpSolver, MpsFileKeepsNamesAndReadsBackToTheSameOptimum) {
  PlanLp plan = build_plan_lp(planner::test::williams_plan());
  auto file = planner::test::scratch_dir("clp_solver_test") / "williams.mps";
  write_mps(plan.lp, file);
  std::ifstream in(file);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  EXPECT_NE(text.find("capacity_addition[coal,5]"), std::string::npos);
  EXPECT_NE(text.find("labour[6]"), std::string::npos);
  ClpSimplex model;
  model.setLogLevel(0);
  ASSERT_EQ(model.readMps(file.string().c_str(), true, false), 0);
  model.dual();  // MPS has no sense; CLP minimises, and the file holds the negated objective
  // CLP drops the constant 930 of opening capacity (the oracle notes 1211.8751967).
  EXPECT_NEAR(model.objectiveValue(), -1211.8751967, 1e-6);
  std::filesystem::remove(file);
}
