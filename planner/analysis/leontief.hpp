#pragma once
// The Leontief quantity model (spec §1): technical coefficients A = Z·diag(x)⁻¹ and the
// Leontief inverse L = (I − A)⁻¹. LeontiefSystem holds one LU factorisation of (I − A) so an
// analysis factorises once and solves for every vector it needs (x = L f, k·L, prices).
//
// Speed (measured in docs/performance.md): L is formed from the LU factors as getri does,
// L = U⁻¹·(L_lu⁻¹)·P — the unit-lower inverse exploits its triangular zeros (n³/3 flops) and
// U⁻¹ is applied by column blocks — 2n³ flops in all, the cost of one same-size matrix
// product, where `lu.inverse()` (= lu.solve(I)) spends 2.7n³. The column blocks of both
// solves are shared among the cores (parallel_ranges.hpp); the LU (⅔n³) runs on one.
#include <Eigen/Dense>

#include "planner/model/economy.hpp"

namespace planner::analysis {

/// A = Z·diag(x)⁻¹: input of row sector per unit of column sector's output; a column whose output is 0 is zeros.
Eigen::MatrixXd technical_coefficients(const Eigen::MatrixXd& flows, const Eigen::VectorXd& output);

/// Z: the economy's intermediate flows when the file gave them, else A·diag(x̄).
Eigen::MatrixXd intermediate_flows(const Economy& economy);

/// A relative residual above this is reported as a warning: the answer may be wrong.
inline constexpr double residual_warning = 1e-8;

/// One LU factorisation of (I − A). A must be productive (see productivity.hpp), so I − A is invertible.
class LeontiefSystem {
 public:
  /// Factorises I − A (A square).
  explicit LeontiefSystem(Eigen::MatrixXd technical);

  /// A, the technical coefficients factorised.
  const Eigen::MatrixXd& technical() const { return technical_; }
  /// Number of sectors n.
  Eigen::Index size() const { return technical_.rows(); }
  /// x = L·f: gross output of every sector that delivers final demand f.
  Eigen::VectorXd output_for(const Eigen::VectorXd& final_demand) const;
  /// Lᵀ·v = (I − A)ᵀ⁻¹·v: prices from value-added coefficients v, or the row vector k·L as a column.
  Eigen::VectorXd solve_transposed(const Eigen::VectorXd& v) const;
  /// L = (I − A)⁻¹ as a matrix, from the one factorisation (2n³ flops; the solves after the LU run on all cores).
  Eigen::MatrixXd leontief_inverse() const;
  /// ‖(I − A)·x − f‖₂ / ‖f‖₂ (‖(I − A)·x − f‖₂ when f = 0): how well x solves (I − A)x = f.
  double residual(const Eigen::VectorXd& x, const Eigen::VectorXd& f) const;
  /// ‖(I − A)ᵀ·p − v‖₂ / ‖v‖₂: how well p solves the transposed system.
  double residual_transposed(const Eigen::VectorXd& p, const Eigen::VectorXd& v) const;
  /// ‖(I − A)·(L·1) − 1‖₂ / ‖1‖₂ for a formed inverse L: an O(n²) check of the whole of L.
  double inverse_residual(const Eigen::MatrixXd& leontief_inverse) const;

 private:
  Eigen::MatrixXd technical_;
  Eigen::PartialPivLU<Eigen::MatrixXd> lu_;
};

/// L = (I − A)⁻¹ for a productive A (factorises once; prefer LeontiefSystem when solving more).
Eigen::MatrixXd leontief_inverse(const Eigen::MatrixXd& technical);

}  // namespace planner::analysis
