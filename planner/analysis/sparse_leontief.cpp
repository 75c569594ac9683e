#include "planner/analysis/sparse_leontief.hpp"

#include <stdexcept>

#include "planner/analysis/bicgstab.hpp"

namespace planner::analysis {
namespace {

using RowMajor = SparseLeontiefSystem::RowMajor;

double relative_residual(const RowMajor& m, const Eigen::VectorXd& x, const Eigen::VectorXd& b) {
  Eigen::VectorXd r;
  multiply(m, x, r);
  r = b - r;
  const double scale = b.norm();
  return scale > 0 ? r.norm() / scale : r.norm();
}

/// Jacobi from `x`: x ← x + D⁻¹(b − M·x) until ‖b − M·x‖ ≤ tol·‖b‖; returns iterations.
int jacobi(const RowMajor& m, const Eigen::VectorXd& b, Eigen::VectorXd& x, double tolerance, int max_iterations) {
  const Eigen::VectorXd inverse_diagonal = m.diagonal().cwiseInverse();
  const double target = tolerance * (b.norm() > 0 ? b.norm() : 1.0);
  Eigen::VectorXd r(b.size());
  int k = 0;
  while (k < max_iterations) {
    multiply(m, x, r);
    r = b - r;
    if (r.norm() <= target) break;
    x += r.cwiseProduct(inverse_diagonal);
    ++k;
  }
  return k;
}

}  // namespace

std::string to_string(IterativeMethod method) { return method == IterativeMethod::bicgstab ? "bicgstab" : "jacobi"; }

SparseLeontiefSystem::SparseLeontiefSystem(const Eigen::SparseMatrix<double>& technical, IterativeOptions options)
    : options_(options) {
  if (technical.rows() != technical.cols())
    throw std::invalid_argument("SparseLeontiefSystem: the technical matrix must be square");
  const Eigen::Index n = technical.rows();
  Eigen::SparseMatrix<double> identity(n, n);
  identity.setIdentity();
  Eigen::SparseMatrix<double> m = identity - technical;  // column-major I − A
  m.makeCompressed();
  transposed_ = m.transpose();  // row-major copy of (I − A)ᵀ: the rows of Mᵀ are M's columns
  system_ = m;                  // row-major copy of I − A
  system_.makeCompressed();
  transposed_.makeCompressed();
}

Eigen::VectorXd SparseLeontiefSystem::solve(const RowMajor& m, const Eigen::VectorXd& b, SolveReport* report) const {
  SolveReport rep;
  Eigen::VectorXd x;
  if (m.rows() == 0) {
    rep.converged = true;
    rep.method = to_string(options_.method);
    if (report) *report = rep;
    return Eigen::VectorXd(0);
  }
  int iterations = 0;
  bool done = false;
  double residual = 0.0;
  if (options_.method == IterativeMethod::bicgstab) {
    const KrylovOutcome outcome = bicgstab(m, b, x, options_.tolerance, options_.max_iterations);
    iterations = outcome.iterations;
    rep.method = "bicgstab";
    if (x.allFinite()) residual = relative_residual(m, x, b);
    else x = Eigen::VectorXd::Zero(b.size());
    done = outcome.converged && x.allFinite() && residual <= options_.tolerance;
  }
  if (!done) {  // Jacobi: asked for, or the fallback from a BiCGSTAB breakdown (continues from its x)
    if (x.size() != b.size()) x = Eigen::VectorXd::Zero(b.size());
    iterations += jacobi(m, b, x, options_.tolerance, options_.max_iterations);
    rep.method = options_.method == IterativeMethod::jacobi ? "jacobi" : "bicgstab, then jacobi";
    residual = relative_residual(m, x, b);
  }
  rep.iterations = iterations;
  rep.residual = residual;
  rep.converged = rep.residual <= options_.tolerance;
  if (report) *report = rep;
  return x;
}

Eigen::VectorXd SparseLeontiefSystem::output_for(const Eigen::VectorXd& final_demand, SolveReport* report) const {
  return solve(system_, final_demand, report);
}

Eigen::VectorXd SparseLeontiefSystem::solve_transposed(const Eigen::VectorXd& v, SolveReport* report) const {
  return solve(transposed_, v, report);
}

void SparseLeontiefSystem::multiply_technical(const Eigen::VectorXd& x, Eigen::VectorXd& y) const {
  multiply(system_, x, y);
  y = x - y;  // A·x = x − (I − A)·x
}

double SparseLeontiefSystem::residual(const Eigen::VectorXd& x, const Eigen::VectorXd& f) const {
  return relative_residual(system_, x, f);
}

double SparseLeontiefSystem::residual_transposed(const Eigen::VectorXd& y, const Eigen::VectorXd& v) const {
  return relative_residual(transposed_, y, v);
}

}  // namespace planner::analysis
