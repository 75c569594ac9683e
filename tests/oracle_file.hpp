#pragma once
// Test helper: reads an oracle file of /work/shared/oracles (comment lines start with '#',
// "## block: TITLE" opens a block of CSV lines) and checks numbers against it with the
// oracle's own tolerance, reporting the worst error seen.
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "planner/io/model_reader.hpp"
#include "planner/model/error.hpp"

namespace oracle {

struct Block {
  std::string title;
  std::vector<std::vector<std::string>> rows;  // CSV rows; rows[0] is the header when there is one
};

/// Splits one CSV line (double-quoted fields may hold commas).
inline std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) cells.emplace_back();
    else cells.back() += c;
  }
  return cells;
}

/// The blocks of the oracle file at `path`.
inline std::vector<Block> read_blocks_at(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open oracle " + path);
  std::vector<Block> blocks;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("## block:", 0) == 0) {
      blocks.push_back({line.substr(9), {}});
    } else if (!line.empty() && line[0] != '#' && !blocks.empty()) {
      blocks.back().rows.push_back(split_csv(line));
    }
  }
  return blocks;
}

/// The blocks of an oracle file under PLANNER_SHARED_DIR/oracles.
inline std::vector<Block> read_blocks(const std::string& name) {
  return read_blocks_at(std::string(PLANNER_SHARED_DIR) + "/oracles/" + name);
}

/// The blocks of one of the project's own oracle copies, tests/oracles/NAME.
inline std::vector<Block> read_own_blocks(const std::string& name) {
  return read_blocks_at(std::string(PLANNER_SOURCE_DIR) + "/tests/oracles/" + name);
}

/// The block whose title contains `key` (first match); throws when none does.
inline const Block& block(const std::vector<Block>& blocks, const std::string& key) {
  for (const auto& b : blocks)
    if (b.title.find(key) != std::string::npos) return b;
  throw std::runtime_error("no oracle block titled like '" + key + "'");
}

/// A labelled matrix block: header `x,<cols…>`, rows `<id>,<numbers…>`.
struct Matrix {
  std::vector<std::string> rows, cols;
  Eigen::MatrixXd data;
};
inline Matrix matrix(const Block& b) {
  Matrix m;
  m.cols.assign(b.rows.at(0).begin() + 1, b.rows.at(0).end());
  m.data.resize(static_cast<Eigen::Index>(b.rows.size() - 1), static_cast<Eigen::Index>(m.cols.size()));
  for (std::size_t r = 1; r < b.rows.size(); ++r) {
    m.rows.push_back(b.rows[r][0]);
    for (std::size_t c = 0; c < m.cols.size(); ++c)
      m.data(static_cast<Eigen::Index>(r - 1), static_cast<Eigen::Index>(c)) = std::stod(b.rows[r].at(c + 1));
  }
  return m;
}

/// Row `label` of a block whose rows start with a label, as numbers from column `first` on (count cells).
inline Eigen::VectorXd row(const Block& b, const std::string& label, std::size_t first, std::size_t count) {
  for (const auto& r : b.rows)
    if (!r.empty() && r[0] == label) {
      Eigen::VectorXd v(static_cast<Eigen::Index>(count));
      for (std::size_t i = 0; i < count; ++i) v[static_cast<Eigen::Index>(i)] = std::stod(r.at(first + i));
      return v;
    }
  throw std::runtime_error("no oracle row '" + label + "'");
}

/// numpy assert_allclose: |actual − expected| ≤ atol + rtol·|expected| for every entry; prints the
/// worst error as a fraction of the allowed one, so the test log shows how much room is left.
inline void expect_close(const Eigen::MatrixXd& actual, const Eigen::MatrixXd& expected, double rtol, double atol,
                         const std::string& what) {
  ASSERT_EQ(actual.rows(), expected.rows()) << what;
  ASSERT_EQ(actual.cols(), expected.cols()) << what;
  double worst_abs = 0, worst_ratio = 0;
  for (Eigen::Index i = 0; i < actual.rows(); ++i)
    for (Eigen::Index j = 0; j < actual.cols(); ++j) {
      double err = std::fabs(actual(i, j) - expected(i, j));
      double allowed = atol + rtol * std::fabs(expected(i, j));
      EXPECT_LE(err, allowed) << what << " (" << i << "," << j << "): got " << actual(i, j) << ", expected "
                              << expected(i, j);
      worst_abs = std::max(worst_abs, err);
      if (allowed > 0) worst_ratio = std::max(worst_ratio, err / allowed);
    }
  std::cout << "[oracle] " << what << ": worst |error| " << worst_abs << " (rtol " << rtol << ", atol " << atol
            << "; " << worst_ratio << " of the allowed)\n";
}

/// Thrown by load_model while read_model is the placeholder.
struct ReaderNotBuilt {};

/// Loads a bundled model through read_model; skips the test while the reader is the placeholder.
inline planner::Economy load_model(const std::string& relative) {
  try {
    return planner::read_model(std::string(PLANNER_SOURCE_DIR) + "/" + relative);
  } catch (const planner::Error& e) {
    if (std::string(e.what()).find("not built yet") != std::string::npos) throw ReaderNotBuilt{};
    throw;
  }
}

}  // namespace oracle

/// In a test body: loads a bundled model, or skips the test while read_model is a placeholder.
#define ORACLE_LOAD_MODEL_OR_SKIP(var, path)                         \
  planner::Economy var;                                              \
  try {                                                              \
    var = oracle::load_model(path);                                  \
  } catch (const oracle::ReaderNotBuilt&) {                          \
    GTEST_SKIP() << "read_model is not built yet (placeholder)";     \
  }
