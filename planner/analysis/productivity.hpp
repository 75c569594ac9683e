#pragma once
// Is the economy productive (Hawkins–Simon)? A non-negative A is productive when its spectral
// radius ρ(A) < 1; spec §1 also refuses a column sum ≥ 1 (a sector whose inputs per unit
// already reach a whole unit of its output). A model that fails is refused by name instead of
// printing a meaningless inverse.
#include <Eigen/Dense>
#include <string>
#include <vector>

#include "planner/model/economy.hpp"

namespace planner::analysis {

struct Productivity {
  bool productive = true;                ///< ρ(A) < 1 and every column sum < 1
  double spectral_radius = 0.0;          ///< ρ(A): largest modulus of A's eigenvalues
  Eigen::VectorXd column_sums;           ///< Σ_i A[i][j], one per sector j
  std::vector<std::size_t> offending;    ///< sectors whose column sum is ≥ 1
};

/// ρ(A), the largest modulus of A's (possibly complex) eigenvalues; 0 for an empty matrix.
double spectral_radius(const Eigen::MatrixXd& technical);

/// Column sums, ρ(A) and the sectors that break productivity.
Productivity check_productivity(const Eigen::MatrixXd& technical);

/// Throws Error(bad_input) naming the offending sectors and ρ(A) unless `economy` is productive;
/// returns the check otherwise.
Productivity require_productive(const Economy& economy);

}  // namespace planner::analysis
