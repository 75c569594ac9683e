#pragma once
// Percentiles of Monte Carlo outputs as numpy computes them by default (numpy.quantile /
// numpy.percentile, method "linear", Hyndman & Fan type 7), so a summary can be checked against
// a numpy script on the same draws: with the values sorted, x₀ ≤ … ≤ x_{n−1}, and h = (n − 1)·p,
// the p-quantile is x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋).
//
// The input must be free of NaN (a failed draw is dropped before, and counted, by the caller):
// NaN has no place in an order, and numpy itself returns NaN for the lot. Both functions throw
// std::invalid_argument on an empty or NaN-containing input rather than return a wrong number.
//
// Header-only for now: see random_stream.hpp on why planner/uncertainty/ has no .cpp files yet.
#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace planner::uncertainty {

namespace detail {

inline void require_sortable(const std::vector<double>& values) {
  if (values.empty()) throw std::invalid_argument("percentile of no values");
  if (std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); }))
    throw std::invalid_argument("percentile of values containing NaN");
}

/// Type 7 on values already sorted ascending.
inline double sorted_percentile(const std::vector<double>& sorted, double p) {
  if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("percentile: p must lie in [0, 1]");
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const auto below = static_cast<std::size_t>(std::floor(h));
  if (below + 1 >= sorted.size()) return sorted.back();
  const double fraction = h - static_cast<double>(below);
  return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
}

}  // namespace detail

/// The p-quantile (p in [0, 1]: numpy.quantile's q, numpy.percentile's q/100) of `values`,
/// sorted or not (taken by value and sorted here).
inline double percentile(std::vector<double> values, double p) {
  detail::require_sortable(values);
  std::sort(values.begin(), values.end());
  return detail::sorted_percentile(values, p);
}

/// The 5th, 25th, 50th, 75th and 95th percentiles of `values` (one sort for all five): the
/// box and whiskers of an uncertainty summary.
inline std::array<double, 5> quartiles_5_25_50_75_95(std::vector<double> values) {
  detail::require_sortable(values);
  std::sort(values.begin(), values.end());
  std::array<double, 5> out{};
  constexpr std::array<double, 5> ps{0.05, 0.25, 0.50, 0.75, 0.95};
  for (std::size_t i = 0; i < ps.size(); ++i) out[i] = detail::sorted_percentile(values, ps[i]);
  return out;
}

}  // namespace planner::uncertainty
