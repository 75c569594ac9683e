#pragma once
// Is the economy productive (Hawkins–Simon)? A non-negative A can deliver any non-negative
// final demand, with L = (I − A)⁻¹ ≥ 0, exactly when its spectral radius ρ(A) < 1. A model
// that fails is refused with the sectors at fault instead of printing a meaningless inverse.
//
// Spec §1 also names "a column sum ≥ 1". All column sums < 1 is sufficient for ρ(A) < 1 but not
// necessary: pymrio's small MRIO (oracles/pymrio_small_mrio_2region_3sector.txt) has column
// sums 1.33 and 1.0 with ρ(A) = 0.64 and a non-negative L that the oracle expects. So a column
// sum ≥ 1 alone is reported (negative value added in a value table, or simply physical units),
// and only ρ(A) ≥ 1 is refused; then some column sum is ≥ 1 (ρ ≤ max column sum for A ≥ 0),
// and those sectors are named.
//
// ρ(A) is computed in floating point, so "≥ 1" is tested as ρ(A) > 1 − productivity_margin:
// an A with ρ(A) = 1 exactly (I − A singular) comes out as 0.9999999999999998, and an inverse
// whose entries are ~1e10 or more is no answer either.
#include <Eigen/Dense>
#include <string>
#include <vector>

#include "planner/model/economy.hpp"

namespace planner::analysis {

/// ρ(A) must stay below 1 − productivity_margin for the economy to count as productive.
inline constexpr double productivity_margin = 1e-10;

struct Productivity {
  bool productive = true;                        ///< ρ(A) < 1 − productivity_margin (Hawkins–Simon holds)
  double spectral_radius = 0.0;                  ///< ρ(A): largest modulus of A's eigenvalues
  Eigen::VectorXd column_sums;                   ///< Σ_i A[i][j], one per sector j
  std::vector<std::size_t> inputs_exceed_output; ///< sectors whose column sum of A is ≥ 1
};

/// ρ(A), the largest modulus of A's (possibly complex) eigenvalues; 0 for an empty matrix.
double spectral_radius(const Eigen::MatrixXd& technical);

/// Column sums, ρ(A), whether A is productive and the sectors whose column sum is ≥ 1.
Productivity check_productivity(const Eigen::MatrixXd& technical);

/// The check of `economy`; throws Error(bad_input) naming ρ(A) and the sectors whose column
/// sum is ≥ 1 when ρ(A) ≥ 1 (within productivity_margin).
Productivity require_productive(const Economy& economy);

}  // namespace planner::analysis
