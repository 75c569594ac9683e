#include "planner/analysis/productivity.hpp"

#include <fmt/format.h>

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <limits>

#include "planner/model/error.hpp"

namespace planner::analysis {

double spectral_radius(const Eigen::MatrixXd& technical) {
  if (technical.size() == 0) return 0.0;
  Eigen::EigenSolver<Eigen::MatrixXd> solver(technical, /*computeEigenvectors=*/false);
  if (solver.info() != Eigen::Success)
    throw Error(ExitCode::solver_failure, "", "", "eigenvalues of the technical matrix did not converge");
  return solver.eigenvalues().cwiseAbs().maxCoeff();
}

PerronBounds perron_bounds(Eigen::Index n, const std::function<void(const Eigen::VectorXd&, Eigen::VectorXd&)>& multiply,
                           double tolerance, int max_iterations) {
  PerronBounds b;
  if (n == 0) {
    b.converged = true;
    return b;
  }
  b.upper = std::numeric_limits<double>::infinity();
  Eigen::VectorXd x = Eigen::VectorXd::Ones(n), y(n), xt(n), yt(n);
  constexpr double floor = 1e-250;  // keeps x > 0 so the upper bound stays valid
  while (b.iterations < max_iterations) {
    multiply(x, y);
    ++b.iterations;
    double lo = std::numeric_limits<double>::infinity(), hi = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
      const double r = y[i] / x[i];
      lo = std::min(lo, r);
      hi = std::max(hi, r);
    }
    b.upper = std::min(b.upper, hi);  // x > 0: ρ ≤ maxᵢ (Ax)ᵢ/xᵢ
    b.lower = std::max(b.lower, lo);  // x > 0, Ax ≥ lo·x: ρ ≥ lo
    // A reducible A (a sector that sells to no one has a zero row) keeps lo at 0. Then drop
    // the components that have decayed away: for x' ≥ 0, x' ≠ 0 with Ax' ≥ c·x', ρ ≥ c still.
    if (b.iterations % 4 == 0 && b.upper - b.lower > tolerance) {
      const double cut = 1e-6 * x.maxCoeff();
      xt = (x.array() >= cut).select(x, 0.0);
      multiply(xt, yt);
      ++b.iterations;
      double lt = std::numeric_limits<double>::infinity();
      for (Eigen::Index i = 0; i < n; ++i)
        if (xt[i] > 0) lt = std::min(lt, yt[i] / xt[i]);
      if (std::isfinite(lt)) b.lower = std::max(b.lower, lt);
    }
    if (b.upper - b.lower <= tolerance) {
      b.converged = true;
      break;
    }
    // x ← A·x + δ·x, scaled to max 1: the small shift keeps every component positive.
    const double scale = y.maxCoeff();
    if (!(scale > 0)) {  // A·x = 0 for x > 0: A = 0
      b.upper = b.lower = 0.0;
      b.converged = true;
      break;
    }
    x = (y / scale + 1e-6 * x / x.maxCoeff()).cwiseMax(floor);
  }
  return b;
}

Productivity productivity_from_bounds(const PerronBounds& bounds, Eigen::VectorXd column_sums) {
  Productivity p;
  p.column_sums = std::move(column_sums);
  for (Eigen::Index j = 0; j < p.column_sums.size(); ++j)
    if (!(p.column_sums[j] < 1.0)) p.inputs_exceed_output.push_back(static_cast<std::size_t>(j));
  p.method = "Collatz–Wielandt bounds";
  p.iterations = bounds.iterations;
  p.spectral_radius_lower = bounds.lower;
  p.spectral_radius_upper = bounds.upper;
  p.spectral_radius = bounds.estimate();
  p.productive = bounds.upper < 1.0 - productivity_margin;
  return p;
}

Productivity check_productivity(const Eigen::MatrixXd& technical) {
  const Eigen::Index n = technical.rows();
  Eigen::VectorXd column_sums = technical.colwise().sum().transpose();
  if (n > exact_spectral_limit && technical.minCoeff() >= 0.0) {
    PerronBounds b = perron_bounds(n, [&](const Eigen::VectorXd& x, Eigen::VectorXd& y) { y.noalias() = technical * x; });
    const bool decided = b.upper < 1.0 - productivity_margin || b.lower >= 1.0 - productivity_margin;
    if (decided) return productivity_from_bounds(b, std::move(column_sums));
  }
  Productivity p;
  p.column_sums = std::move(column_sums);
  for (Eigen::Index j = 0; j < p.column_sums.size(); ++j)
    if (!(p.column_sums[j] < 1.0)) p.inputs_exceed_output.push_back(static_cast<std::size_t>(j));
  p.spectral_radius = spectral_radius(technical);
  p.spectral_radius_lower = p.spectral_radius_upper = p.spectral_radius;
  p.productive = p.spectral_radius < 1.0 - productivity_margin;
  return p;
}

Productivity require_productive(const Economy& economy) {
  Productivity p = check_productivity(economy.technical);
  if (p.productive) return p;
  std::string msg = fmt::format(
      "the economy is not productive (Hawkins–Simon fails): spectral radius ρ(A) = {:.6g} ≥ 1 (to within 1e-10), so no "
      "non-negative output x = (I − A)⁻¹f meets final demand",
      p.spectral_radius);
  if (p.method != "eigenvalues")
    msg += fmt::format(" ({}: {:.6g} ≤ ρ(A) ≤ {:.6g} after {} iterations)", p.method, p.spectral_radius_lower,
                       p.spectral_radius_upper, p.iterations);
  if (!p.inputs_exceed_output.empty()) {
    std::string list;
    for (std::size_t j : p.inputs_exceed_output)
      list += fmt::format("{}{} ({:.6g})", list.empty() ? "" : ", ", economy.sectors[j].id,
                          p.column_sums[static_cast<Eigen::Index>(j)]);
    msg += "; inputs per unit of output (column sum of A) reach 1 in " + list;
  }
  throw Error(ExitCode::bad_input, economy.file, "technical", msg);
}

}  // namespace planner::analysis
