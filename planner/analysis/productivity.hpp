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
//
// At scale the eigenvalues are too dear (a dense eigen-decomposition takes ~10 s at n = 1,000
// and grows as n³; impossible for a sparse n = 10⁶). Above exact_spectral_limit sectors, ρ(A) of
// a non-negative A is bracketed instead by Collatz–Wielandt bounds from a power iteration:
// for any x > 0, minᵢ (Ax)ᵢ/xᵢ ≤ ρ(A) ≤ maxᵢ (Ax)ᵢ/xᵢ. The upper bound < 1 − margin proves
// productivity, the lower bound ≥ 1 − margin proves the opposite; both are reported. A dense
// A whose bounds stay inconclusive falls back to the eigenvalues. For a periodic (cyclic) A
// the bounds need not meet; they stay valid, and the upper one is reported as the estimate.
#include <Eigen/Dense>
#include <functional>
#include <string>
#include <vector>

#include "planner/model/economy.hpp"

namespace planner::analysis {

/// ρ(A) must stay below 1 − productivity_margin for the economy to count as productive.
inline constexpr double productivity_margin = 1e-10;

/// Up to this many sectors ρ(A) is computed from the eigenvalues; above it, bounded (see above).
inline constexpr Eigen::Index exact_spectral_limit = 400;

/// Collatz–Wielandt bounds on the Perron root ρ(A) of a non-negative A.
struct PerronBounds {
  double lower = 0.0;       ///< max over iterations of minᵢ (Ax)ᵢ/xᵢ: ρ(A) ≥ lower
  double upper = 0.0;       ///< min over iterations of maxᵢ (Ax)ᵢ/xᵢ: ρ(A) ≤ upper
  int iterations = 0;       ///< products with A used
  bool converged = false;   ///< upper − lower ≤ tolerance
  /// The estimate: the midpoint when converged, else the upper bound.
  double estimate() const { return converged ? 0.5 * (lower + upper) : upper; }
};

/// Bounds on ρ(A) for A ≥ 0 (n×n) given as y = A·x (`multiply(x, y)`), from a power iteration
/// started at x = 1; stops when upper − lower ≤ tolerance or after max_iterations products.
PerronBounds perron_bounds(Eigen::Index n, const std::function<void(const Eigen::VectorXd& x, Eigen::VectorXd& y)>& multiply,
                           double tolerance = 1e-10, int max_iterations = 1000);

struct Productivity {
  bool productive = true;                        ///< ρ(A) < 1 − productivity_margin (Hawkins–Simon holds)
  double spectral_radius = 0.0;                  ///< ρ(A): largest modulus of A's eigenvalues (or its estimate)
  double spectral_radius_lower = 0.0;            ///< proven lower bound on ρ(A) (= ρ(A) when exact)
  double spectral_radius_upper = 0.0;            ///< proven upper bound on ρ(A) (= ρ(A) when exact)
  std::string method = "eigenvalues";            ///< "eigenvalues" or "Collatz–Wielandt bounds"
  int iterations = 0;                            ///< power iterations used by the bounds (0 when exact)
  Eigen::VectorXd column_sums;                   ///< Σ_i A[i][j], one per sector j
  std::vector<std::size_t> inputs_exceed_output; ///< sectors whose column sum of A is ≥ 1
};

/// ρ(A), the largest modulus of A's (possibly complex) eigenvalues; 0 for an empty matrix.
double spectral_radius(const Eigen::MatrixXd& technical);

/// Column sums, ρ(A), whether A is productive and the sectors whose column sum is ≥ 1; ρ(A)
/// exactly up to exact_spectral_limit sectors (or when A has a negative entry), else bounded.
Productivity check_productivity(const Eigen::MatrixXd& technical);

/// The verdict from bounds: productive when upper < 1 − margin; not when lower ≥ 1 − margin.
/// Undecided bounds count as not productive (nothing proves Hawkins–Simon).
Productivity productivity_from_bounds(const PerronBounds& bounds, Eigen::VectorXd column_sums);

/// The check of `economy`; throws Error(bad_input) naming ρ(A) and the sectors whose column
/// sum is ≥ 1 when ρ(A) ≥ 1 (within productivity_margin).
Productivity require_productive(const Economy& economy);

}  // namespace planner::analysis
