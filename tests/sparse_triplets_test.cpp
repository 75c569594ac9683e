// planner/io/sparse_triplets: a triplet CSV read into a sparse matrix, with the dense
// reader's rules and messages (unknown id, duplicate entry, NaN, negative, header, cells).
#include "planner/io/sparse_triplets.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <fstream>

#include "expect_error.hpp"
#include "planner/io/csv.hpp"
#include "scratch_dir.hpp"

using planner::expect_bad_input;
using planner::parse_sparse_triplets;

namespace {

const std::vector<std::string> kIds{"coal", "steel", "grain"};

Eigen::MatrixXd dense(const std::string& text) { return Eigen::MatrixXd(parse_sparse_triplets(text, "t.csv", kIds)); }

TEST(SparseTriplets, ReadsByIdInAnyOrderDroppingZeros) {
  Eigen::SparseMatrix<double> a =
      parse_sparse_triplets("row,col,value\nsteel,coal,0.25\ncoal,coal,0.5\ngrain,steel,0\ncoal,grain,1e-3\n", "t.csv", kIds);
  EXPECT_EQ(a.rows(), 3);
  EXPECT_EQ(a.nonZeros(), 3);  // the explicit zero is dropped
  EXPECT_EQ(a.coeff(0, 0), 0.5);
  EXPECT_EQ(a.coeff(1, 0), 0.25);
  EXPECT_EQ(a.coeff(0, 2), 1e-3);
  EXPECT_TRUE(a.isCompressed());
}

TEST(SparseTriplets, ToleratesBomCrlfBlankLinesSpacesAndQuotes) {
  Eigen::MatrixXd plain = dense("row,col,value\ncoal,steel,0.5\ngrain,grain,+0.1\n");
  EXPECT_EQ(dense("\xEF\xBB\xBFrow,col,value\r\n\r\n coal , steel ,0.5\r\ngrain,grain,0.1\r\n"), plain);
  EXPECT_EQ(dense("\"row\",\"col\",\"value\"\n\"coal\",steel,0.5\ngrain,\"grain\",0.1\n"), plain);
}

// read_triplet_matrix (the dense models' reader) is this reader made dense: the cells by hand.
TEST(SparseTriplets, TheDenseReaderGivesTheSameCells) {
  auto dir = planner::test::scratch_dir("sparse_triplets");
  const auto file = dir / "t.csv";
  std::ofstream(file) << "row,col,value\nsteel,coal,0.25\ncoal,grain,0.125\ngrain,grain,0.5\n";
  const Eigen::MatrixXd m = planner::read_triplet_matrix(file, kIds);
  Eigen::MatrixXd expected = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(kIds.size()), static_cast<Eigen::Index>(kIds.size()));
  const auto at = [](const char* id) { return static_cast<Eigen::Index>(std::find(kIds.begin(), kIds.end(), id) - kIds.begin()); };
  expected(at("steel"), at("coal")) = 0.25;
  expected(at("coal"), at("grain")) = 0.125;
  expected(at("grain"), at("grain")) = 0.5;
  EXPECT_EQ(m, expected);
  EXPECT_EQ(Eigen::MatrixXd(planner::read_sparse_triplets(file, kIds)), expected);
  std::filesystem::remove_all(dir);
}

TEST(SparseTriplets, ErrorsNameTheFileLineAndProblem) {
  expect_bad_input([] { dense("row,col,value\ncoal,iron,0.5\n"); }, {"t.csv", "line 2", "unknown col id \"iron\""});
  expect_bad_input([] { dense("row,col,value\niron,coal,0.5\n"); }, {"line 2", "unknown row id \"iron\""});
  // The reader reuses the previous line's column: a different, unknown column still shows.
  expect_bad_input([] { dense("row,col,value\ncoal,coal,0.1\nsteel,coal,0.2\ncoal,iron,0.5\n"); },
                   {"line 4", "unknown col id \"iron\""});
  expect_bad_input([] { dense("row,col,value\ncoal,steel,0.5\n\nsteel,coal,1\ncoal,steel,0.4\n"); },
                   {"line 5", "entry (coal, steel) is given twice (first on line 2)"});
  expect_bad_input([] { dense("row,col,value\ncoal,steel,nan\n"); }, {"line 2", "value", "finite"});
  expect_bad_input([] { dense("row,col,value\ncoal,steel,inf\n"); }, {"line 2", "finite"});
  expect_bad_input([] { dense("row,col,value\ncoal,steel,-0.1\n"); }, {"line 2", "≥ 0"});
  expect_bad_input([] { dense("row,col,value\ncoal,steel,abc\n"); }, {"line 2", "expected a number, got \"abc\""});
  expect_bad_input([] { dense("row,col,value\ncoal,steel,1e999\n"); }, {"line 2", "out of the range"});
  expect_bad_input([] { dense("row,col,value\ncoal,steel\n"); }, {"line 2", "expected 3 cells (row,col,value), got 2"});
  expect_bad_input([] { dense("row,col,val\ncoal,steel,1\n"); }, {"line 1", "expected the header `row,col,value`"});
  expect_bad_input([] { dense(""); }, {"t.csv", "expected the header"});
  expect_bad_input([] { dense("\"row\",col,value\n\"coal\",\"iron\",1\n"); }, {"line 2", "unknown col id \"iron\""});
}

// read_sparse_triplets streams its file in chunks of whole lines: every chunk size, from one byte
// (a chunk then grows to hold a line) to the whole file, gives the cells of the whole text, and
// errors keep their line numbers.
TEST(SparseTriplets, AFileReadInChunksGivesTheSameCellsAndLines) {
  auto dir = planner::test::scratch_dir("sparse_triplets_chunks");
  const auto file = dir / "t.csv";
  const auto read = [&](const std::string& text, std::size_t chunk) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
    return Eigen::MatrixXd(planner::read_sparse_triplets(file, kIds, chunk));
  };
  const std::string text = "\xEF\xBB\xBFrow,col,value\r\n\r\n coal , steel ,0.5\r\ngrain,grain,0.1\n\nsteel,coal,0.25\n"
                           "coal,coal,0\nsteel,grain,1e-3";  // no line end at the end
  const Eigen::MatrixXd whole = dense(text);
  EXPECT_EQ((whole.array() != 0.0).count(), 4);
  for (std::size_t chunk : {1, 2, 3, 5, 8, 13, 21, 64, 1 << 20}) {
    EXPECT_EQ(read(text, chunk), whole) << "chunk " << chunk;
    expect_bad_input([&] { read("row,col,value\ncoal,steel,0.5\n\nsteel,coal,1\ncoal,steel,0.4\n", chunk); },
                     {"t.csv", "line 5", "entry (coal, steel) is given twice (first on line 2)"});
    expect_bad_input([&] { read("row,col,value\r\ncoal,coal,0.1\r\nsteel,coal,0.2\r\ncoal,iron,0.5\r\n", chunk); },
                     {"line 4", "unknown col id \"iron\""});
    // A quote after the first chunk still sends the whole file through the general parser.
    EXPECT_EQ(read("row,col,value\ncoal,steel,0.5\n\"grain\",grain,0.1\n", chunk), dense("row,col,value\ncoal,steel,0.5\ngrain,grain,0.1\n"))
        << "chunk " << chunk;
  }
  // Lines of one length whose columns differ but sit at the same offsets: a column remembered
  // from the chunk before would now read the new chunk's bytes (and match them).
  const std::string same_lengths = "row,col,value\ncoal,steel,1\ncoal,grain,2\ngrain,steel,3\nsteel,grain,4\n";
  for (std::size_t chunk = 1; chunk <= same_lengths.size() + 1; ++chunk)
    EXPECT_EQ(read(same_lengths, chunk), dense(same_lengths)) << "chunk " << chunk;
  expect_bad_input([&] { read("row,col,val\ncoal,steel,1\n", 4); }, {"line 1", "expected the header `row,col,value`"});
  expect_bad_input([&] { read("", 4); }, {"t.csv", "expected the header"});
  expect_bad_input([&] { planner::read_sparse_triplets(dir / "missing.csv", kIds, 4); }, {"missing.csv", "file not found"});
  std::filesystem::remove_all(dir);
}

TEST(SparseTriplets, EmptyCellsAreZero) {
  Eigen::SparseMatrix<double> a = parse_sparse_triplets("row,col,value\ncoal,steel,\n", "t.csv", kIds);
  EXPECT_EQ(a.nonZeros(), 0);
}

}  // namespace
