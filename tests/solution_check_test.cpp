// The accuracy check of an LP solution (planner/lp/solution_check.hpp): exact hand-derived
// solutions pass; an error of 1e-3 injected in one primal value, one dual or the reported
// objective is flagged and named; non-finite or missing values are poor; CLP's answers pass;
// and the library check agrees with an independent KKT check written here from the arrays
// (the same logic as the property test in solve_plan_test.cpp), on hand LPs and on plans.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "lp_test_plans.hpp"
#include "planner/io/plan_reader.hpp"
#include "planner/lp/clp_solver.hpp"
#include "planner/lp/solution_check.hpp"
#include "planner/lp/solve_plan.hpp"

using namespace planner;
using namespace planner::lp;

namespace {

// max 3x + 2y  s.t.  r1: x + y ≤ 4,  r2: x + 3y ≤ 6,  0 ≤ x ≤ 3.5, y ≥ 0.
// Vertices: (3.5, 0.5) z = 11.5 (r1 and x's bound active), (3, 1) z = 11, (0, 2) z = 4.
// Optimum (3.5, 0.5); r2 is slack (5 < 6) so y2 = 0; y's reduced cost 2 − y1 = 0 gives y1 = 2;
// x's reduced cost 3 − 2 = 1 > 0 sits at its upper bound.
LinearProgram small_lp(Sense sense = Sense::maximise) {
  LpBuilder b;
  const double s = sense == Sense::maximise ? 1.0 : -1.0;  // min −3x − 2y is the same problem
  int x = b.add_variable("x", 0.0, 3.5, 3.0 * s);
  int y = b.add_variable("y", 0.0, kInf, 2.0 * s);
  b.add_row("r1", {{x, 1.0}, {y, 1.0}}, -kInf, 4.0);
  b.add_row("r2", {{x, 1.0}, {y, 3.0}}, -kInf, 6.0);
  b.set_sense(sense);
  return b.build();
}

LpSolution small_solution(Sense sense = Sense::maximise) {
  const double s = sense == Sense::maximise ? 1.0 : -1.0;
  LpSolution sol;
  sol.status = SolveStatus::optimal;
  sol.col_value = {3.5, 0.5};
  sol.row_value = {4.0, 5.0};
  sol.row_dual = {2.0 * s, 0.0};     // ∂z/∂b in the LP's own sense
  sol.col_dual = {1.0 * s, 0.0};
  sol.objective = 11.5 * s;
  return sol;
}

// An independent KKT check, from the arrays (as in solve_plan_test.cpp): true when the point is
// primal feasible, dual feasible and complementary within 1e-6 · (1 + |value|).
bool independent_kkt(const LinearProgram& lp, const LpSolution& s) {
  auto tol = [](double v) { return 1e-6 * (1.0 + std::fabs(v)); };
  const double sense = lp.sense == Sense::maximise ? 1.0 : -1.0;
  std::vector<double> ax = lp.row_activity(s.col_value);
  std::vector<double> d(lp.col_cost);
  for (int j = 0; j < lp.num_col; ++j)
    for (int k = lp.a_start[j]; k < lp.a_start[j + 1]; ++k) d[j] -= lp.a_value[k] * s.row_dual[lp.a_index[k]];
  for (int j = 0; j < lp.num_col; ++j) {
    const double x = s.col_value[j], lo = lp.col_lower[j], hi = lp.col_upper[j], g = sense * d[j];
    if (!std::isfinite(x) || x < lo - tol(lo) || x > hi + tol(hi)) return false;
    if (g > tol(lp.col_cost[j]) && !(std::isfinite(hi) && x >= hi - tol(hi))) return false;
    if (g < -tol(lp.col_cost[j]) && !(std::isfinite(lo) && x <= lo + tol(lo))) return false;
  }
  for (int i = 0; i < lp.num_row; ++i) {
    const double lo = lp.row_lower[i], hi = lp.row_upper[i], y = sense * s.row_dual[i];
    if (ax[i] < lo - tol(lo) || ax[i] > hi + tol(hi)) return false;
    if (y > 1e-6 && !(std::isfinite(hi) && ax[i] >= hi - tol(hi))) return false;
    if (y < -1e-6 && !(std::isfinite(lo) && ax[i] <= lo + tol(lo))) return false;
  }
  return std::fabs(lp.objective_value(s.col_value) - s.objective) <= tol(s.objective);
}

}  // namespace

TEST(SolutionCheck, HandDerivedOptimumIsOkWithZeroResiduals) {
  for (Sense sense : {Sense::maximise, Sense::minimise}) {
    SolutionCheck c = check_solution(small_lp(sense), small_solution(sense));
    EXPECT_TRUE(c.ok);
    EXPECT_EQ(c.verdict(), "ok");
    EXPECT_EQ(c.primal.scaled, 0.0);
    EXPECT_EQ(c.dual.scaled, 0.0);
    EXPECT_EQ(c.complementarity.scaled, 0.0);
    EXPECT_EQ(c.objective.scaled, 0.0);
    EXPECT_EQ(c.worst(), 0.0);
    EXPECT_EQ(accuracy_warning(c), "");
  }
}

TEST(SolutionCheck, ClpAnswerIsOkAndMatchesTheHandDerivedOne) {
  LinearProgram lp = small_lp();
  LpSolution s = solve_with_clp(lp);
  ASSERT_EQ(s.status, SolveStatus::optimal);
  EXPECT_NEAR(s.objective, 11.5, 1e-12);
  EXPECT_NEAR(s.row_dual[0], 2.0, 1e-12);
  SolutionCheck c = check_solution(lp, s);
  EXPECT_TRUE(c.ok) << accuracy_warning(c);
  EXPECT_LT(c.worst(), 1e-12);
  EXPECT_TRUE(independent_kkt(lp, s));
}

TEST(SolutionCheck, PrimalErrorOfOneThousandthIsPoorAndNamesTheRow) {
  LinearProgram lp = small_lp();
  LpSolution s = small_solution();
  s.col_value[1] += 1e-3;  // y: r1 becomes 4.001 > 4
  s.objective = lp.objective_value(s.col_value);
  SolutionCheck c = check_solution(lp, s);
  EXPECT_FALSE(c.ok);
  EXPECT_EQ(c.verdict(), "poor");
  EXPECT_EQ(c.primal.where, "row r1");
  EXPECT_NEAR(c.primal.absolute, 1e-3, 1e-12);
  EXPECT_NEAR(c.primal.scaled, 1e-3 / 4.0, 1e-12);  // scaled by max(|bound 4|, terms 3.5 and 0.501, |a| = 1)
  std::string w = accuracy_warning(c);
  EXPECT_EQ(w.rfind("warning: the solution is inaccurate: primal violation 0.001 (scaled 0.00025) at row r1", 0), 0u) << w;
  EXPECT_FALSE(independent_kkt(lp, s));
}

TEST(SolutionCheck, BoundErrorNamesTheColumn) {
  LinearProgram lp = small_lp();
  LpSolution s = small_solution();
  s.col_value[0] += 1e-3;  // x = 3.501 > 3.5 (1e-3 / 3.5); r1 is violated too, but less (1e-3 / 4)
  s.objective = lp.objective_value(s.col_value);
  SolutionCheck c = check_solution(lp, s);
  EXPECT_FALSE(c.ok);
  EXPECT_EQ(c.primal.where, "column x");
  EXPECT_NEAR(c.primal.scaled, 1e-3 / 3.5, 1e-12);
  EXPECT_FALSE(independent_kkt(lp, s));
}

TEST(SolutionCheck, DualOfTheWrongSignIsPoor) {
  LinearProgram lp = small_lp();
  LpSolution s = small_solution();
  s.row_dual[1] = -1e-3;  // r2 is a ≤ row: tightening it cannot gain
  SolutionCheck c = check_solution(lp, s);
  EXPECT_FALSE(c.ok);
  EXPECT_GT(c.dual.scaled, 1e-4);
  // y's reduced cost becomes 2 − 2 + 0.003 > 0 while y has no upper bound: the worst place.
  EXPECT_EQ(c.dual.where, "column y");
  EXPECT_NE(accuracy_warning(c).find("dual violation"), std::string::npos);
  EXPECT_FALSE(independent_kkt(lp, s));
}

TEST(SolutionCheck, WrongPriceBreaksComplementarySlackness) {
  LinearProgram lp = small_lp();
  LpSolution s = small_solution();
  s.row_dual[0] = 2.001;  // y's reduced cost −0.001 while y = 0.5 is off its lower bound
  SolutionCheck c = check_solution(lp, s);
  EXPECT_FALSE(c.ok);
  EXPECT_EQ(c.complementarity.where, "column y");
  EXPECT_NEAR(c.complementarity.absolute, 0.5e-3, 1e-12);
  EXPECT_NEAR(c.complementarity.scaled, 0.5e-3 / 11.5, 1e-12);  // the objective's size: z = Σ|c x| = 11.5
  EXPECT_FALSE(independent_kkt(lp, s));
}

TEST(SolutionCheck, ReportedObjectiveMismatchIsPoor) {
  LinearProgram lp = small_lp();
  LpSolution s = small_solution();
  s.objective += 1e-3 * 11.5;
  SolutionCheck c = check_solution(lp, s);
  EXPECT_FALSE(c.ok);
  EXPECT_EQ(c.objective.where, "objective");
  EXPECT_NEAR(c.objective.absolute, 1e-3 * 11.5, 1e-12);
  EXPECT_NEAR(c.objective.scaled, 1e-3 * 11.5 / (11.5 + 1e-3 * 11.5), 1e-12);
  EXPECT_NE(accuracy_warning(c).find("objective mismatch"), std::string::npos);
}

TEST(SolutionCheck, NonFiniteOrMissingValuesArePoor) {
  LinearProgram lp = small_lp();
  LpSolution s = small_solution();
  s.col_value[1] = std::nan("");
  SolutionCheck c = check_solution(lp, s);
  EXPECT_FALSE(c.ok);
  EXPECT_TRUE(std::isinf(c.primal.scaled));
  EXPECT_TRUE(to_json(c)["primal"]["scaled"].is_null());
  EXPECT_EQ(to_json(c)["verdict"], "poor");

  s = small_solution();
  s.row_dual[0] = std::numeric_limits<double>::infinity();
  EXPECT_FALSE(check_solution(lp, s).ok);

  s = small_solution();
  s.row_dual.pop_back();
  c = check_solution(lp, s);
  EXPECT_FALSE(c.ok);
  EXPECT_EQ(c.primal.where, "solution size");
}

TEST(SolutionCheck, ToleranceIsAParameter) {
  LinearProgram lp = small_lp();
  LpSolution s = small_solution();
  s.col_value[1] += 1e-3;
  s.objective = lp.objective_value(s.col_value);
  EXPECT_FALSE(check_solution(lp, s).ok);
  SolutionCheck loose = check_solution(lp, s, 1e-3);
  EXPECT_TRUE(loose.ok);
  EXPECT_EQ(loose.tolerance, 1e-3);
}

TEST(SolutionCheck, JsonCarriesEveryFigure) {
  nlohmann::json j = to_json(check_solution(small_lp(), small_solution()));
  EXPECT_EQ(j["verdict"], "ok");
  EXPECT_EQ(j["tolerance"], kAccuracyTolerance);
  for (const char* k : {"primal", "dual", "complementarity", "objective"})
    for (const char* f : {"absolute", "scaled", "max_absolute", "where"}) EXPECT_TRUE(j[k].contains(f)) << k << "." << f;
  EXPECT_FALSE(j.contains("resolved"));
}

// A solver that answers once with a wrong value, then right: the poor answer is re-solved
// without presolve and the accurate one kept, marked as such.
TEST(SolutionCheck, PoorAnswerIsSolvedOnceMoreWithoutPresolve) {
  int calls = 0;
  bool saw_presolve_off = false;
  CheckedSolver sloppy = [&](const LinearProgram& lp, const SolveOptions& o) {
    ++calls;
    LpSolution s = solve_with_clp(lp, o);
    if (o.presolve) s.col_value[1] += 1e-3;
    else saw_presolve_off = true;
    return s;
  };
  LpSolution s = retry_when_inaccurate(sloppy)(small_lp(), SolveOptions{});
  EXPECT_EQ(calls, 2);
  EXPECT_TRUE(saw_presolve_off);
  EXPECT_EQ(s.message, kResolvedWithoutPresolve);
  EXPECT_TRUE(check_solution(small_lp(), s).ok);

  // Accurate first time: one call. Presolve already off: no second try, the poor answer stays.
  calls = 0;
  retry_when_inaccurate([&](const LinearProgram& lp, const SolveOptions& o) { ++calls; return solve_with_clp(lp, o); })(
      small_lp(), SolveOptions{});
  EXPECT_EQ(calls, 1);
  calls = 0;
  SolveOptions off;
  off.presolve = false;
  CheckedSolver always_wrong = [&](const LinearProgram& lp, const SolveOptions& o) {
    ++calls;
    LpSolution r = solve_with_clp(lp, o);
    r.col_value[1] += 1e-3;
    return r;
  };
  EXPECT_FALSE(check_solution(small_lp(), retry_when_inaccurate(always_wrong)(small_lp(), off)).ok);
  EXPECT_EQ(calls, 1);
  // Both tries poor: the first is kept and the warning stays.
  calls = 0;
  LpSolution kept = retry_when_inaccurate(always_wrong)(small_lp(), SolveOptions{});
  EXPECT_EQ(calls, 2);
  EXPECT_FALSE(check_solution(small_lp(), kept).ok);
}

// A plan solved through solve_plan carries the check; a solver that keeps returning a perturbed
// answer yields a result whose accuracy is poor and whose warning names the row.
TEST(SolutionCheck, PlanResultCarriesTheCheckAndWarns) {
  Plan p = test::williams_plan();
  PlanResult good = solve_plan(p);
  ASSERT_EQ(good.status, "optimal");
  ASSERT_TRUE(good.accuracy.has_value());
  EXPECT_TRUE(good.accuracy->ok) << accuracy_warning(*good.accuracy);
  EXPECT_EQ(accuracy_warning(good), "");
  EXPECT_EQ(to_json(good)["accuracy"]["verdict"], "ok");

  PlanLp plan_lp = build_plan_lp(p);
  const int col = plan_lp.columns.output[0][2];  // coal's output in year 2
  PlanResult bad = solve_plan(p, SolveOptions{}, [&](const LinearProgram& lp, const SolveOptions& o) {
    LpSolution s = solve_with_clp(lp, o);
    if (s.status == SolveStatus::optimal) s.col_value[static_cast<std::size_t>(col)] += 1e-3 * (1.0 + std::fabs(s.col_value[static_cast<std::size_t>(col)]));
    return s;
  });
  ASSERT_EQ(bad.status, "optimal");
  ASSERT_TRUE(bad.accuracy.has_value());
  EXPECT_FALSE(bad.accuracy->ok);
  EXPECT_EQ(bad.accuracy->primal.where.rfind("row ", 0), 0u) << bad.accuracy->primal.where;
  const std::string w = accuracy_warning(bad);
  EXPECT_NE(w.find("warning: the solution is inaccurate: primal violation"), std::string::npos) << w;
  EXPECT_NE(w.find(" at " + bad.accuracy->primal.where), std::string::npos) << w;
  EXPECT_EQ(w.back(), '\n');
  EXPECT_EQ(to_json(bad)["accuracy"]["verdict"], "poor");
}

// The library check and the independent one agree on real plans, solved and perturbed.
TEST(SolutionCheck, AgreesWithAnIndependentKktCheckOnPlans) {
  const std::string root = PLANNER_SOURCE_DIR;
  std::vector<Plan> plans{test::williams_plan(), test::corn_plan(), test::corn_plan_with_labour(3.0)};
  for (const char* f : {"williams-max-capacity.toml", "williams-max-output.toml", "fyp1-stated-goals.toml",
                        "fyp1-gosplan-initial.toml", "fyp1-gosplan-optimal.toml", "fyp1-revised-1930.toml"})
    plans.push_back(read_plan(root + "/plans/" + f));
  int checked = 0;
  for (const Plan& p : plans) {
    PlanLp plan_lp = build_plan_lp(p);
    LpSolution s = solve_with_clp(plan_lp.lp);
    if (s.status != SolveStatus::optimal) continue;
    ++checked;
    SolutionCheck c = check_solution(plan_lp.lp, s);
    EXPECT_TRUE(c.ok) << p.name << ": " << accuracy_warning(c);
    EXPECT_EQ(c.ok, independent_kkt(plan_lp.lp, s)) << p.name;
    // Perturb the largest output of year 1 by 1e-3 relative (its balance is an equality): both
    // checks must flag it.
    std::size_t big = static_cast<std::size_t>(plan_lp.columns.output[0][1]);
    for (const auto& by_year : plan_lp.columns.output)
      if (std::fabs(s.col_value[static_cast<std::size_t>(by_year[1])]) > std::fabs(s.col_value[big]))
        big = static_cast<std::size_t>(by_year[1]);
    LpSolution bad = s;
    bad.col_value[big] += 1e-3 * (1.0 + std::fabs(s.col_value[big]));
    bad.objective = plan_lp.lp.objective_value(bad.col_value);
    SolutionCheck cb = check_solution(plan_lp.lp, bad);
    EXPECT_FALSE(cb.ok) << p.name << " column " << plan_lp.lp.col_names[big];
    EXPECT_FALSE(independent_kkt(plan_lp.lp, bad)) << p.name;
  }
  EXPECT_GE(checked, 6);
}
