// Sampling of uncertain inputs (planner/uncertainty/): the counter stream, the quantile of each
// distribution kind and the threaded draws, each against an answer found another way — closed
// forms, published z values, the distribution's own CDF, analytic moments.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <numbers>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "planner/uncertainty/distribution.hpp"
#include "planner/uncertainty/parallel_draws.hpp"
#include "planner/uncertainty/percentiles.hpp"
#include "planner/uncertainty/random_stream.hpp"
#include "planner/uncertainty/standard_normal.hpp"

using namespace planner::uncertainty;

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

double normal_density(double z) { return std::exp(-0.5 * z * z) / std::sqrt(2 * std::numbers::pi); }

Distribution normal(double mean, double sd, double low = -inf, double high = inf) {
  return {DistKind::normal, mean, low, high, sd, 1};
}

// Mean and standard deviation of quantile(d, u) over `count` draws of the counter stream.
std::pair<double, double> draw_moments(const Distribution& d, std::size_t count, std::uint64_t seed) {
  double sum = 0, sum_sq = 0;
  for (std::size_t j = 0; j < count; ++j) {
    const double x = quantile(d, uniform01(seed, j, 0));
    sum += x;
    sum_sq += x * x;
  }
  const double mean = sum / static_cast<double>(count);
  return {mean, std::sqrt(sum_sq / static_cast<double>(count) - mean * mean)};
}

// Restores PLANNER_THREADS when a test that sets it ends.
struct ThreadsEnvironment {
  std::optional<std::string> saved;
  ThreadsEnvironment() {
    if (const char* v = std::getenv("PLANNER_THREADS")) saved = v;
  }
  ~ThreadsEnvironment() {
    if (saved) setenv("PLANNER_THREADS", saved->c_str(), 1);
    else unsetenv("PLANNER_THREADS");
  }
};

}  // namespace

TEST(SamplingStream, SplitMix64MatchesTheReferenceOutput) {
  // SplitMix64 seeded with 0 (Vigna's splitmix64.c) first returns 0xE220A8397B1DCDAF, then
  // 0x6E789E6AA1B965F4: the mix is the published one, bit for bit, on any platform.
  EXPECT_EQ(detail::splitmix64(0), 0xE220A8397B1DCDAFULL);
  EXPECT_EQ(detail::splitmix64(0x9E3779B97F4A7C15ULL), 0x6E789E6AA1B965F4ULL);
}

TEST(SamplingStream, Uniform01IsStrictlyInsideAndReproducible) {
  // The extremes the construction can give are the odd multiples 2⁻⁵³ and 1 − 2⁻⁵³, both exact.
  static_assert((0.0 + 0.5) * 0x1.0p-52 > 0.0);
  static_assert((static_cast<double>((1ULL << 52) - 1) + 0.5) * 0x1.0p-52 < 1.0);
  constexpr std::size_t count = 1'000'000;
  double sum = 0, sum_sq = 0;
  for (std::size_t j = 0; j < count; ++j) {
    const double u = uniform01(42, j, 3);
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
    ASSERT_EQ(u, uniform01(42, j, 3));
    sum += u;
    sum_sq += u * u;
  }
  // Moments of U(0, 1): mean ½ (sd of the sample mean √(1/12/N) ≈ 2.9·10⁻⁴), E u² = ⅓; 4 sd.
  const double n = static_cast<double>(count);
  EXPECT_NEAR(sum / n, 0.5, 4 * std::sqrt(1.0 / 12 / n));
  EXPECT_NEAR(sum_sq / n, 1.0 / 3, 4 * std::sqrt(4.0 / 45 / n));  // Var u² = 1/5 − 1/9
  // Neighbouring counters give unrelated numbers.
  EXPECT_NE(uniform01(42, 0, 0), uniform01(42, 0, 1));
  EXPECT_NE(uniform01(42, 0, 0), uniform01(42, 1, 0));
  EXPECT_NE(uniform01(42, 0, 0), uniform01(43, 0, 0));
  EXPECT_NE(uniform01(1, 2, 3), uniform01(3, 2, 1));
}

TEST(SamplingQuantile, StandardNormalAgainstPublishedZValues) {
  // z values from tables (Abramowitz & Stegun 26.2; R's qnorm to 16 digits); |error| < 1e-12.
  EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-12);
  EXPECT_NEAR(normal_quantile(0.025), -1.959963984540054, 1e-12);
  EXPECT_NEAR(normal_quantile(0.95), 1.6448536269514722, 1e-12);
  EXPECT_NEAR(normal_quantile(0.99), 2.3263478740408408, 1e-12);
  EXPECT_NEAR(normal_quantile(0.001), -3.090232306167813, 1e-12);
  EXPECT_NEAR(normal_quantile(1e-10), -6.361340902404056, 1e-12);
  EXPECT_NEAR(normal_quantile(0.8413447460685429), 1.0, 1e-12);  // Φ(1)
  EXPECT_EQ(normal_quantile(0.5), 0.0);
}

TEST(SamplingQuantile, StandardNormalInvertsErfcEverywhere) {
  // The error in x is (Φ(x) − p)/φ(x) to first order; Φ is std::erfc, independent of Φ⁻¹.
  // Both sides of Acklam's region boundary 0.02425, deep tails and the centre.
  for (double p : {1e-300, 1e-100, 1e-20, 1e-8, 1e-3, 0.02424, 0.02426, 0.1, 0.3, 0.4999, 0.5001, 0.7, 0.97576,
                   0.999, 1 - 1e-9}) {
    const double x = normal_quantile(p);
    const double residual = p <= 0.5 ? normal_cdf(x) - p : (1 - p) - normal_upper_tail(x);
    EXPECT_LT(std::abs(residual / normal_density(x)), 1e-12 * std::max(1.0, std::abs(x))) << "p = " << p;
  }
}

TEST(SamplingQuantile, UniformAndTriangularAnalyticInverse) {
  const Distribution uniform{DistKind::uniform, 0, 2, 6};
  EXPECT_DOUBLE_EQ(quantile(uniform, 0.25), 3.0);
  EXPECT_DOUBLE_EQ(quantile(uniform, 0.9), 2 + 0.9 * 4);
  // Triangular on [1, 5], mode 2: F(x) = (x−1)²/4 up to the mode (F(2) = ¼), 1 − (5−x)²/12 after.
  const Distribution tri{DistKind::triangular, 2, 1, 5};
  EXPECT_DOUBLE_EQ(quantile(tri, 0.1), 1 + std::sqrt(0.4));
  EXPECT_NEAR(quantile(tri, 0.25), 2.0, 1e-15);
  EXPECT_DOUBLE_EQ(quantile(tri, 0.5), 5 - std::sqrt(6.0));
  EXPECT_DOUBLE_EQ(quantile(tri, 0.99), 5 - std::sqrt(0.01 * 12));
  // Mode at an end: the right-angled triangle on [0, 1] with mode 0, F(x) = 1 − (1−x)².
  EXPECT_DOUBLE_EQ(quantile(Distribution{DistKind::triangular, 0, 0, 1}, 0.75), 0.5);
}

TEST(SamplingQuantile, NormalAndLognormalClosedForms) {
  EXPECT_NEAR(quantile(normal(10, 2), 0.975), 10 + 2 * 1.959963984540054, 1e-12);
  EXPECT_NEAR(quantile(normal(10, 2), 0.5), 10.0, 1e-14);
  // Lognormal: median m, gsd g ⇒ the p-quantile is m·g^z_p.
  const Distribution logn{DistKind::lognormal, 3, -inf, inf, 0, 2};
  EXPECT_NEAR(quantile(logn, 0.5), 3.0, 1e-14);
  EXPECT_NEAR(quantile(logn, 0.975), 3 * std::pow(2.0, 1.959963984540054), 1e-11);
  EXPECT_NEAR(quantile(logn, 0.025), 3 / std::pow(2.0, 1.959963984540054), 1e-12);
  // A low ≤ 0 is no bound on a lognormal.
  const Distribution logn_floor{DistKind::lognormal, 3, -5, inf, 0, 2};
  EXPECT_DOUBLE_EQ(quantile(logn_floor, 0.3), quantile(logn, 0.3));
}

TEST(SamplingQuantile, TruncatedNormalMeanMatchesTheAnalyticMean) {
  // E X = μ + σ(φ(α) − φ(β))/(Φ(β) − Φ(α)) for X ~ N(μ, σ²) on [μ + ασ, μ + βσ]. The mean of
  // N = 200 000 draws has standard error σ_X/√N; the bound is 4 of them.
  constexpr std::size_t count = 200'000;
  struct Case { double alpha, beta; };
  for (const Case c : {Case{-0.5, 2.5}, Case{-inf, -1.0}, Case{3.0, inf}, Case{6.0, 7.0}}) {
    const double mu = 10, sigma = 2;
    const Distribution d = normal(mu, sigma, mu + c.alpha * sigma, mu + c.beta * sigma);
    const double pa = std::isinf(c.alpha) ? 0 : normal_density(c.alpha), pb = std::isinf(c.beta) ? 0 : normal_density(c.beta);
    // The probability of the range from the upper tail Q for ranges far right (Φ would round).
    const double mass = normal_upper_tail(c.alpha) - normal_upper_tail(c.beta);
    const double exact_mean = mu + sigma * (pa - pb) / mass;
    const auto [mean, sd] = draw_moments(d, count, 7);
    EXPECT_NEAR(mean, exact_mean, 4 * sd / std::sqrt(static_cast<double>(count)))
        << "alpha " << c.alpha << " beta " << c.beta;
    // Every draw within the range.
    for (std::size_t j = 0; j < 1000; ++j) {
      const double x = quantile(d, uniform01(7, j, 0));
      ASSERT_GE(x, d.low);
      ASSERT_LE(x, d.high);
    }
  }
}

TEST(SamplingQuantile, TruncatedLognormalInvertsItsCdf) {
  // Lognormal (median 3, gsd 2) truncated to [1, 8]: F(x) = (Φ(z(x)) − Φ(z(1)))/(Φ(z(8)) − Φ(z(1)))
  // with z(x) = ln(x/3)/ln 2. The quantile must satisfy F(quantile(u)) = u.
  const Distribution d{DistKind::lognormal, 3, 1, 8, 0, 2};
  const auto z = [](double x) { return std::log(x / 3) / std::log(2.0); };
  const double f1 = normal_cdf(z(1)), f8 = normal_cdf(z(8));
  for (double u : {1e-9, 0.01, 0.3, 0.5, 0.8, 0.999999}) {
    const double x = quantile(d, u);
    EXPECT_GE(x, 1.0);
    EXPECT_LE(x, 8.0);
    EXPECT_NEAR((normal_cdf(z(x)) - f1) / (f8 - f1), u, 1e-12) << "u = " << u;
  }
}

TEST(SamplingQuantile, ZeroWidthDistributionsReturnTheValueExactly) {
  const double v = 0.1234567890123;
  for (double u : {1e-15, 0.3, 0.5, 1 - 1e-15}) {
    EXPECT_EQ(quantile(Distribution{DistKind::uniform, v, v, v}, u), v);
    EXPECT_EQ(quantile(Distribution{DistKind::triangular, v, v, v}, u), v);
    EXPECT_EQ(quantile(normal(v, 0), u), v);
    EXPECT_EQ(quantile(normal(v, 3, v, v), u), v);
    EXPECT_EQ(quantile(Distribution{DistKind::lognormal, v, -inf, inf, 0, 1}, u), v);
    EXPECT_EQ(quantile(Distribution{DistKind::lognormal, v, v, v, 0, 1.5}, u), v);
  }
}

TEST(SamplingQuantile, RejectsWhatIsNoDistribution) {
  EXPECT_THROW(quantile(normal(0, 1), 0.0), std::invalid_argument);
  EXPECT_THROW(quantile(normal(0, 1), 1.0), std::invalid_argument);
  EXPECT_THROW(quantile(normal(0, -1), 0.5), std::invalid_argument);
  EXPECT_THROW(quantile(Distribution{DistKind::uniform, 0, 0, inf}, 0.5), std::invalid_argument);
  EXPECT_THROW(quantile(Distribution{DistKind::triangular, 7, 0, 1}, 0.5), std::invalid_argument);
  EXPECT_THROW(quantile(Distribution{DistKind::lognormal, -1, -inf, inf, 0, 2}, 0.5), std::invalid_argument);
  EXPECT_THROW(quantile(Distribution{DistKind::uniform, 0, 2, 1}, 0.5), std::invalid_argument);
}

TEST(SamplingMonteCarlo, OneSectorEconomyPercentilesMatchTheClosedForm) {
  // x = f/(1 − a), a ~ U[a0, a1]: x is increasing in a, so x_p = f/(1 − (a0 + p(a1 − a0))).
  // The sample p-quantile of N draws has standard error √(p(1−p)/N)/g(x_p), with g the density
  // of x: g(x) = f/(x²(a1 − a0)). The bound is 4 standard errors.
  constexpr double f = 100, a0 = 0.2, a1 = 0.6;
  constexpr std::size_t count = 20'000;
  const Distribution a{DistKind::uniform, 0.4, a0, a1};
  const auto simulate = [&](unsigned threads) {
    std::vector<double> x(count);
    for_each_draw(count, threads, [&](std::size_t j) { x[j] = f / (1 - quantile(a, uniform01(2026, j, 0))); });
    return x;
  };
  const std::vector<double> x = simulate(0);
  const auto q = quartiles_5_25_50_75_95(x);
  const double ps[] = {0.05, 0.25, 0.50, 0.75, 0.95};
  for (int i = 0; i < 5; ++i) {
    const double p = ps[i];
    const double exact = f / (1 - (a0 + p * (a1 - a0)));
    const double density = f / (exact * exact * (a1 - a0));
    const double se = std::sqrt(p * (1 - p) / count) / density;
    EXPECT_NEAR(q[i], exact, 4 * se) << "p = " << p;
    EXPECT_EQ(q[i], percentile(x, p));
  }
  // The same draws on one and on two threads, bit for bit.
  EXPECT_EQ(simulate(1), simulate(2));
  EXPECT_EQ(simulate(1), simulate(7));
}

TEST(SamplingDraws, EveryIndexOnceWhateverTheThreads) {
  for (unsigned threads : {1u, 2u, 3u, 16u}) {
    std::vector<int> hits(1001, 0);
    for_each_draw(hits.size(), threads, [&](std::size_t i) { ++hits[i]; });
    EXPECT_EQ(std::count(hits.begin(), hits.end(), 1), 1001) << threads << " threads";
  }
  for_each_draw(0, 4, [](std::size_t) { FAIL() << "no draws, no calls"; });
}

TEST(SamplingDraws, AWorkersExceptionReachesTheCaller) {
  for (unsigned threads : {1u, 2u, 4u}) {
    EXPECT_THROW(for_each_draw(100, threads,
                               [](std::size_t i) {
                                 if (i == 77) throw std::runtime_error("draw 77 failed");
                               }),
                 std::runtime_error);
  }
}

// The draws use the planner's one count of cores (analysis::core_count), which reads the
// environment the same strict way.
TEST(SamplingDraws, PlannerThreadsReadsTheEnvironment) {
  ThreadsEnvironment restore;
  setenv("PLANNER_THREADS", "3", 1);
  EXPECT_EQ(planner::analysis::core_count(), 3);
  const int hardware = std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 8);
  for (const char* bad : {"0", "-2", "two", "4x", ""}) {
    setenv("PLANNER_THREADS", bad, 1);
    EXPECT_EQ(planner::analysis::core_count(), hardware) << "PLANNER_THREADS=" << bad;
  }
  unsetenv("PLANNER_THREADS");
  EXPECT_EQ(planner::analysis::core_count(), hardware);
}
