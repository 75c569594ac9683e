#include "planner/lp/linear_program.hpp"

#include <gtest/gtest.h>

using namespace planner::lp;

TEST(LinearProgram, BuilderMakesColumnWiseArraysWithNames) {
  LpBuilder b;
  int x = b.add_variable("x", 0.0, kInf, 3.0);
  int y = b.add_variable("y", 0.0, 5.0, 2.0);
  b.add_row("r0", {{x, 1.0}, {y, 1.0}}, -kInf, 4.0);
  b.add_row("r1", {{y, 2.0}, {x, 1.0}, {y, -2.0}}, 1.0, 1.0);  // y terms cancel: dropped
  b.set_sense(Sense::maximise);
  b.set_offset(7.0);
  LinearProgram lp = b.build();
  EXPECT_EQ(lp.num_col, 2);
  EXPECT_EQ(lp.num_row, 2);
  EXPECT_EQ(lp.a_start, (std::vector<int>{0, 2, 3}));
  EXPECT_EQ(lp.a_index, (std::vector<int>{0, 1, 0}));
  EXPECT_EQ(lp.a_value, (std::vector<double>{1.0, 1.0, 1.0}));
  EXPECT_EQ(*lp.column("y"), 1);
  EXPECT_EQ(*lp.row("r1"), 1);
  EXPECT_FALSE(lp.column("z"));
  EXPECT_DOUBLE_EQ(lp.objective_value({1.0, 2.0}), 3.0 + 4.0 + 7.0);
  EXPECT_EQ(lp.row_activity({1.0, 2.0}), (std::vector<double>{3.0, 1.0}));
}

TEST(LinearProgram, DuplicateNamesAreRefused) {
  LpBuilder b;
  b.add_variable("x", 0, 1);
  EXPECT_THROW(b.add_variable("x", 0, 1), std::logic_error);
  b.add_row("r", {}, 0, 1);
  EXPECT_THROW(b.add_row("r", {}, 0, 1), std::logic_error);
}

TEST(LinearProgram, ReopenedBuilderKeepsEverythingAndAddsRows) {
  LpBuilder b;
  int x = b.add_variable("x", 0.0, 10.0, 1.0);
  b.add_row("r0", {{x, 2.0}}, 1.0, kInf);
  LinearProgram lp = b.build();
  LpBuilder again(lp);
  int z = again.add_variable("z", 0.0, kInf);
  again.add_row("r1", {{x, 1.0}, {z, -1.0}}, 0.0, 0.0);
  LinearProgram lp2 = again.build();
  EXPECT_EQ(lp2.num_col, 2);
  EXPECT_EQ(lp2.num_row, 2);
  EXPECT_EQ(lp2.a_start, (std::vector<int>{0, 2, 3}));
  EXPECT_EQ(lp2.a_value, (std::vector<double>{2.0, 1.0, -1.0}));
  EXPECT_EQ(*lp2.row("r0"), 0);
  EXPECT_EQ(lp2.col_upper[0], 10.0);
}
