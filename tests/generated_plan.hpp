// A generated dynamic plan for LP tests (shared by algorithm_choice_test and solve_progress_test).
#pragma once

#include <Eigen/Dense>
#include <random>
#include <string>

#include "planner/model/plan.hpp"

namespace planner::test {

// The benchmark family of bench/lp_generate.py in miniature: n sectors, T = 5, technical lag 1,
// capital lag 2, steady-state terminal year, k nonzeros per column of A (column sums 0.35–0.65),
// one labour limit 1.15× what the steady state x* = (I − A)⁻¹ d needs, max-capacity.
inline Plan generated_plan(int n, unsigned seed) {
  std::mt19937 rng(seed);
  auto uni = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); };
  auto row = [&] { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  Plan p;
  Economy& e = p.economy;
  e.technical = Eigen::MatrixXd::Zero(n, n);
  e.capital = Eigen::MatrixXd::Zero(n, n);
  for (int j = 0; j < n; ++j) {
    e.technical(j, j) = uni(0.2, 1.0);
    for (int k = 0; k < 7; ++k) e.technical(row(), j) += uni(0.2, 1.0);
    e.technical.col(j) *= uni(0.35, 0.65) / e.technical.col(j).sum();
    for (int k = 0; k < 3; ++k) e.capital(row(), j) += uni(0.2, 1.0);
    e.capital.col(j) *= uni(0.8, 2.0) / e.capital.col(j).sum();
  }
  e.technical_lag = 1;
  e.capital_lag = 2;
  Eigen::VectorXd d(n);
  for (int j = 0; j < n; ++j) d[j] = uni(10, 50);
  const Eigen::VectorXd xs = (Eigen::MatrixXd::Identity(n, n) - e.technical).partialPivLu().solve(d);
  for (int j = 0; j < n; ++j) {
    Sector s;
    s.id = "s" + std::to_string(j);
    s.output = xs[j];
    s.stock = 0.2 * xs[j];
    s.capacity = 1.25 * xs[j];
    s.demand = d[j];
    e.sectors.push_back(s);
  }
  Resource labour;
  labour.id = "labour";
  labour.per_output = Eigen::VectorXd(n);
  labour.per_capacity = Eigen::VectorXd(n);
  for (int j = 0; j < n; ++j) {
    labour.per_output[j] = uni(0.1, 1.0);
    labour.per_capacity[j] = uni(0.05, 0.5);
  }
  labour.per_capacity_lag = 1;
  labour.available = {1.15 * labour.per_output.dot(xs)};
  e.resources.push_back(labour);
  p.years = 5;
  p.terminal_steady_state = true;
  p.terminal_capacity_bound = true;
  p.objective.kind = ObjectiveKind::max_capacity;
  return p;
}


}  // namespace planner::test
