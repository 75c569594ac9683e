// BlasThreads sets OpenBLAS's thread count for a scope and puts the previous one back.
#include "planner/lp/blas_threads.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "planner/analysis/parallel_ranges.hpp"

extern "C" int openblas_get_num_threads() __attribute__((weak));

using planner::lp::BlasThreads;

TEST(BlasThreads, SetsTheCountForAScopeAndRestoresIt) {
  if (openblas_get_num_threads == nullptr) GTEST_SKIP() << "built without OpenBLAS";
  const int before = openblas_get_num_threads();
  {
    const BlasThreads one(1);
    EXPECT_EQ(openblas_get_num_threads(), 1);
    {
      const BlasThreads two(2);  // the serial variant stays at 1 whatever it is told
      EXPECT_LE(openblas_get_num_threads(), 2);
    }
    EXPECT_EQ(openblas_get_num_threads(), 1);
  }
  EXPECT_EQ(openblas_get_num_threads(), before);
}

// The interior point gives OpenBLAS the planner's core count, which follows PLANNER_THREADS.
TEST(BlasThreads, CoresFollowPlannerThreads) {
  ::setenv("PLANNER_THREADS", "3", 1);
  EXPECT_EQ(planner::analysis::core_count(), 3);
  ::unsetenv("PLANNER_THREADS");
  EXPECT_GE(planner::analysis::core_count(), 1);
  EXPECT_LE(planner::analysis::core_count(), 8);
}
