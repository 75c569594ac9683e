#pragma once
// Small plans built in code for the lp/ tests, with answers derived by hand in the tests.
#include <Eigen/Dense>

#include "planner/lp/linear_program.hpp"
#include "planner/model/plan.hpp"

namespace planner::test {

/// One sector "corn": ℓA = 1, A = 0.5, ℓB = 1, Bk = 1, x̄ = 0, s̄ = 10, k̄ = 4, demand 1;
/// T = 1 with a steady-state terminal year (H = 2, x* = 2); objective max-capacity.
///   balance t=0: 10 = 0.5 x1 + e1 + s1;  balance t=1: s1 + x1 = 0.5 x2 + 1 + s2
///   capacity: x1 ≤ 4 + e1, x2 ≤ 4 + e1;  terminal: x2 ≥ 2
inline Plan corn_plan() {
  Plan p;
  p.name = "corn";
  p.file = "corn.toml";
  Sector s;
  s.id = "corn";
  s.stock = 10.0;
  s.capacity = 4.0;
  s.demand = 1.0;
  p.economy.sectors.push_back(s);
  p.economy.technical = Eigen::MatrixXd::Constant(1, 1, 0.5);
  p.economy.technical_lag = 1;
  p.economy.capital = Eigen::MatrixXd::Constant(1, 1, 1.0);
  p.economy.capital_lag = 1;
  p.years = 1;
  p.terminal_steady_state = true;
  p.demand_years = {1};
  return p;
}

/// corn_plan with a resource "labour": 1 per unit of output (lag 0), `available` a year.
inline Plan corn_plan_with_labour(double available) {
  Plan p = corn_plan();
  Resource r;
  r.id = "labour";
  r.available = {available};
  r.per_output = Eigen::VectorXd::Constant(1, 1.0);
  r.per_capacity = Eigen::VectorXd::Zero(1);
  p.economy.resources.push_back(r);
  return p;
}

/// Williams' coal/steel/transport economy (oracle williams_economic_planning.txt), problem 1.
inline Plan williams_plan() {
  Plan p;
  p.name = "williams";
  p.file = "williams.toml";
  auto& e = p.economy;
  const char* ids[] = {"coal", "steel", "transport"};
  const double stock[] = {150, 80, 100}, cap[] = {300, 350, 280}, demand[] = {60, 60, 30};
  for (int i = 0; i < 3; ++i) {
    Sector s;
    s.id = ids[i];
    s.stock = stock[i];
    s.capacity = cap[i];
    s.demand = demand[i];
    e.sectors.push_back(s);
  }
  e.technical.resize(3, 3);
  e.technical << 0.1, 0.5, 0.4, 0.1, 0.1, 0.2, 0.2, 0.1, 0.2;
  e.technical_lag = 1;
  e.capital.resize(3, 3);
  e.capital << 0.0, 0.7, 0.9, 0.1, 0.1, 0.2, 0.2, 0.1, 0.2;
  e.capital_lag = 2;
  Resource labour;
  labour.id = "labour";
  labour.available = {470.0};
  labour.per_output = Eigen::Vector3d(0.6, 0.3, 0.2);
  labour.per_capacity = Eigen::Vector3d(0.4, 0.2, 0.1);
  labour.per_output_lag = 0;
  labour.per_capacity_lag = 1;
  e.resources.push_back(labour);
  p.years = 5;
  p.terminal_steady_state = true;
  p.demand_years = {1, 2, 3, 4, 5};
  return p;
}

/// max 3x + 2y (+ 1) s.t. total: x + y ≤ 4, x_limit: x ≤ 3: x = 3, y = 1, z = 12; the duals
/// (2 and 1) are unique.
inline lp::LinearProgram two_variable_lp() {
  lp::LpBuilder b;
  int x = b.add_variable("x", 0, lp::kInf, 3);
  int y = b.add_variable("y", 0, lp::kInf, 2);
  b.add_row("total", {{x, 1}, {y, 1}}, -lp::kInf, 4);
  b.add_row("x_limit", {{x, 1}}, -lp::kInf, 3);
  b.set_sense(lp::Sense::maximise);
  b.set_offset(1.0);
  return b.build();
}

}  // namespace planner::test
