#pragma once
// The Leontief quantity model (spec §1): technical coefficients A = Z·diag(x)⁻¹ and the
// Leontief inverse L = (I − A)⁻¹. LeontiefSystem holds one LU factorisation of (I − A) so an
// analysis factorises once and solves for every vector it needs (x = L f, k·L, prices).
#include <Eigen/Dense>

#include "planner/model/economy.hpp"

namespace planner::analysis {

/// A = Z·diag(x)⁻¹: input of row sector per unit of column sector's output; a column whose output is 0 is zeros.
Eigen::MatrixXd technical_coefficients(const Eigen::MatrixXd& flows, const Eigen::VectorXd& output);

/// Z: the economy's intermediate flows when the file gave them, else A·diag(x̄).
Eigen::MatrixXd intermediate_flows(const Economy& economy);

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
  /// L = (I − A)⁻¹ as a matrix (n solves with the one factorisation).
  Eigen::MatrixXd leontief_inverse() const;

 private:
  Eigen::MatrixXd technical_;
  Eigen::PartialPivLU<Eigen::MatrixXd> lu_;
};

/// L = (I − A)⁻¹ for a productive A (factorises once; prefer LeontiefSystem when solving more).
Eigen::MatrixXd leontief_inverse(const Eigen::MatrixXd& technical);

}  // namespace planner::analysis
