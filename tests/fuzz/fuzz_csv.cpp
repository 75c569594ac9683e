// libFuzzer harness of the CSV readers (planner/io/csv.cpp, sectors_csv.cpp): the raw
// dialect, the labelled matrix, the sector matrix ordered by ids, triplets and the sector
// table. Any input must give a result or a bad-input Error; a sector matrix read must hold
// only finite numbers ≥ 0 (never a silently wrong number).
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>

#include "planner/io/csv.hpp"
#include "planner/io/sectors_csv.hpp"
#include "tests/fuzz/fuzz_files.hpp"

using namespace planner;

namespace {

void check_coefficients(const Eigen::MatrixXd& m, std::size_t n) {
  if (m.rows() != static_cast<Eigen::Index>(n) || m.cols() != static_cast<Eigen::Index>(n)) std::abort();
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    for (Eigen::Index j = 0; j < m.cols(); ++j)
      if (!std::isfinite(m(i, j)) || m(i, j) < 0) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  fuzz::expect_only_planner_errors([&] { parse_csv(text, "fuzz.csv"); });

  const auto file = fuzz::work_dir() / "fuzz.csv";
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
  std::vector<std::string> ids{"a", "b", "c"};
  fuzz::expect_only_planner_errors([&] {
    LabelledMatrix m = read_labelled_csv(file);
    if (m.data.rows() != static_cast<Eigen::Index>(m.rows.size()) || m.data.cols() != static_cast<Eigen::Index>(m.cols.size()))
      std::abort();
    if (!m.cols.empty()) ids = m.cols;
  });
  fuzz::expect_only_planner_errors([&] { check_coefficients(read_sector_matrix(file, ids), ids.size()); });
  fuzz::expect_only_planner_errors([&] { check_coefficients(read_triplet_matrix(file, ids), ids.size()); });
  fuzz::expect_only_planner_errors([&] {
    for (const Sector& s : read_sectors_csv(file, "unit"))
      if (s.id.empty() || !std::isfinite(s.output) || s.output < 0 || !(s.depreciation >= 0 && s.depreciation < 1)) std::abort();
  });
  return 0;
}
