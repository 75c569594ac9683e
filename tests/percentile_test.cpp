// numpy's default percentile (linear, type 7) against values worked by hand from its definition
// h = (n − 1)·p, x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋), and against numpy's documented example
// (numpy.percentile([[10, 7, 4], [3, 2, 1]], 50) = 3.5).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "planner/uncertainty/percentiles.hpp"

using namespace planner::uncertainty;

TEST(Percentile, NumpyLinearInterpolation) {
  // Exact binary fractions throughout, so equality is exact.
  EXPECT_EQ(percentile({1, 2, 3, 4}, 0.25), 1.75);  // h = 0.75
  EXPECT_EQ(percentile({4, 3, 2, 1}, 0.5), 2.5);    // unsorted input, h = 1.5
  EXPECT_EQ(percentile({10, 7, 4, 3, 2, 1}, 0.5), 3.5);  // numpy's docstring example
  EXPECT_EQ(percentile({1, 2, 3, 4}, 0.0), 1.0);
  EXPECT_EQ(percentile({1, 2, 3, 4}, 1.0), 4.0);
  EXPECT_EQ(percentile({7}, 0.3), 7.0);
  // 15, 20, 35, 40, 50 at p = 0.4: h = 1.6, 20 + 0.6·15 = 29 (to rounding of 0.6).
  EXPECT_NEAR(percentile({15, 20, 35, 40, 50}, 0.4), 29.0, 1e-12);
}

TEST(Percentile, FiveQuartilesOfOneToHundredOne) {
  // 1…101: h = 100·p is whole for every p, so the percentiles are 1 + 100·p exactly.
  std::vector<double> v;
  for (int i = 101; i >= 1; --i) v.push_back(i);
  const auto q = quartiles_5_25_50_75_95(v);
  EXPECT_DOUBLE_EQ(q[0], 6.0);
  EXPECT_DOUBLE_EQ(q[1], 26.0);
  EXPECT_DOUBLE_EQ(q[2], 51.0);
  EXPECT_DOUBLE_EQ(q[3], 76.0);
  EXPECT_DOUBLE_EQ(q[4], 96.0);
}

TEST(Percentile, RejectsEmptyAndNaN) {
  EXPECT_THROW(percentile({}, 0.5), std::invalid_argument);
  EXPECT_THROW(percentile({1.0, std::numeric_limits<double>::quiet_NaN()}, 0.5), std::invalid_argument);
  EXPECT_THROW(quartiles_5_25_50_75_95({std::nan("")}), std::invalid_argument);
  EXPECT_THROW(percentile({1.0, 2.0}, 1.5), std::invalid_argument);
}
