#include "planner/report/table.hpp"

#include <gtest/gtest.h>

using planner::Table;

TEST(Table, AlignsColumnsForATerminal) {
  Table t({"sector", "output"});
  t.add_row({"coal", "35.400"});
  t.add_row({"electricity", "5.050"});
  EXPECT_EQ(t.to_text(),
            "sector       output\n"
            "-------------------\n"
            "coal         35.400\n"
            "electricity   5.050\n");
}

TEST(Table, QuotesCsvCellsThatNeedIt) {
  Table t({"id", "source"});
  t.add_row({"coal", "Nove, \"History\""});
  EXPECT_EQ(t.to_csv(), "id,source\ncoal,\"Nove, \"\"History\"\"\"\n");
}

TEST(Table, MarkdownEscapesPipes) {
  Table t({"a", "b"});
  t.add_row({"x|y", "1"});
  EXPECT_EQ(t.to_markdown(), "| a | b |\n| :--- | ---: |\n| x\\|y | 1 |\n");
}

TEST(FormatNumber, FixedAndScientific) {
  EXPECT_EQ(planner::format_number(2141.8751967, 3), "2141.875");
  EXPECT_EQ(planner::format_number(-0.0000001, 3), "-1.00e-07");
  EXPECT_EQ(planner::format_number(0.0, 2), "0.00");
}
