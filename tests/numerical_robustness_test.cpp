// Numerical robustness of the plan LP (issue #6 part 3): plans that are hard on a simplex
// solver are solved to a hand-derived optimum and their accuracy check (solution_check.hpp)
// passes — nearly non-productive economies (spectral radius 0.99 … 0.9999), coefficients
// spanning 1e-9 … 1e6 (units rescaled), degenerate and dual-degenerate LPs and plans.
#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "lp_test_plans.hpp"
#include "planner/lp/clp_solver.hpp"
#include "planner/lp/solution_check.hpp"
#include "planner/lp/solve_plan.hpp"
#include "scratch_dir.hpp"

using namespace planner;
using namespace planner::lp;

namespace {

double spectral_radius(const Eigen::MatrixXd& a) { return a.eigenvalues().cwiseAbs().maxCoeff(); }

// Expects an optimal result with objective `z` (relative 1e-9) and an accuracy check that passes.
void expect_accurate(const PlanResult& r, double z, const std::string& label) {
  ASSERT_EQ(r.status, "optimal") << label << ": " << r.message;
  ASSERT_TRUE(r.objective.has_value()) << label;
  EXPECT_NEAR(*r.objective, z, 1e-9 * std::max(1.0, std::fabs(z))) << label;
  ASSERT_TRUE(r.accuracy.has_value()) << label;
  EXPECT_TRUE(r.accuracy->ok) << label << ": " << accuracy_warning(*r.accuracy);
  EXPECT_EQ(accuracy_warning(r), "") << label;
}

// Solves `lp` with and without presolve; both answers must be optimal with objective z and pass the check.
void expect_lp_accurate(const LinearProgram& lp, double z, const std::string& label) {
  for (bool presolve : {true, false}) {
    SolveOptions o;
    o.presolve = presolve;
    LpSolution s = solve_with_clp(lp, o);
    ASSERT_EQ(s.status, SolveStatus::optimal) << label;
    EXPECT_NEAR(s.objective, z, 1e-9 * std::max(1.0, std::fabs(z))) << label << " presolve " << presolve;
    SolutionCheck c = check_solution(lp, s);
    EXPECT_TRUE(c.ok) << label << " presolve " << presolve << ": " << accuracy_warning(c);
  }
}

// A doubly stochastic P (rows and columns sum to 1, not symmetric): ρ(ρ·P) = ρ,
// (I − ρP)·1 = (1 − ρ)·1 and 1ᵀ(I − ρP)⁻¹ = 1ᵀ/(1 − ρ).
Eigen::Matrix3d stochastic() {
  Eigen::Matrix3d p;
  p << 0.2, 0.5, 0.3,
       0.5, 0.1, 0.4,
       0.3, 0.4, 0.3;
  return p;
}

// Three sectors with A = ρ·P, ℓA = 0, Bk = 0.1 I, ℓB = 1, base-year output x̄ = 1/(1−ρ) each,
// no opening stock, demand d = (0.5, 0.2, 0.3); T = 1, max-output of year 1.
//   year 0: (I − A) x̄ = 1 = 0.1 e1 + s1;   year 1: (I − A) x1 = d − s1;   x1 ≤ k̄ + e1.
// Σ x1 = 1ᵀ(I − A)⁻¹(d − s1) = (Σd − Σs1)/(1 − ρ): the optimum is s1 = 0, z = Σd/(1 − ρ) = 1/(1 − ρ),
// which needs x1 = (I − A)⁻¹ d ≤ k̄ + 10 (k̄ = 2/(1 − ρ) is ample).
Plan nearly_non_productive(double rho) {
  Plan p;
  p.name = "rho " + std::to_string(rho);
  p.file = "nearly-non-productive.toml";
  const double scale = 1.0 / (1.0 - rho), demand[] = {0.5, 0.2, 0.3};
  const char* ids[] = {"a", "b", "c"};
  for (int i = 0; i < 3; ++i) {
    Sector s;
    s.id = ids[i];
    s.output = scale;
    s.capacity = 2.0 * scale;
    s.demand = demand[i];
    p.economy.sectors.push_back(s);
  }
  p.economy.technical = rho * stochastic();
  p.economy.technical_lag = 0;
  p.economy.capital = 0.1 * Eigen::MatrixXd::Identity(3, 3);
  p.economy.capital_lag = 1;
  p.years = 1;
  p.objective.kind = ObjectiveKind::max_output;
  p.objective.years = {1};
  return p;
}

// Williams' economy with sector units rescaled by f and a resource "power" in units g:
// coefficients A_ij f_i/f_j, Bk_ij f_i/f_j, labour l_j/f_j, power p_j g/f_j; quantities × f_i;
// max-capacity weighted by 1/f_j, so the optimum is Williams' own 2141.8751967 whatever f and g.
Plan williams_in_units(const Eigen::Vector3d& f, double g) {
  Plan p = test::williams_plan();
  Economy& e = p.economy;
  for (int i = 0; i < 3; ++i) {
    Sector& s = e.sectors[static_cast<std::size_t>(i)];
    s.stock *= f[i];
    *s.capacity *= f[i];
    s.demand *= f[i];
    p.objective.weights[s.id] = 1.0 / f[i];
    for (int j = 0; j < 3; ++j) {
      e.technical(i, j) *= f[i] / f[j];
      e.capital(i, j) *= f[i] / f[j];
    }
  }
  Resource& labour = e.resources[0];
  Resource power;
  power.id = "power";
  power.available = {1e6 * g};  // far more than the plan uses: it never binds
  power.per_output = Eigen::Vector3d(0.3, 0.2, 0.1) * g;
  power.per_capacity = Eigen::Vector3d::Zero();
  for (int j = 0; j < 3; ++j) {
    labour.per_output[j] /= f[j];
    labour.per_capacity[j] /= f[j];
    power.per_output[j] /= f[j];
  }
  e.resources.push_back(power);
  return p;
}

// Two sectors, no intermediate use, Bk = I (lag 1), no base-year output or stock, capacity k each,
// labour 1 per unit of output with 12 available; T = 1, free disposal, max-output of year 1:
//   year 0: 0 = e1 + s1 (so e1 = s1 = 0);  x1 ≤ k;  x1[a] + x1[b] ≤ 12;  max x1[a] + x1[b] = 12.
// k = 6: the optimum (6, 6) has both capacities and labour binding (primal degenerate, and year 0
// is degenerate too); k = 10: every split with 2 ≤ x1[a] ≤ 10 is optimal (dual degenerate).
Plan two_sectors_sharing_labour(double k) {
  Plan p;
  p.name = "two sectors, capacity " + std::to_string(k);
  p.file = "degenerate.toml";
  for (const char* id : {"a", "b"}) {
    Sector s;
    s.id = id;
    s.capacity = k;
    p.economy.sectors.push_back(s);
  }
  p.economy.technical = Eigen::MatrixXd::Zero(2, 2);
  p.economy.technical_lag = 0;
  p.economy.capital = Eigen::MatrixXd::Identity(2, 2);
  p.economy.capital_lag = 1;
  Resource labour;
  labour.id = "labour";
  labour.available = {12.0};
  labour.per_output = Eigen::Vector2d(1.0, 1.0);
  labour.per_capacity = Eigen::Vector2d::Zero();
  p.economy.resources.push_back(labour);
  p.years = 1;
  p.free_disposal = true;
  p.objective.kind = ObjectiveKind::max_output;
  p.objective.years = {1};
  return p;
}

std::string run(const std::string& cmd) {
  std::string out;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (!pipe) return out;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  ::pclose(pipe);
  return out;
}

}  // namespace

TEST(NumericalRobustness, NearlyNonProductiveEconomiesSolveToTheHandDerivedOptimum) {
  for (double rho : {0.99, 0.999, 0.9999}) {
    Plan p = nearly_non_productive(rho);
    ASSERT_NEAR(spectral_radius(p.economy.technical), rho, 1e-12);
    const double z = 1.0 / (1.0 - rho);
    expect_accurate(solve_plan(p), z, p.name);
    SolveOptions plain;
    plain.presolve = false;
    expect_accurate(solve_plan(p, plain), z, p.name + " without presolve");
    // x1 = (I − A)⁻¹ d: the multiplier 1/(1 − ρ) shows in every sector.
    PlanResult r = solve_plan(p);
    Eigen::Vector3d x1 = (Eigen::Matrix3d::Identity() - p.economy.technical).lu().solve(Eigen::Vector3d(0.5, 0.2, 0.3));
    for (int j = 0; j < 3; ++j)
      EXPECT_NEAR(r.output.at(p.economy.sectors[static_cast<std::size_t>(j)].id, 1), x1[j], 1e-9 * z) << p.name;
  }
}

// Williams' dynamic plan on a technology rescaled to ρ(A) = 0.999, demand chosen so that the
// steady state x* = (I − A)⁻¹ d̄ is (200, 200, 150), opening stocks of 1000 so that producing x*
// every year is feasible: the answer must be accurate, and the same with and without presolve.
TEST(NumericalRobustness, NearlyNonProductiveDynamicPlanIsAccurate) {
  for (ObjectiveKind kind : {ObjectiveKind::max_capacity, ObjectiveKind::max_output}) {
    Plan p = test::williams_plan();
    Economy& e = p.economy;
    e.technical *= 0.999 / spectral_radius(e.technical);
    ASSERT_NEAR(spectral_radius(e.technical), 0.999, 1e-12);
    Eigen::Vector3d xs(200, 200, 150), d = (Eigen::Matrix3d::Identity() - e.technical) * xs;
    for (int i = 0; i < 3; ++i) {
      e.sectors[static_cast<std::size_t>(i)].demand = d[i];
      e.sectors[static_cast<std::size_t>(i)].stock = 1000.0;
    }
    p.objective.kind = kind;
    PlanResult with = solve_plan(p);
    SolveOptions plain;
    plain.presolve = false;
    PlanResult without = solve_plan(p, plain);
    const std::string label = to_string(kind);
    ASSERT_EQ(with.status, "optimal") << label << ": " << with.message;
    ASSERT_EQ(without.status, "optimal") << label;
    EXPECT_NEAR(*with.objective, *without.objective, 1e-7 * (1.0 + std::fabs(*with.objective))) << label;
    for (const PlanResult* r : {&with, &without}) {
      ASSERT_TRUE(r->accuracy.has_value());
      EXPECT_TRUE(r->accuracy->ok) << label << ": " << accuracy_warning(*r->accuracy);
      EXPECT_GE(r->output.at("coal", 6), 200.0 - 1e-6) << label;  // the terminal year keeps x*
    }
  }
}

TEST(NumericalRobustness, CoefficientsFromOneBillionthToOneMillionAreSolvedAccurately) {
  const double williams = 2141.8751967;  // oracle williams_economic_planning.txt, problem 1
  Plan plain = williams_in_units(Eigen::Vector3d(1, 1, 1), 1.0);
  Plan scaled = williams_in_units(Eigen::Vector3d(1e-3, 1, 5e3), 5e-5);
  // The rescaled LP's coefficients really span 1e-9 … 1e6.
  LinearProgram lp = build_plan_lp(scaled).lp;
  double lo = kInf, hi = 0.0;
  for (double a : lp.a_value)
    if (a != 0.0) {
      lo = std::min(lo, std::fabs(a));
      hi = std::max(hi, std::fabs(a));
    }
  EXPECT_LE(lo, 1.0001e-9);
  EXPECT_GE(hi, 0.9999e6);
  for (const Plan* p : {&plain, &scaled}) {
    PlanResult r = solve_plan(*p);
    ASSERT_EQ(r.status, "optimal");
    EXPECT_NEAR(*r.objective, williams, 1e-7 * williams);
    ASSERT_TRUE(r.accuracy.has_value());
    EXPECT_TRUE(r.accuracy->ok) << accuracy_warning(*r.accuracy);
  }
  // Both unit systems describe one economy: steel (unit factor 1) has the same capacity in both.
  PlanResult a = solve_plan(plain), b = solve_plan(scaled);
  EXPECT_NEAR(b.capacity.at("steel", 5), a.capacity.at("steel", 5), 1e-6 * (1 + a.capacity.at("steel", 5)));
  EXPECT_NEAR(*a.objective, *b.objective, 1e-7 * williams);
  // The same LP without presolve.
  expect_lp_accurate(lp, *b.objective, "scaled Williams");
}

// max 2 x1 + 3 x2 with rows  1e6 (x1 + 2 x2) ≤ 4e6  and  1e-9 (3 x1 + x2) ≤ 6e-9:
// the vertex (1.6, 1.2), z = 6.8; duals 1.4e-6 and 2e8 (1.4 and 0.2 before the rows were scaled).
// CLP 1.17 with presolve answers x = (4, 0), z = 8: the tiny row is then violated by 6e-9, within
// its absolute tolerance but by half of the row's own size. The check must flag such an answer,
// and solve_plan's retry (without presolve) must find the right one.
TEST(NumericalRobustness, BadlyScaledRowsAreCaughtAndResolved) {
  LpBuilder b;
  int x1 = b.add_variable("x1", 0, kInf, 2.0), x2 = b.add_variable("x2", 0, kInf, 3.0);
  b.add_row("big", {{x1, 1e6}, {x2, 2e6}}, -kInf, 4e6);
  b.add_row("tiny", {{x1, 3e-9}, {x2, 1e-9}}, -kInf, 6e-9);
  b.set_sense(Sense::maximise);
  LinearProgram lp = b.build();
  LpSolution raw = solve_with_clp(lp);
  ASSERT_EQ(raw.status, SolveStatus::optimal);
  SolutionCheck raw_check = check_solution(lp, raw);
  if (std::fabs(raw.objective - 6.8) > 1e-9) {  // never a silent wrong answer
    EXPECT_FALSE(raw_check.ok) << "z = " << raw.objective;
    EXPECT_EQ(raw_check.primal.where, "row tiny");
  } else {
    EXPECT_TRUE(raw_check.ok) << accuracy_warning(raw_check);
  }
  LpSolution s = retry_when_inaccurate([](const LinearProgram& l, const SolveOptions& o) { return solve_with_clp(l, o); })(
      lp, SolveOptions{});
  ASSERT_EQ(s.status, SolveStatus::optimal);
  EXPECT_NEAR(s.objective, 6.8, 1e-9);
  EXPECT_TRUE(check_solution(lp, s).ok) << accuracy_warning(check_solution(lp, s));
  EXPECT_NEAR(s.col_value[0], 1.6, 1e-9);
  EXPECT_NEAR(s.col_value[1], 1.2, 1e-9);
  EXPECT_NEAR(s.row_dual[0], 1.4e-6, 1e-15);
  EXPECT_NEAR(s.row_dual[1], 2e8, 1e-1);
}

// Beale's example (1955), the LP on which the textbook simplex rule cycles:
//   min −3/4 x4 + 20 x5 − 1/2 x6 + 6 x7
//   s.t. 1/4 x4 − 8 x5 − x6 + 9 x7 ≤ 0;  1/2 x4 − 12 x5 − 1/2 x6 + 3 x7 ≤ 0;  x6 ≤ 1;  x ≥ 0.
// The origin is a degenerate vertex; the optimum is x4 = 1, x6 = 1, z = −5/4.
TEST(NumericalRobustness, DegenerateLpBealeCyclingExample) {
  LpBuilder b;
  int x4 = b.add_variable("x4", 0, kInf, -0.75), x5 = b.add_variable("x5", 0, kInf, 20.0);
  int x6 = b.add_variable("x6", 0, kInf, -0.5), x7 = b.add_variable("x7", 0, kInf, 6.0);
  b.add_row("r1", {{x4, 0.25}, {x5, -8}, {x6, -1}, {x7, 9}}, -kInf, 0.0);
  b.add_row("r2", {{x4, 0.5}, {x5, -12}, {x6, -0.5}, {x7, 3}}, -kInf, 0.0);
  b.add_row("r3", {{x6, 1.0}}, -kInf, 1.0);
  LinearProgram lp = b.build();
  expect_lp_accurate(lp, -1.25, "Beale");
  LpSolution s = solve_with_clp(lp);
  EXPECT_NEAR(s.col_value[0], 1.0, 1e-9);
  EXPECT_NEAR(s.col_value[2], 1.0, 1e-9);
}

// max 3x + 2y  s.t.  x + y ≤ 4,  x + 3y ≤ 6,  x ≤ 3: three constraints meet at (3, 1), z = 11.
// max x + y  s.t.  x + y ≤ 4,  x ≤ 3,  y ≤ 3: every point of the segment (1,3)–(3,1) is optimal, z = 4.
TEST(NumericalRobustness, DegenerateAndDualDegenerateSmallLps) {
  {
    LpBuilder b;
    int x = b.add_variable("x", 0, 3, 3.0), y = b.add_variable("y", 0, kInf, 2.0);
    b.add_row("r1", {{x, 1}, {y, 1}}, -kInf, 4);
    b.add_row("r2", {{x, 1}, {y, 3}}, -kInf, 6);
    b.set_sense(Sense::maximise);
    expect_lp_accurate(b.build(), 11.0, "primal degenerate");
  }
  {
    LpBuilder b;
    int x = b.add_variable("x", 0, 3, 1.0), y = b.add_variable("y", 0, 3, 1.0);
    b.add_row("r1", {{x, 1}, {y, 1}}, -kInf, 4);
    b.set_sense(Sense::maximise);
    LinearProgram lp = b.build();
    expect_lp_accurate(lp, 4.0, "dual degenerate");
    // Any other optimal point with the solver's duals passes the check too.
    LpSolution s = solve_with_clp(lp);
    s.col_value = {1.5, 2.5};
    s.objective = 4.0;
    EXPECT_TRUE(check_solution(lp, s).ok) << accuracy_warning(check_solution(lp, s));
  }
}

TEST(NumericalRobustness, DegeneratePlanSolvesToTheHandDerivedOptimum) {
  for (bool presolve : {true, false}) {
    SolveOptions o;
    o.presolve = presolve;
    PlanResult r = solve_plan(two_sectors_sharing_labour(6.0), o);
    expect_accurate(r, 12.0, "primal degenerate plan");
    EXPECT_NEAR(r.output.at("a", 1), 6.0, 1e-9);
    EXPECT_NEAR(r.output.at("b", 1), 6.0, 1e-9);
  }
}

TEST(NumericalRobustness, DualDegeneratePlanSolvesToTheHandDerivedOptimum) {
  for (bool presolve : {true, false}) {
    SolveOptions o;
    o.presolve = presolve;
    PlanResult r = solve_plan(two_sectors_sharing_labour(10.0), o);
    expect_accurate(r, 12.0, "dual degenerate plan");
    const double a = r.output.at("a", 1), b = r.output.at("b", 1);
    EXPECT_NEAR(a + b, 12.0, 1e-9);  // which split the solver picks is its own business
    EXPECT_GE(a, 2.0 - 1e-9);
    EXPECT_LE(a, 10.0 + 1e-9);
  }
}

// The command line shows the check: "accuracy" in JSON, no warning in the table when it is ok.
TEST(NumericalRobustness, CliReportsTheAccuracy) {
  const std::string root = PLANNER_SOURCE_DIR, cli = PLANNER_CLI;
  const auto err = test::scratch_dir("numerical_robustness") / "stderr.txt";
  std::string json = run("cd " + root + " && " + cli + " solve plans/williams-max-capacity.toml --format json 2>" + err.string());
  nlohmann::json j = nlohmann::json::parse(json);
  EXPECT_EQ(j["accuracy"]["verdict"], "ok");
  EXPECT_LT(j["accuracy"]["worst"].get<double>(), 1e-9);
  std::string table = run("cd " + root + " && " + cli + " solve plans/williams-max-capacity.toml 2>" + err.string());
  EXPECT_NE(table.find("Status: optimal"), std::string::npos);
  EXPECT_EQ(table.find("warning"), std::string::npos);
}
