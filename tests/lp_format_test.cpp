#include "planner/lp/lp_format.hpp"

#include <coin/ClpSimplex.hpp>
#include <gtest/gtest.h>

#include <filesystem>

#include "lp_test_plans.hpp"
#include "scratch_dir.hpp"
#include "planner/lp/plan_lp_builder.hpp"

using namespace planner::lp;

TEST(LpFormat, WritesObjectiveRowsAndBounds) {
  LpBuilder b;
  int x = b.add_variable("output[corn,1]", 0, kInf, 1.5);
  int y = b.add_variable("stock[corn,0]", 10, 10);
  b.add_row("balance[corn,0]", {{x, 0.5}, {y, -1}}, 0, 0);
  b.add_row("capacity[corn,1]", {{x, 1}}, -kInf, 4);
  b.set_sense(Sense::maximise);
  b.set_offset(4);
  EXPECT_EQ(to_lp_text(b.build()),
            "\\ planner plan LP: 2 columns, 2 rows\n"
            "Maximize\n"
            " objective: + 1.5 output(corn,1) + 4\n"
            "Subject To\n"
            " balance(corn,0): + 0.5 output(corn,1) - stock(corn,0) = 0\n"
            " capacity(corn,1): + output(corn,1) <= 4\n"
            "Bounds\n"
            " stock(corn,0) = 10\n"
            "End\n");
}

TEST(LpFormat, ClpReadsTheWilliamsLpToTheOracleOptimum) {
  PlanLp plan = build_plan_lp(planner::test::williams_plan());
  auto file = planner::test::scratch_dir("lp_format_test") / "williams.lp";
  write_lp(plan.lp, file);
  ClpSimplex model;
  model.setLogLevel(0);
  ASSERT_EQ(model.readLp(file.string().c_str()), 0);
  model.dual();
  ASSERT_TRUE(model.isProvenOptimal());
  // CoinLpIO keeps the sense; the constant 930 may or may not be kept as an offset.
  double z = model.objectiveValue();
  EXPECT_TRUE(std::fabs(z - 2141.8751967) < 1e-6 || std::fabs(z - 1211.8751967) < 1e-6) << z;
  std::filesystem::remove(file);
}
