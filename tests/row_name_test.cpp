// parse_row_name (planner/lp/row_name.hpp) on every form plan_lp_builder.cpp names rows by.
#include <gtest/gtest.h>

#include "planner/lp/row_name.hpp"

namespace planner::lp {
namespace {

TEST(RowName, ReadsEveryFormTheBuilderWrites) {
  auto balance = parse_row_name("balance[iron_ore,3]");
  EXPECT_EQ(balance.family, "balance");
  EXPECT_EQ(balance.id, "iron_ore");
  EXPECT_EQ(balance.year, 3);
  auto labour = parse_row_name("labour[12]");
  EXPECT_EQ(labour.family, "labour");
  EXPECT_EQ(labour.id, "");
  EXPECT_EQ(labour.year, 12);
  auto goal = parse_row_name("goal[coal]");
  EXPECT_EQ(goal.id, "coal");
  EXPECT_FALSE(goal.year);
  auto hold = parse_row_name("hold[max-fulfilment]");
  EXPECT_EQ(hold.family, "hold");
  EXPECT_EQ(hold.id, "max-fulfilment");
  auto record = parse_row_name("record[machinery@1932]");
  EXPECT_EQ(record.id, "machinery@1932");
  EXPECT_FALSE(record.year);
  auto plain = parse_row_name("fulfilment");
  EXPECT_EQ(plain.family, "fulfilment");
  EXPECT_EQ(plain.id, "");
  EXPECT_FALSE(plain.year);
}

}  // namespace
}  // namespace planner::lp
