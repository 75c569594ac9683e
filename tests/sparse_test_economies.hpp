#pragma once
// Random productive economies for the sparse-analysis tests: the same A dense and sparse.
#include <Eigen/Dense>
#include <Eigen/SparseCore>
#include <random>
#include <string>
#include <vector>

#include "analysis_test_economies.hpp"
#include "planner/model/sparse_economy.hpp"

namespace sparse_test {

/// n×n non-negative A with `per_column` random entries per column, each column summing to a
/// value in [0.3, 0.8] (so ρ(A) ≤ 0.8); deterministic for a seed.
inline Eigen::MatrixXd random_technical(int n, int per_column, unsigned seed) {
  std::mt19937 g(seed);
  std::uniform_int_distribution<int> row(0, n - 1);
  std::uniform_real_distribution<double> u(0.05, 1.0), total(0.3, 0.8);
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(n, n);
  for (int j = 0; j < n; ++j) {
    for (int k = 0; k < per_column; ++k) a(row(g), j) += u(g);
    a.col(j) *= total(g) / a.col(j).sum();
  }
  return a;
}

/// The dense economy (ids s0…s{n−1}, outputs 10…, demand 1…) and its labour resource.
inline planner::Economy dense_economy(const Eigen::MatrixXd& a) {
  const auto n = a.rows();
  std::vector<std::string> ids;
  for (Eigen::Index i = 0; i < n; ++i) ids.push_back("s" + std::to_string(i));
  Eigen::VectorXd output = Eigen::VectorXd::LinSpaced(n, 10.0, 50.0);
  Eigen::VectorXd demand = Eigen::VectorXd::LinSpaced(n, 1.0, 5.0);
  planner::Economy e = analysis_test::economy(ids, a, output, demand);
  e.resources.push_back(analysis_test::resource("labour", Eigen::VectorXd::LinSpaced(n, 0.1, 0.9)));
  return e;
}

/// The same economy with A sparse.
inline planner::SparseEconomy sparse_economy(const planner::Economy& dense) {
  planner::SparseEconomy s;
  s.name = dense.name;
  s.file = dense.file;
  s.sectors = dense.sectors;
  s.resources = dense.resources;
  s.technical = dense.technical.sparseView();
  s.technical.makeCompressed();
  return s;
}

}  // namespace sparse_test
