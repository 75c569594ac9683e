#pragma once
// The distribution of one uncertain input (a coefficient, a capacity, a demand) and its inverse
// CDF: a Monte Carlo draw turns a uniform u from the counter stream (random_stream.hpp) into a
// value by quantile(dist, u), so the same u always gives the same value and the kinds share one
// sampling path (inverse transform; no rejection, whose number of tries would depend on the data).
//
// Header-only for now: see random_stream.hpp on why planner/uncertainty/ has no .cpp files yet.
#include <cmath>
#include <limits>
#include <stdexcept>

#include "planner/model/uncertain_number.hpp"
#include "planner/uncertainty/standard_normal.hpp"

namespace planner::uncertainty {

/// The kinds a file may name (planner/model/uncertain_number.hpp), one enum for reader and sampler.
using DistKind = UncertainDist;

/// `value` is the mode (triangular), mean (normal) or median (lognormal), unused by uniform.
/// uniform and triangular live on [low, high] (both finite). normal and lognormal are truncated
/// to [low, high], either end possibly infinite; lognormal is also > 0 (a low ≤ 0 is no bound).
/// `sd` is the normal's standard deviation, `gsd` the lognormal's geometric standard deviation
/// (exp of the sd of ln X; gsd = 1 is no spread).
struct Distribution {
  DistKind kind = DistKind::uniform;
  double value = 0;
  double low = -std::numeric_limits<double>::infinity();
  double high = std::numeric_limits<double>::infinity();
  double sd = 0;
  double gsd = 1;
};

namespace detail {

/// Φ⁻¹ of the standard normal truncated to [zl, zh]: u' = Φ(zl) + u·(Φ(zh) − Φ(zl)), then Φ⁻¹.
/// When the whole range lies in the upper tail (zl > 0) the same is done on the upper tail
/// Q = 1 − Φ, where Φ would round to 1 and lose every digit of the range's probability.
inline double truncated_standard_normal_quantile(double zl, double zh, double u) {
  if (zl > 0.0) {
    const double ql = normal_upper_tail(zl), qh = normal_upper_tail(zh);
    const double z = -normal_quantile(ql - u * (ql - qh));
    return std::fmin(std::fmax(z, zl), zh);  // rounding must not leave the range
  }
  const double fl = normal_cdf(zl), fh = normal_cdf(zh);
  const double z = normal_quantile(fl + u * (fh - fl));
  return std::fmin(std::fmax(z, zl), zh);
}

}  // namespace detail

/// The inverse CDF of `dist` (after truncation) at u in (0, 1). A zero-width distribution
/// (low == high, a normal with sd 0, a lognormal with gsd 1) returns `value` exactly, whatever u.
/// Throws std::invalid_argument for u outside (0, 1) or parameters that describe no distribution.
inline double quantile(const Distribution& dist, double u) {
  if (!(u > 0.0 && u < 1.0)) throw std::invalid_argument("quantile: u must lie in (0, 1)");
  if (dist.low == dist.high) return dist.value;
  if (!(dist.low < dist.high)) throw std::invalid_argument("quantile: low > high");
  switch (dist.kind) {
    case DistKind::uniform:
      if (!std::isfinite(dist.low) || !std::isfinite(dist.high))
        throw std::invalid_argument("quantile: a uniform distribution needs finite low and high");
      return dist.low + u * (dist.high - dist.low);
    case DistKind::triangular: {
      const double lo = dist.low, hi = dist.high, mode = dist.value;
      if (!std::isfinite(lo) || !std::isfinite(hi) || !(mode >= lo && mode <= hi))
        throw std::invalid_argument("quantile: a triangular distribution needs finite low ≤ mode ≤ high");
      // F(x) = (x−lo)²/((hi−lo)(mode−lo)) left of the mode, 1 − (hi−x)²/((hi−lo)(hi−mode)) right of it.
      const double width = hi - lo;
      if (u * width < mode - lo) return lo + std::sqrt(u * width * (mode - lo));
      return hi - std::sqrt((1.0 - u) * width * (hi - mode));
    }
    case DistKind::normal: {
      if (dist.sd == 0.0) return dist.value;
      if (!(dist.sd > 0.0)) throw std::invalid_argument("quantile: a normal distribution needs sd ≥ 0");
      const double zl = (dist.low - dist.value) / dist.sd, zh = (dist.high - dist.value) / dist.sd;
      const double z = detail::truncated_standard_normal_quantile(zl, zh, u);
      return std::fmin(std::fmax(dist.value + dist.sd * z, dist.low), dist.high);
    }
    case DistKind::lognormal: {
      if (dist.gsd == 1.0) return dist.value;
      if (!(dist.value > 0.0) || !(dist.gsd > 1.0))
        throw std::invalid_argument("quantile: a lognormal distribution needs median > 0 and gsd ≥ 1");
      if (!(dist.high > 0.0)) throw std::invalid_argument("quantile: a lognormal truncated to x ≤ 0 is empty");
      // ln X ~ N(ln median, ln gsd), truncated to [ln low, ln high]; low ≤ 0 is −∞ on that scale.
      const double mu = std::log(dist.value), sigma = std::log(dist.gsd);
      const double ll = dist.low > 0.0 ? std::log(dist.low) : -std::numeric_limits<double>::infinity();
      const double lh = std::log(dist.high);  // +∞ for high = +∞
      const double z = detail::truncated_standard_normal_quantile((ll - mu) / sigma, (lh - mu) / sigma, u);
      return std::fmin(std::fmax(std::exp(mu + sigma * z), std::fmax(dist.low, 0.0)), dist.high);
    }
  }
  throw std::invalid_argument("quantile: unknown distribution kind");
}

}  // namespace planner::uncertainty
