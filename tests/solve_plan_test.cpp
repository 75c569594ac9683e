// Property test: on many generated plans (fixed seeds; varied n, T, lags, resources, trade,
// terminal conditions and every objective kind, sometimes with `then`), every optimal answer
// is checked for optimality from the LinearProgram's own arrays — primal feasibility, dual
// feasibility and complementary slackness within 1e-6 — without trusting the solver.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "lp_test_plans.hpp"
#include "planner/lp/clp_solver.hpp"
#include "planner/lp/solution_check.hpp"
#include "planner/lp/solve_plan.hpp"

using namespace planner;
using namespace planner::lp;

namespace {

Plan random_plan(unsigned seed) {
  std::mt19937 rng(seed);
  auto uni = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); };
  auto pick = [&](int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); };
  const int n = pick(1, 4);
  Plan p;
  p.name = "random-" + std::to_string(seed);
  Economy& e = p.economy;
  for (int i = 0; i < n; ++i) {
    Sector s;
    s.id = "s" + std::to_string(i);
    s.groups = {"all"};
    s.output = uni(0, 50);
    s.stock = uni(0, 100);
    if (pick(0, 3) > 0) s.capacity = uni(20, 200);
    s.depreciation = pick(0, 1) ? uni(0, 0.2) : 0.0;
    s.demand = uni(0, 20);
    if (pick(0, 4) == 0) { s.export_price = uni(0.5, 2); s.export_limit = uni(1, 30); }
    if (pick(0, 4) == 0) { s.import_price = uni(0.5, 2); if (pick(0, 1)) s.import_limit = uni(1, 30); }
    e.sectors.push_back(s);
  }
  // Column sums ≤ 0.6: a productive economy.
  e.technical = Eigen::MatrixXd::Zero(n, n);
  e.capital = Eigen::MatrixXd::Zero(n, n);
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) {
      e.technical(i, j) = pick(0, 2) ? uni(0, 0.6 / n) : 0.0;
      e.capital(i, j) = pick(0, 1) ? uni(0, 1.0 / n) : 0.0;
    }
  e.technical_lag = pick(0, 1);
  e.capital_lag = pick(0, 2);
  for (int r = 0, m = pick(0, 2); r < m; ++r) {
    Resource res;
    res.id = r == 0 ? "labour" : "land";
    if (pick(0, 3) > 0) res.available = {uni(50, 400)};
    res.per_output = Eigen::VectorXd::Zero(n);
    res.per_capacity = Eigen::VectorXd::Zero(n);
    for (int j = 0; j < n; ++j) {
      res.per_output[j] = uni(0, 1);
      res.per_capacity[j] = pick(0, 1) ? uni(0, 0.5) : 0.0;
    }
    res.per_output_lag = pick(0, 1);
    res.per_capacity_lag = pick(0, 1);
    e.resources.push_back(res);
  }
  e.credit = {pick(0, 1) ? uni(0, 10) : 0.0};
  p.years = pick(1, 4);
  p.terminal_steady_state = pick(0, 1);
  p.terminal_capacity_bound = pick(0, 3) > 0;
  for (int t = 1; t <= p.horizon(); ++t)
    if (t <= p.years || e.technical_lag == 0) p.demand_years.push_back(t);  // ℓA = 0 needs demand in year H

  const ObjectiveKind kinds[] = {ObjectiveKind::max_capacity, ObjectiveKind::max_output, ObjectiveKind::max_resource,
                                 ObjectiveKind::min_resource, ObjectiveKind::max_fulfilment,
                                 ObjectiveKind::max_consumption, ObjectiveKind::min_shortfall};
  auto objective = [&]() {
    Objective o;
    o.kind = kinds[pick(0, 6)];
    if (o.kind == ObjectiveKind::max_capacity && !e.has_capacities()) o.kind = ObjectiveKind::max_output;
    if ((o.kind == ObjectiveKind::max_resource || o.kind == ObjectiveKind::min_resource) && e.resources.empty())
      o.kind = ObjectiveKind::min_shortfall;
    if (o.kind == ObjectiveKind::max_resource || o.kind == ObjectiveKind::min_resource) o.resource = e.resources[0].id;
    if (o.kind == ObjectiveKind::max_output && pick(0, 1)) o.years = {p.years};
    if (o.kind == ObjectiveKind::max_consumption) {
      o.discount = uni(0.8, 1.0);
      if (pick(0, 1)) o.floors = {{"s0", uni(0, 5)}};
    }
    return o;
  };
  p.objective = objective();
  if (pick(0, 2) == 0) p.then = objective();
  for (int i = 0; i < n; ++i) {
    Goal g;
    g.id = "s" + std::to_string(i);
    g.sector = g.id;
    g.target = uni(1, 80);
    g.year = p.years;
    p.goals.push_back(g);
  }
  if (pick(0, 1)) {
    Goal g;
    g.id = "all";
    g.group = "all";
    g.multiple = uni(0.5, 2);
    g.year = p.years;
    p.goals.push_back(g);
  }
  return p;
}

double tol(double v) { return 1e-6 * (1.0 + std::fabs(v)); }

// Optimality of (x, y) for `lp`, from the arrays alone. Returns the number of violations.
int check_optimality(const LinearProgram& lp, const LpSolution& s, const std::string& label) {
  int bad = 0;
  auto fail = [&](const std::string& what) {
    if (++bad <= 5) ADD_FAILURE() << label << ": " << what;
  };
  const double sense = lp.sense == Sense::maximise ? 1.0 : -1.0;  // duals as ∂z/∂b: flip for min
  std::vector<double> ax = lp.row_activity(s.col_value);
  std::vector<double> d(lp.col_cost);  // reduced costs d = c − Aᵀy, computed here
  for (int j = 0; j < lp.num_col; ++j)
    for (int k = lp.a_start[j]; k < lp.a_start[j + 1]; ++k) d[j] -= lp.a_value[k] * s.row_dual[lp.a_index[k]];
  for (int j = 0; j < lp.num_col; ++j) {
    const double x = s.col_value[j], lo = lp.col_lower[j], hi = lp.col_upper[j];
    if (x < lo - tol(lo) || x > hi + tol(hi)) fail("column " + lp.col_names[j] + " outside its bounds");
    // For max: d > 0 only at the upper bound, d < 0 only at the lower; min mirrors it.
    const double g = sense * d[j];
    if (g > tol(lp.col_cost[j]) && !(std::isfinite(hi) && x >= hi - tol(hi))) fail("dual infeasible column " + lp.col_names[j]);
    if (g < -tol(lp.col_cost[j]) && !(std::isfinite(lo) && x <= lo + tol(lo))) fail("dual infeasible column " + lp.col_names[j]);
  }
  for (int i = 0; i < lp.num_row; ++i) {
    const double lo = lp.row_lower[i], hi = lp.row_upper[i], y = sense * s.row_dual[i];
    if (ax[i] < lo - tol(lo) || ax[i] > hi + tol(hi)) fail("row " + lp.row_names[i] + " violated");
    if (y > 1e-6 && !(std::isfinite(hi) && ax[i] >= hi - tol(hi))) fail("row " + lp.row_names[i] + ": dual > 0 but slack at its upper bound");
    if (y < -1e-6 && !(std::isfinite(lo) && ax[i] <= lo + tol(lo))) fail("row " + lp.row_names[i] + ": dual < 0 but slack at its lower bound");
  }
  return bad;
}

}  // namespace

TEST(SolvePlan, GeneratedPlansAreProvablyOptimal) {
  int optimal = 0, infeasible = 0, unbounded = 0, then_stages = 0;
  for (unsigned seed = 1; seed <= 300; ++seed) {
    Plan p = random_plan(seed);
    const std::string label = "seed " + std::to_string(seed) + " (" + to_string(p.objective.kind) + ")";
    PlanLp plan_lp = build_plan_lp(p);
    LpSolution s = solve_with_clp(plan_lp.lp);
    if (s.status == SolveStatus::optimal) {
      ++optimal;
      check_optimality(plan_lp.lp, s, label);
      // The library's own accuracy check must agree with this independent one.
      EXPECT_TRUE(planner::lp::check_solution(plan_lp.lp, s).ok) << label;
      EXPECT_NEAR(s.objective, plan_lp.lp.objective_value(s.col_value), 1e-9 * (1 + std::fabs(s.objective)));
      std::string expected = "optimal";
      if (plan_lp.then) {
        LinearProgram second = hold_objective(plan_lp.lp, plan_lp.objective, s.objective, *plan_lp.then);
        LpSolution s2 = solve_with_clp(second);
        if (s2.status == SolveStatus::optimal) {
          ++then_stages;
          check_optimality(second, s2, label + " then " + plan_lp.then->kind);
        } else {
          expected = "unbounded";  // the first optimum held, the second objective can grow without limit
          EXPECT_EQ(s2.status, SolveStatus::unbounded) << label;
        }
      }
      PlanResult r = solve_plan(p);
      EXPECT_EQ(r.status, expected) << label;
    } else {
      PlanResult r = solve_plan(p);
      EXPECT_TRUE(r.diagnosis.has_value()) << label;
      if (r.status == "infeasible") {
        ++infeasible;
        EXPECT_FALSE(r.diagnosis->violations.empty()) << label;
      } else {
        ++unbounded;
        EXPECT_EQ(r.status, "unbounded") << label << ": " << r.message;
      }
    }
  }
  std::cout << "generated plans: " << optimal << " optimal (" << then_stages << " with a `then` stage), "
            << infeasible << " infeasible, " << unbounded << " unbounded\n";
  EXPECT_GE(optimal, 100);
}

TEST(SolvePlan, ResultsAreDeterministic) {
  Plan p = random_plan(7);
  EXPECT_EQ(to_json(solve_plan(p)).dump(), to_json(solve_plan(p)).dump());
}


// Free disposal in the last year (no stock leaves year H = T without a terminal year).
// corn with ℓA = 0, ℓB = 1, T = 1, max-output of year 1:
//   balance t=0: 10 = e1 + s1;   balance t=1: s1 + x1 (=|≥) 0.5 x1 + 1;   x1 ≤ 4 + e1.
//   Equality (spec default): s1 + 0.5 x1 = 1 → x1 ≤ 2, so the optimum is 2.
//   Free disposal: x1 ≤ 4 + 10 − s1 with s1 = 0 → 14.
TEST(SolvePlan, FreeDisposalLetsTheLastYearLeaveOutputUnused) {
  planner::Plan p = planner::test::corn_plan();
  p.economy.technical_lag = 0;
  p.terminal_steady_state = false;
  p.objective.kind = planner::ObjectiveKind::max_output;
  p.objective.years = {1};
  PlanResult strict = solve_plan(p);
  ASSERT_EQ(strict.status, "optimal");
  EXPECT_NEAR(*strict.objective, 2.0, 1e-9);
  p.free_disposal = true;
  PlanResult free = solve_plan(p);
  ASSERT_EQ(free.status, "optimal");
  EXPECT_NEAR(*free.objective, 14.0, 1e-9);
}
