// Tests of planner/io/csv.cpp: the CSV dialect and labelled / triplet sector matrices.
#include "planner/io/csv.hpp"

#include <gtest/gtest.h>

#include "tests/expect_error.hpp"

#include <fstream>
#include <functional>
#include <initializer_list>

#include "planner/model/error.hpp"

namespace planner {
namespace {

/// Writes `text` to a file in a folder private to the running test; returns its path.
std::filesystem::path write_file(const std::string& name, const std::string& text) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  auto dir = std::filesystem::path(::testing::TempDir()) / (std::string("planner_csv_") + info->name());
  std::filesystem::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << text;
  return dir / name;
}

const std::vector<std::string> kIds{"coal", "steel", "transport"};

TEST(CsvParse, QuotesBomCrlfAndBlankLines) {
  auto records = parse_csv("\xEF\xBB\xBF" "a, b ,\"c, d\"\r\n\r\n\"say \"\"hi\"\"\",\"two\nlines\",\r\nlast,,x", "t.csv");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].line, 1);
  EXPECT_EQ(records[0].cells, (std::vector<std::string>{"a", "b", "c, d"}));
  EXPECT_EQ(records[1].line, 3);
  EXPECT_EQ(records[1].cells, (std::vector<std::string>{"say \"hi\"", "two\nlines", ""}));
  EXPECT_EQ(records[2].line, 5);  // the quoted newline counts as a line
  EXPECT_EQ(records[2].cells, (std::vector<std::string>{"last", "", "x"}));
}

TEST(CsvParse, UnterminatedQuoteNamesItsLine) {
  expect_bad_input([] { parse_csv("a,b\n\"open,c\nd\n", "t.csv"); }, {"t.csv:line 2", "never closed"});
}

TEST(CsvParse, QuoteInsideUnquotedCell) {
  expect_bad_input([] { parse_csv("a,b\"c\n", "t.csv"); }, {"t.csv:line 1", "quote"});
  expect_bad_input([] { parse_csv("\"a\"b,c\n", "t.csv"); }, {"t.csv:line 1", "closing quote"});
}

TEST(CsvRead, MissingFile) {
  expect_bad_input([] { read_csv_records("/nonexistent/x.csv"); }, {"/nonexistent/x.csv", "file not found"});
}

TEST(CsvLabelled, KeepsFileOrderEmptyIsZeroNegativeAllowed) {
  auto m = read_labelled_csv(write_file("m.csv", "sector,b,a\nb,1,\na,-2.5,+3e-1\n"));
  EXPECT_EQ(m.rows, (std::vector<std::string>{"b", "a"}));
  EXPECT_EQ(m.cols, (std::vector<std::string>{"b", "a"}));
  EXPECT_DOUBLE_EQ(m.data(0, 1), 0.0);
  EXPECT_DOUBLE_EQ(m.data(1, 0), -2.5);
  EXPECT_DOUBLE_EQ(m.data(1, 1), 0.3);
}

TEST(CsvSectorMatrix, ReordersByIds) {
  auto a = read_sector_matrix(
      write_file("a.csv", "sector,transport,coal,steel\nsteel,0.2,0.1,0.1\ntransport,0.2,0.2,0.1\ncoal,0.4,0.1,0.5\n"), kIds);
  Eigen::MatrixXd expected(3, 3);
  expected << 0.1, 0.5, 0.4, 0.1, 0.1, 0.2, 0.2, 0.1, 0.2;
  EXPECT_TRUE(a.isApprox(expected)) << a;
}

TEST(CsvSectorMatrix, IdErrorsNameFileLineAndId) {
  const std::string rows = "coal,0,0,0\nsteel,0,0,0\ntransport,0,0,0\n";
  expect_bad_input([&] { read_sector_matrix(write_file("a.csv", "sector,coal,steel\n" + std::string("coal,0,0\nsteel,0,0\ntransport,0,0\n")), kIds); },
                   {"a.csv:line 1", "no column for sector \"transport\""});
  expect_bad_input([&] { read_sector_matrix(write_file("b.csv", "sector,coal,steel,iron\n" + rows), kIds); },
                   {"b.csv:line 1", "unknown column id \"iron\""});
  expect_bad_input([&] { read_sector_matrix(write_file("c.csv", "sector,coal,steel,coal\n" + rows), kIds); },
                   {"c.csv:line 1", "duplicate column id \"coal\""});
  expect_bad_input([&] { read_sector_matrix(write_file("d.csv", "sector,coal,steel,transport\n" + rows + "coal,0,0,0\n"), kIds); },
                   {"d.csv:line 5", "duplicate row id \"coal\""});
  expect_bad_input([&] { read_sector_matrix(write_file("e.csv", "sector,coal,steel,transport\n" + rows + "iron,0,0,0\n"), kIds); },
                   {"e.csv:line 5", "unknown row id \"iron\""});
}

TEST(CsvSectorMatrix, NonSquareIsAMissingRow) {
  expect_bad_input([] { read_sector_matrix(write_file("a.csv", "sector,coal,steel,transport\ncoal,0,0,0\nsteel,0,0,0\n"), kIds); },
                   {"a.csv", "no row for sector \"transport\""});
}

TEST(CsvSectorMatrix, RaggedRow) {
  expect_bad_input([] { read_sector_matrix(write_file("a.csv", "sector,coal,steel,transport\ncoal,0,0\n"), kIds); },
                   {"a.csv:line 2", "row \"coal\" has 3 cells, the header has 4"});
}

TEST(CsvSectorMatrix, BadCells) {
  const std::string header = "sector,coal,steel,transport\n", tail = "steel,0,0,0\ntransport,0,0,0\n";
  expect_bad_input([&] { read_sector_matrix(write_file("a.csv", header + "coal,0,abc,0\n" + tail), kIds); },
                   {"a.csv:line 2", "column \"steel\"", "expected a number, got \"abc\""});
  expect_bad_input([&] { read_sector_matrix(write_file("b.csv", header + "coal,nan,0,0\n" + tail), kIds); },
                   {"b.csv:line 2", "finite"});
  expect_bad_input([&] { read_sector_matrix(write_file("c.csv", header + "coal,0,0,inf\n" + tail), kIds); },
                   {"c.csv:line 2", "finite"});
  expect_bad_input([&] { read_sector_matrix(write_file("d.csv", header + "coal,0,-0.1,0\n" + tail), kIds); },
                   {"d.csv:line 2", "≥ 0", "-0.1"});
  expect_bad_input([&] { read_sector_matrix(write_file("e.csv", header + "coal,0,1.5x,0\n" + tail), kIds); },
                   {"e.csv:line 2", "1.5x"});
}

TEST(CsvSectorMatrix, EmptyFile) {
  expect_bad_input([] { read_sector_matrix(write_file("a.csv", "\n"), kIds); }, {"a.csv", "empty file"});
}

TEST(CsvTriplets, ReadsNonzeros) {
  auto m = read_triplet_matrix(write_file("t.csv", "row,col,value\nsteel,coal,0.7\ntransport,transport,0.2\n"), kIds);
  EXPECT_DOUBLE_EQ(m(1, 0), 0.7);
  EXPECT_DOUBLE_EQ(m(2, 2), 0.2);
  EXPECT_DOUBLE_EQ(m.sum(), 0.9);
}

TEST(CsvTriplets, Errors) {
  expect_bad_input([] { read_triplet_matrix(write_file("a.csv", "from,to,value\n"), kIds); }, {"a.csv:line 1", "row,col,value"});
  expect_bad_input([] { read_triplet_matrix(write_file("b.csv", "row,col,value\niron,coal,1\n"), kIds); },
                   {"b.csv:line 2", "unknown row id \"iron\""});
  expect_bad_input([] { read_triplet_matrix(write_file("c.csv", "row,col,value\ncoal,coal,1\ncoal,coal,2\n"), kIds); },
                   {"c.csv:line 3", "given twice", "line 2"});
  expect_bad_input([] { read_triplet_matrix(write_file("d.csv", "row,col,value\ncoal,coal,-1\n"), kIds); },
                   {"d.csv:line 2", "≥ 0"});
  expect_bad_input([] { read_triplet_matrix(write_file("e.csv", "row,col,value\ncoal,coal\n"), kIds); },
                   {"e.csv:line 2", "3 cells"});
}

}  // namespace
}  // namespace planner
