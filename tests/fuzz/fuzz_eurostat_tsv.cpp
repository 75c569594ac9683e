// libFuzzer harness of the Eurostat SDMX-TSV reader (planner/io/eurostat_tsv.cpp) and of
// `planner import sut --layout eurostat` behind it (planner/io/import_sut.cpp, with the model
// derivation of planner/analysis/supply_use.cpp). The input is the supply table's text; an
// attachment `use.tsv` (fuzz_files.hpp) is the use table, else the same text serves as both.
// The selection is geo DE, year 2015 (the seeds' codes). Any input must give a result or a
// bad-input Error; a slice read must be consistent (one row label and line per row, one line
// per cell, finite numbers) and an imported model must hold only finite numbers, flows ≥ 0.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "planner/io/eurostat_tsv.hpp"
#include "planner/io/import_sut.hpp"
#include "tests/fuzz/fuzz_files.hpp"

using namespace planner;

namespace {

void check_slice(const EurostatSlice& s) {
  const auto& m = s.table.matrix;
  if (m.data.rows() != static_cast<Eigen::Index>(m.rows.size()) || m.data.cols() != static_cast<Eigen::Index>(m.cols.size()) ||
      s.table.row_lines.size() != m.rows.size() || s.line_of.size() > m.rows.size() * m.cols.size())
    std::abort();
  if (!m.data.allFinite()) std::abort();
  for (const auto& [cell, line] : s.line_of)
    if (line < 2 || std::find(m.rows.begin(), m.rows.end(), cell.first) == m.rows.end() ||
        std::find(m.cols.begin(), m.cols.end(), cell.second) == m.cols.end())
      std::abort();
}

void check_model(const SutImport& r) {
  const ImportedModel& m = r.model;
  const auto n = static_cast<Eigen::Index>(m.sectors.size());
  if (m.flows.rows() != n || m.flows.cols() != n || !m.flows.allFinite() || (m.flows.array() < 0).any()) std::abort();
  for (const auto& s : m.sectors)
    if (s.id.empty() || !std::isfinite(s.output) || !std::isfinite(s.demand)) std::abort();
  for (const auto& res : m.resources)
    if (res.total.size() != n || !res.total.allFinite()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string text = fuzz::unpack(data, size);
  const auto dir = fuzz::work_dir();
  const auto supply = dir / "supply.tsv";
  std::ofstream(supply, std::ios::binary | std::ios::trunc) << text;
  const auto use = std::filesystem::exists(dir / "use.tsv") ? dir / "use.tsv" : supply;
  const EurostatSelection sel{"DE", "2015", {}};
  fuzz::expect_only_planner_errors([&] { check_slice(read_eurostat_slice(supply, sel, {"prd_", "prod_"}, {"ind_", "induse"})); });
  fuzz::expect_only_planner_errors([&] { check_slice(read_eurostat_slice(use, sel, {"prd_", "prod_"}, {"ind_", "induse"})); });
  // The model follows the input's first byte, so that every model's path is reached.
  const analysis::SutModel models[] = {analysis::SutModel::a, analysis::SutModel::b, analysis::SutModel::c, analysis::SutModel::d};
  SutFiles files;
  files.supply = supply;
  files.use = use;
  files.eurostat = sel;
  SutOptions options;
  options.model = models[size > 0 ? data[0] % 4 : 3];
  options.zero_negatives = size > 1 && (data[1] & 1);
  fuzz::expect_only_planner_errors([&] { check_model(import_sut(files, options)); });
  return 0;
}
