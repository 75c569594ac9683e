#include "planner/analysis/matrix_balancing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "planner/model/error.hpp"

namespace planner::analysis {
namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

std::string label(const std::vector<std::string>& ids, Index k, const char* what) {
  const auto i = static_cast<std::size_t>(k);
  return i < ids.size() ? fmt::format("{} \"{}\"", what, ids[i]) : fmt::format("{} {}", what, k + 1);
}

[[noreturn]] void fail(const BalanceOptions& o, const std::string& where, const std::string& message) {
  throw_bad_input(o.source, where, message);
}

/// Which signs a row or column holds decides which totals it can reach: cells keep their
/// sign, so only positive cells cannot sum to a negative total, and so on.
void check_reachable(double positive, double negative, double total, const std::string& what, const BalanceOptions& o) {
  if (positive == 0 && negative == 0 && total != 0)
    fail(o, what, fmt::format("all its cells are zero but its total is {}: no scaling can reach it", total));
  if (negative == 0 && positive > 0 && total < 0)
    fail(o, what, fmt::format("its cells are all positive but its total is {} (negative): no scaling keeping signs can reach it", total));
  if (positive == 0 && negative > 0 && total >= 0)
    fail(o, what, fmt::format("its cells are all negative but its total is {}: no scaling keeping signs can reach it", total));
}

/// The multiplier m solving m·p − n/m = total (GRAS's quadratic; RAS when n = 0), for p, n ≥ 0.
double multiplier(double p, double n, double total) {
  if (p == 0 && n == 0) return 1.0;  // an empty row or column (its total is 0, checked)
  if (p == 0) return -n / total;
  return (total + std::sqrt(total * total + 4 * p * n)) / (2 * p);
}

/// 1/m, with 0 for m = 0 (a line with only positive cells and total 0: its negative part is empty).
VectorXd inverse(const VectorXd& m) {
  VectorXd out(m.size());
  for (Index k = 0; k < m.size(); ++k) out[k] = m[k] != 0 ? 1.0 / m[k] : 0.0;
  return out;
}

}  // namespace

std::string to_string(BalanceMethod method) { return method == BalanceMethod::ras ? "ras" : "gras"; }

BalanceResult balance_matrix(const MatrixXd& z, const VectorXd& u, const VectorXd& v, const BalanceOptions& o) {
  const Index m = z.rows(), n = z.cols();
  if (u.size() != m || v.size() != n)
    fail(o, "", fmt::format("{} row totals and {} column totals for a {}×{} matrix", u.size(), v.size(), m, n));
  if (!z.allFinite() || !u.allFinite() || !v.allFinite()) fail(o, "", "the matrix and its totals must be finite numbers");

  const double scale = std::max({1.0, u.cwiseAbs().maxCoeff(), v.cwiseAbs().maxCoeff()});
  const double sum_u = u.sum(), sum_v = v.sum();
  if (std::fabs(sum_u - sum_v) > 1e-9 * std::max({1.0, u.cwiseAbs().sum(), v.cwiseAbs().sum()}))
    fail(o, "", fmt::format("the row totals sum to {} but the column totals to {} (difference {:.6g}): a balanced "
                            "matrix has one grand total, so both must sum to the same",
                            sum_u, sum_v, sum_u - sum_v));

  const MatrixXd p = z.cwiseMax(0.0);
  const MatrixXd neg = (-z).cwiseMax(0.0);
  const bool has_negative = (neg.array() > 0).any();
  if (o.method == BalanceMethod::ras) {
    for (Index j = 0; j < n; ++j)
      for (Index i = 0; i < m; ++i)
        if (z(i, j) < 0)
          fail(o, label(o.row_ids, i, "row") + ", " + label(o.col_ids, j, "column"),
               fmt::format("negative cell {}: RAS balances nonnegative matrices; use --method gras", z(i, j)));
    for (Index i = 0; i < m; ++i)
      if (u[i] < 0) fail(o, label(o.row_ids, i, "row"), fmt::format("negative total {}: RAS needs totals ≥ 0; use --method gras", u[i]));
    for (Index j = 0; j < n; ++j)
      if (v[j] < 0) fail(o, label(o.col_ids, j, "column"), fmt::format("negative total {}: RAS needs totals ≥ 0; use --method gras", v[j]));
  }
  const VectorXd p_rows = p.rowwise().sum(), n_rows = neg.rowwise().sum();
  const VectorXd p_cols = p.colwise().sum().transpose(), n_cols = neg.colwise().sum().transpose();
  for (Index i = 0; i < m; ++i) check_reachable(p_rows[i], n_rows[i], u[i], label(o.row_ids, i, "row"), o);
  for (Index j = 0; j < n; ++j) check_reachable(p_cols[j], n_cols[j], v[j], label(o.col_ids, j, "column"), o);

  BalanceResult res;
  res.threshold = o.tolerance * scale;
  VectorXd r = VectorXd::Ones(m), s = VectorXd::Ones(n);
  VectorXd row_p, row_n, col_p, col_n;
  VectorXd row_resid(m), col_resid = z.colwise().sum().transpose() - v;
  for (;;) {
    // Row sums at the current multipliers; they are also the row step's p_i(s), n_i(s).
    row_p = p * s;
    row_n = has_negative ? VectorXd(neg * inverse(s)) : VectorXd::Zero(m);
    for (Index i = 0; i < m; ++i) row_resid[i] = r[i] * row_p[i] - (r[i] != 0 ? row_n[i] / r[i] : 0.0) - u[i];
    const double worst = std::max(row_resid.cwiseAbs().maxCoeff(), m > 0 && n > 0 ? col_resid.cwiseAbs().maxCoeff() : 0.0);
    res.max_residual = worst;
    if (res.iterations > 0) res.residual_history.push_back(worst);
    if (worst <= o.tolerance * scale) break;
    if (res.iterations >= o.max_iterations) {
      Index wi = 0, wj = 0;
      const double ri = row_resid.cwiseAbs().maxCoeff(&wi), cj = col_resid.cwiseAbs().maxCoeff(&wj);
      const std::string where = ri >= cj ? label(o.row_ids, wi, "row") : label(o.col_ids, wj, "column");
      fail(o, where,
           fmt::format("{} did not converge in {} iterations: the worst residual is {:.6g} here (tolerance {:.3g} of the "
                       "largest total {}); the zero pattern may not reach the totals, or raise --max-iterations",
                       to_string(o.method), res.iterations, std::max(ri, cj), o.tolerance, scale));
    }
    for (Index i = 0; i < m; ++i) r[i] = multiplier(row_p[i], row_n[i], u[i]);
    col_p = p.transpose() * r;
    col_n = has_negative ? VectorXd(neg.transpose() * inverse(r)) : VectorXd::Zero(n);
    for (Index j = 0; j < n; ++j) s[j] = multiplier(col_p[j], col_n[j], v[j]);
    // After the column step each column sum is its total up to rounding.
    for (Index j = 0; j < n; ++j) col_resid[j] = s[j] * col_p[j] - (s[j] != 0 ? col_n[j] / s[j] : 0.0) - v[j];
    ++res.iterations;
  }
  res.r = r;
  res.s = s;
  res.balanced.resize(m, n);
  for (Index j = 0; j < n; ++j)
    for (Index i = 0; i < m; ++i) {
      const double c = z(i, j);
      res.balanced(i, j) = c > 0 ? c * r[i] * s[j] : (c < 0 ? c / (r[i] * s[j]) : 0.0);
    }
  return res;
}

}  // namespace planner::analysis
