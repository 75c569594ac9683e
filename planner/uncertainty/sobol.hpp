#pragma once
// Variance-based sensitivity (Sobol indices) from a Saltelli design, as SALib computes them
// (SALib.sample.saltelli with calc_second_order=False, SALib.analyze.sobol): which uncertain
// inputs the spread of a plan's outcome comes from, alone (first order S1) and with all their
// interactions (total ST).
//
// The design: two independent N×k matrices A and B of u in (0, 1), and for every input i the
// matrix AB_i, which is A with column i taken from B. The model is evaluated on every row of
// A, B and the k matrices AB_i: N·(k + 2) evaluations. With f centred on its mean (SALib does
// too; the indices are ratios, but centring lowers the estimators' sampling variance),
//   S1_i = mean(f_B·(f_ABi − f_A)) / V     (Saltelli et al. 2010, table 2 (b))
//   ST_i = ½·mean((f_A − f_ABi)²) / V      (Jansen 1999)
// with V the population variance of the 2N values [f_A; f_B]. Confidence intervals resample
// the N rows with replacement (500 resamples): ±1.96 × the bootstrap estimates' standard
// deviation (ddof 1), SALib's conf_level 0.95.
//
// Unlike SALib, A and B are pseudo-random (the counter stream, random_stream.hpp), not a Sobol
// low-discrepancy sequence: any N works, and row j of the design is the same whatever N is.
//
// Header-only for now: see random_stream.hpp on why planner/uncertainty/ has no .cpp files yet.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "planner/uncertainty/random_stream.hpp"

namespace planner::uncertainty {

/// N base samples of k inputs. Evaluation e = j·(k + 2) + r is base row j, and r = 0 is A's
/// row, r = 1…k is AB_(r−1)'s row, r = k + 1 is B's row (SALib's order). A's column i is
/// uniform01(seed, j, i), B's is uniform01(seed, j, k + i).
struct SaltelliDesign {
  std::size_t n = 0;
  std::size_t k = 0;
  std::uint64_t seed = 0;

  std::size_t evaluations() const { return n * (k + 2); }

  /// The u-vector (k values in (0, 1)) to evaluate the model at for evaluation `evaluation`;
  /// map it to inputs with quantile() of each input's distribution.
  std::vector<double> row(std::size_t evaluation) const {
    if (evaluation >= evaluations()) throw std::out_of_range("SaltelliDesign::row: evaluation out of range");
    const std::size_t j = evaluation / (k + 2), r = evaluation % (k + 2);
    std::vector<double> u(k);
    for (std::size_t i = 0; i < k; ++i) {
      const bool from_b = r == k + 1 || (r >= 1 && i == r - 1);
      u[i] = uniform01(seed, j, from_b ? k + i : i);
    }
    return u;
  }
};

/// Per input: first-order and total indices and the half-widths of their 95 % intervals;
/// `dropped_rows` base rows left out because one of their k + 2 evaluations was NaN (failed).
struct SobolIndices {
  std::vector<double> s1, s1_conf, st, st_conf;
  std::size_t dropped_rows = 0;
};

namespace detail {

/// f split by design block: fa[j], fb[j], fab[i][j] over the kept rows, centred.
struct SaltelliOutputs {
  std::vector<double> fa, fb;
  std::vector<std::vector<double>> fab;
};

/// S1 and ST of every input over the rows `rows` (indices into the kept rows; a bootstrap
/// resample repeats some), written to s1[i], st[i].
inline void saltelli_estimates(const SaltelliOutputs& out, const std::vector<std::size_t>& rows,
                               std::vector<double>& s1, std::vector<double>& st) {
  const std::size_t k = out.fab.size();
  const double m = static_cast<double>(rows.size());
  double sum = 0, sum_sq = 0;
  for (std::size_t j : rows) {
    sum += out.fa[j] + out.fb[j];
    sum_sq += out.fa[j] * out.fa[j] + out.fb[j] * out.fb[j];
  }
  const double mean = sum / (2 * m);
  const double variance = sum_sq / (2 * m) - mean * mean;  // f is centred, so no cancellation
  for (std::size_t i = 0; i < k; ++i) {
    double first = 0, total = 0;
    for (std::size_t j : rows) {
      const double fab = out.fab[i][j];
      first += out.fb[j] * (fab - out.fa[j]);
      total += (out.fa[j] - fab) * (out.fa[j] - fab);
    }
    // A constant output has no variance to apportion: SALib warns and reports zeros.
    s1[i] = variance > 0 ? first / m / variance : 0.0;
    st[i] = variance > 0 ? 0.5 * total / m / variance : 0.0;
  }
}

}  // namespace detail

/// The Sobol indices of the model outputs `f` (f[e] for the design's evaluation e; NaN where an
/// evaluation failed). `seed` keys the bootstrap's resampling (counter stream, so the intervals
/// are reproducible). Throws std::invalid_argument when f has the wrong size or fewer than two
/// rows survive.
inline SobolIndices sobol_indices(const SaltelliDesign& design, const std::vector<double>& f, std::uint64_t seed,
                                  std::size_t resamples = 500) {
  const std::size_t n = design.n, k = design.k, width = k + 2;
  if (f.size() != design.evaluations()) throw std::invalid_argument("sobol_indices: f must have N·(k + 2) values");
  SobolIndices result;
  std::vector<std::size_t> kept;
  double sum = 0;
  for (std::size_t j = 0; j < n; ++j) {
    bool failed = false;
    double row_sum = 0;
    for (std::size_t r = 0; r < width; ++r) {
      failed = failed || std::isnan(f[j * width + r]);
      row_sum += f[j * width + r];
    }
    if (failed) {
      ++result.dropped_rows;
    } else {
      kept.push_back(j);
      sum += row_sum;
    }
  }
  if (kept.size() < 2) throw std::invalid_argument("sobol_indices: fewer than two complete rows");
  const double mean = sum / static_cast<double>(kept.size() * width);

  detail::SaltelliOutputs out;
  out.fab.assign(k, std::vector<double>(kept.size()));
  for (std::size_t q = 0; q < kept.size(); ++q) {
    const double* block = &f[kept[q] * width];
    out.fa.push_back(block[0] - mean);
    out.fb.push_back(block[k + 1] - mean);
    for (std::size_t i = 0; i < k; ++i) out.fab[i][q] = block[1 + i] - mean;
  }

  const std::size_t m = kept.size();
  std::vector<std::size_t> rows(m);
  for (std::size_t q = 0; q < m; ++q) rows[q] = q;
  result.s1.resize(k);
  result.st.resize(k);
  detail::saltelli_estimates(out, rows, result.s1, result.st);

  // Bootstrap: resample b draws row q as ⌊u·m⌋ with u = uniform01(seed, b, q).
  std::vector<double> s1_sum(k, 0), s1_sq(k, 0), st_sum(k, 0), st_sq(k, 0), s1_b(k), st_b(k);
  for (std::size_t b = 0; b < resamples; ++b) {
    for (std::size_t q = 0; q < m; ++q) {
      const auto pick = static_cast<std::size_t>(uniform01(seed, b, q) * static_cast<double>(m));
      rows[q] = pick < m ? pick : m - 1;
    }
    detail::saltelli_estimates(out, rows, s1_b, st_b);
    for (std::size_t i = 0; i < k; ++i) {
      s1_sum[i] += s1_b[i];
      s1_sq[i] += s1_b[i] * s1_b[i];
      st_sum[i] += st_b[i];
      st_sq[i] += st_b[i] * st_b[i];
    }
  }
  // z of the two-sided 95 % interval, Φ⁻¹(0.975), as SALib's norm.ppf(0.5 + 0.95 / 2).
  constexpr double z = 1.959963984540054;
  const auto sample_sd = [&](double s, double sq) {
    if (resamples < 2) return 0.0;
    const double r = static_cast<double>(resamples);
    return std::sqrt(std::fmax(0.0, (sq - s * s / r) / (r - 1)));
  };
  result.s1_conf.resize(k);
  result.st_conf.resize(k);
  for (std::size_t i = 0; i < k; ++i) {
    result.s1_conf[i] = z * sample_sd(s1_sum[i], s1_sq[i]);
    result.st_conf[i] = z * sample_sd(st_sum[i], st_sq[i]);
  }
  return result;
}

}  // namespace planner::uncertainty
