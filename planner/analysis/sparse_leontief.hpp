#pragma once
// The Leontief quantity and price systems of a large sparse A, solved iteratively:
// x = L·f from (I − A)x = f and Lᵀ·v from (I − A)ᵀy = v, without forming L (which is dense:
// 8 TB at n = 10⁶). I − A and its transpose are stored row-major, so every product with
// them is shared among the cores by rows (bicgstab.hpp, parallel_ranges.hpp).
//
// Method (measured in docs/performance.md on n = 10⁶, 10 nonzeros per column): BiCGSTAB with
// a diagonal (Jacobi) preconditioner. For a productive A the eigenvalues of I − A lie in the
// disc |z − 1| ≤ ρ(A); the Perron root is an isolated outlier that Krylov methods remove in a
// step or two, while the Jacobi/Neumann iteration x ← f + A·x contracts only by ρ(A) per
// step (~200 steps for 1e-10 at ρ = 0.9). Jacobi remains as the fallback when BiCGSTAB
// breaks down, and can be asked for by name. Every answer carries its iterations and its
// relative residual ‖(I − A)x − f‖/‖f‖, recomputed from the returned x.
#include <Eigen/Dense>
#include <Eigen/SparseCore>
#include <string>

#include "planner/analysis/bicgstab.hpp"

namespace planner::analysis {

enum class IterativeMethod {
  bicgstab,  ///< BiCGSTAB with a diagonal preconditioner (default)
  jacobi,    ///< x ← x + D⁻¹(f − (I − A)x), D = diag(I − A): Neumann-like, monotone for A ≥ 0, f ≥ 0
};

/// "bicgstab" or "jacobi".
std::string to_string(IterativeMethod method);

struct IterativeOptions {
  IterativeMethod method = IterativeMethod::bicgstab;
  double tolerance = 1e-12;   ///< stop when the relative residual is below this
  int max_iterations = 5000;  ///< per solve
};

/// How one solve went.
struct SolveReport {
  std::string quantity;        ///< what was solved for, e.g. "output" or "output_multipliers"
  std::string method;          ///< the method that produced the answer ("bicgstab", "jacobi")
  int iterations = 0;          ///< iterations of that method (after a fallback: of both)
  double residual = 0.0;       ///< ‖(I − A)x − f‖₂/‖f‖₂ of the returned x (or of the transposed system)
  bool converged = false;      ///< residual ≤ tolerance
};

class SparseLeontiefSystem {
 public:
  /// Builds I − A and (I − A)ᵀ (A square, n×n).
  explicit SparseLeontiefSystem(const Eigen::SparseMatrix<double>& technical, IterativeOptions options = {});

  /// Number of sectors n.
  Eigen::Index size() const { return system_.rows(); }
  /// x = L·f, iteratively; `report` (if given) receives iterations and residual.
  Eigen::VectorXd output_for(const Eigen::VectorXd& final_demand, SolveReport* report = nullptr) const;
  /// Lᵀ·v = (I − A)ᵀ⁻¹·v: output multipliers for v = 1, (k·L)ᵀ for v = k.
  Eigen::VectorXd solve_transposed(const Eigen::VectorXd& v, SolveReport* report = nullptr) const;
  /// y = A·x (for the productivity bounds).
  void multiply_technical(const Eigen::VectorXd& x, Eigen::VectorXd& y) const;
  /// ‖(I − A)x − f‖₂/‖f‖₂ (the absolute norm when f = 0).
  double residual(const Eigen::VectorXd& x, const Eigen::VectorXd& f) const;
  /// ‖(I − A)ᵀy − v‖₂/‖v‖₂.
  double residual_transposed(const Eigen::VectorXd& y, const Eigen::VectorXd& v) const;

  using RowMajor = RowMajorMatrix;  // bicgstab.hpp

 private:
  Eigen::VectorXd solve(const RowMajor& m, const Eigen::VectorXd& b, SolveReport* report) const;

  RowMajor system_;      ///< I − A
  RowMajor transposed_;  ///< (I − A)ᵀ
  IterativeOptions options_;
};

}  // namespace planner::analysis
