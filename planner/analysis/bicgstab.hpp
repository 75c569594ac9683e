#pragma once
// BiCGSTAB (van der Vorst 1992) with the diagonal of M as preconditioner, for the large sparse
// Leontief systems (I − A)x = f and (I − A)ᵀy = v. The same recurrences as Eigen's BiCGSTAB
// (restart when r turns orthogonal to r̂₀), written out so that the two products with M of
// each iteration run on all cores and the vector updates are fused into five passes over
// memory (parallel_ranges.hpp): at n = 10⁶ the method is bound by memory, not arithmetic.
#include <Eigen/Core>
#include <Eigen/SparseCore>

namespace planner::analysis {

using RowMajorMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor>;

/// y = M·x, rows shared among threads by their nonzeros (y is resized).
void multiply(const RowMajorMatrix& m, const Eigen::VectorXd& x, Eigen::VectorXd& y);

struct KrylovOutcome {
  int iterations = 0;
  bool converged = false;  ///< the recurrence residual reached tolerance·‖b‖ (recheck it from x)
};

/// Solves M x = b starting from x (zeros when x is empty) until the recurrence residual
/// ‖r‖ ≤ tolerance·‖b‖ or max_iterations; a breakdown (r̂₀ᵀv = 0, non-finite numbers) ends it
/// unconverged, leaving the last finite x.
KrylovOutcome bicgstab(const RowMajorMatrix& m, const Eigen::VectorXd& b, Eigen::VectorXd& x, double tolerance,
                       int max_iterations);

}  // namespace planner::analysis
