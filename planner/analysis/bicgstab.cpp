#include "planner/analysis/bicgstab.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "planner/analysis/parallel_ranges.hpp"

namespace planner::analysis {

using Index = Eigen::Index;

void multiply(const RowMajorMatrix& m, const Eigen::VectorXd& x, Eigen::VectorXd& y) {
  y.resize(m.rows());
  const auto* outer = m.outerIndexPtr();
  const auto* inner = m.innerIndexPtr();
  const double* value = m.valuePtr();
  const double* xs = x.data();
  double* ys = y.data();
  const Index rows = m.rows(), nnz = m.nonZeros();
  // Cut the rows where the running count of nonzeros crosses nnz·k/pieces.
  auto cut = [&](int k, int pieces) -> Index {
    if (k == pieces) return rows;
    const long long target = static_cast<long long>(nnz) * k / pieces;
    return static_cast<Index>(std::lower_bound(outer, outer + rows, target) - outer);
  };
  // The reads of x are scattered (a random table touches all of x in every row block), so the
  // product waits on memory: prefetching x 64 nonzeros ahead measured 1.5–2× faster at n = 10⁶
  // (docs/performance.md). Pointers captured by value, so the loop keeps them in registers.
  constexpr Index kAhead = 64;
  run_pieces(worker_count(nnz + rows), cut, [outer, inner, value, xs, ys, nnz](Index begin, Index end) {
    for (Index i = begin; i < end; ++i) {
      double sum = 0.0;
      for (Index k = outer[i]; k < outer[i + 1]; ++k) {
        if (k + kAhead < nnz) __builtin_prefetch(xs + inner[k + kAhead]);
        sum += value[k] * xs[inner[k]];
      }
      ys[i] = sum;
    }
  });
}

KrylovOutcome bicgstab(const RowMajorMatrix& m, const Eigen::VectorXd& b, Eigen::VectorXd& x, double tolerance,
                       int max_iterations) {
  const Index n = b.size();
  KrylovOutcome out;
  const bool from_zero = x.size() != n;
  if (from_zero) x = Eigen::VectorXd::Zero(n);
  auto dot = [n](const Eigen::VectorXd& u, const Eigen::VectorXd& w) {
    return parallel_sums(n, 1, [&](Index s, Index e, double* acc) { acc[0] = u.segment(s, e - s).dot(w.segment(s, e - s)); })[0];
  };
  const double rhs_sq = dot(b, b);
  if (rhs_sq == 0.0) {
    x.setZero();
    out.converged = true;
    return out;
  }
  const double tol_sq = tolerance * tolerance * rhs_sq;
  const double eps_sq = std::numeric_limits<double>::epsilon() * std::numeric_limits<double>::epsilon();

  Eigen::VectorXd inv_diag = m.diagonal();
  for (double& d : inv_diag) d = d != 0.0 ? 1.0 / d : 1.0;

  Eigen::VectorXd r(n), r0(n), p = Eigen::VectorXd::Zero(n), v = Eigen::VectorXd::Zero(n), y(n), s(n), z(n), t(n);
  auto restart = [&](bool x_is_zero) {  // r = r̂₀ = b − M x (no product needed from x = 0)
    if (x_is_zero) r.setZero();
    else multiply(m, x, r);
    parallel_for(n, [&](Index i0, Index i1) { for (Index i = i0; i < i1; ++i) r0[i] = r[i] = b[i] - r[i]; });
    return dot(r, r);
  };
  double r0_sq = restart(from_zero), rr = r0_sq;
  if (rr <= tol_sq) {
    out.converged = true;
    return out;
  }
  double rho = 1.0, alpha = 1.0, w = 1.0, rho_next = r0_sq;
  int restarts = 0;
  // `it` counts towards the limit (reset at the first restart, as Eigen does); `out` counts all.
  for (int it = 0; it < max_iterations; ++it) {
    const double rho_old = rho;
    rho = rho_next;
    if (std::abs(rho) < eps_sq * r0_sq) {  // r has turned orthogonal to r̂₀: restart from x
      rho = r0_sq = restart(false);
      if (restarts++ == 0) it = 0;
    }
    const double beta = (rho / rho_old) * (alpha / w);
    parallel_for(n, [&](Index i0, Index i1) {
      for (Index i = i0; i < i1; ++i) {
        p[i] = r[i] + beta * (p[i] - w * v[i]);
        y[i] = inv_diag[i] * p[i];
      }
    });
    multiply(m, y, v);
    const double r0v = dot(r0, v);
    if (r0v == 0.0 || !std::isfinite(r0v)) break;  // breakdown
    alpha = rho / r0v;
    parallel_for(n, [&](Index i0, Index i1) {
      for (Index i = i0; i < i1; ++i) {
        s[i] = r[i] - alpha * v[i];
        z[i] = inv_diag[i] * s[i];
      }
    });
    multiply(m, z, t);
    const Eigen::VectorXd ts = parallel_sums(n, 2, [&](Index i0, Index i1, double* acc) {
      acc[0] = t.segment(i0, i1 - i0).squaredNorm();
      acc[1] = t.segment(i0, i1 - i0).dot(s.segment(i0, i1 - i0));
    });
    w = ts[0] > 0.0 ? ts[1] / ts[0] : 0.0;
    if (!std::isfinite(alpha) || !std::isfinite(w)) break;
    const Eigen::VectorXd sums = parallel_sums(n, 2, [&](Index i0, Index i1, double* acc) {
      double r_sq = 0.0, r0_r = 0.0;
      for (Index i = i0; i < i1; ++i) {
        x[i] += alpha * y[i] + w * z[i];
        r[i] = s[i] - w * t[i];
        r_sq += r[i] * r[i];
        r0_r += r0[i] * r[i];
      }
      acc[0] = r_sq;
      acc[1] = r0_r;
    });
    rr = sums[0];
    rho_next = sums[1];
    ++out.iterations;
    if (!std::isfinite(rr)) break;
    if (rr <= tol_sq) {
      out.converged = true;
      break;
    }
  }
  return out;
}

}  // namespace planner::analysis
