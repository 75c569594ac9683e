#pragma once
// The standard normal distribution's CDF Φ, upper tail Q = 1 − Φ and inverse Φ⁻¹, accurate to
// double precision in both tails: the truncated normal and lognormal quantiles (distribution.hpp)
// and the confidence level of the Sobol bootstrap rest on them. No Boost: Φ and Q are std::erfc,
// which keeps its relative accuracy far into the tails, and Φ⁻¹ is Acklam's rational
// approximation (relative error < 1.15·10⁻⁹) refined by one Halley step on Φ(x) − p, which
// triples the number of correct digits, so the result is exact to a few ulps (|error| < 10⁻¹²
// is what tests/sampling_test.cpp checks).
#include <cmath>
#include <limits>

namespace planner::uncertainty {

/// Φ(z) = P(Z ≤ z). erfc rather than 1 + erf so that Φ(−8) ≈ 6·10⁻¹⁶ keeps all its digits.
inline double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

/// Q(z) = P(Z > z) = Φ(−z), accurate where Φ(z) rounds to 1.
inline double normal_upper_tail(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

/// Φ⁻¹(p) for p in (0, 1); −∞ at 0, +∞ at 1, NaN outside [0, 1].
inline double normal_quantile(double p) {
  if (!(p >= 0.0 && p <= 1.0)) return std::numeric_limits<double>::quiet_NaN();
  if (p == 0.0) return -std::numeric_limits<double>::infinity();
  if (p == 1.0) return std::numeric_limits<double>::infinity();
  // The upper half by symmetry: 1 − p is exact for p ≥ ½ (Sterbenz), and the lower tail is
  // where a small probability has all its digits.
  if (p > 0.5) return -normal_quantile(1.0 - p);

  // Acklam's coefficients (P. J. Acklam, "An algorithm for computing the inverse normal
  // cumulative distribution function", 2003): central region and lower tail.
  constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                          1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                          6.680131188771972e+01,  -1.328068155288572e+01};
  constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                          -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                          3.754408661907416e+00};
  constexpr double p_low = 0.02425;

  double x;
  if (p < p_low) {
    const double q = std::sqrt(-2.0 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  } else {
    const double q = p - 0.5;
    const double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
  }
  // One Halley step on g(x) = Φ(x) − p: g' = φ(x), g'' = −x·φ(x), so with u = g/φ the step is
  // u / (1 + x·u/2). Φ(x) − p is computed in the lower half, where both have full relative precision.
  const double e = normal_cdf(x) - p;
  const double u = e * std::sqrt(2.0 * 3.14159265358979323846) * std::exp(0.5 * x * x);
  return x - u / (1.0 + 0.5 * x * u);
}

}  // namespace planner::uncertainty
