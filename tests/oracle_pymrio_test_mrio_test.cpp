// Oracle: ../shared/oracles/pymrio_test_mrio_6region_8sector.txt — pymrio's built-in test MRIO
// (6 regions × 8 sectors, extensions Factor Inputs and Emissions). A fixture turns the raw data
// blocks of that file into a folder laid out as pymrio's IOSystem.save_all() writes it (Z.txt,
// Y.txt, x.txt, unit.txt, factor_inputs/F.txt, emissions/F.txt), `planner import pymrio`
// flattens it into a model, and `planner analyze` must reproduce the oracle's value-added
// multipliers M = S L within the peer's tolerance (numpy assert_allclose rtol 1e-5).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_run.hpp"
#include "oracle_file.hpp"
#include "planner/io/import_pymrio.hpp"
#include "scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
using planner::test::run_cli;
using planner::test::write_text;

const char* kOracle = "pymrio_test_mrio_6region_8sector.txt";

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> cells(1);
  for (char c : line) {
    if (c == '\t') cells.emplace_back();
    else cells.back() += c;
  }
  return cells;
}

/// The raw tab-separated lines of the oracle block whose title contains `key`.
std::vector<std::vector<std::string>> raw_block(const std::string& key) {
  const std::string file = std::string(PLANNER_SHARED_DIR) + "/oracles/" + kOracle;
  std::ifstream in(file);
  // Missing data must fail the test, not index an empty block.
  if (!in) throw std::runtime_error("cannot read the oracle " + file);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("## block:", 0) == 0) {
      inside = line.find(key) != std::string::npos;
      continue;
    }
    if (line.empty() || line[0] == '#') {
      if (inside && !rows.empty()) break;
      continue;
    }
    if (inside) rows.push_back(split_tabs(line));
  }
  if (rows.empty()) throw std::runtime_error("no block \"" + key + "\" in " + file);
  return rows;
}

/// The block in save_all's layout: `raw_labels` label columns in the raw block (the last of
/// them a unit column when `drop_unit`), header rows named by `col_names`, index names `row_names`.
std::string save_all_layout(const std::vector<std::vector<std::string>>& raw, std::size_t raw_labels, bool drop_unit,
                            const std::vector<std::string>& col_names, const std::vector<std::string>& row_names) {
  const std::size_t keep = drop_unit ? raw_labels - 1 : raw_labels;
  std::string out;
  for (std::size_t h = 0; h < col_names.size(); ++h) {
    out += col_names[h];
    for (std::size_t k = 1; k < keep; ++k) out += "\t";
    for (std::size_t c = raw_labels; c < raw[h].size(); ++c) out += "\t" + raw[h][c];
    out += "\n";
  }
  for (std::size_t k = 0; k < keep; ++k) out += (k ? "\t" : "") + row_names[k];
  for (std::size_t c = raw_labels; c < raw[0].size(); ++c) out += "\t";
  out += "\n";
  for (std::size_t r = col_names.size(); r < raw.size(); ++r) {
    for (std::size_t k = 0; k < keep; ++k) out += (k ? "\t" : "") + raw[r][k];
    for (std::size_t c = raw_labels; c < raw[r].size(); ++c) out += "\t" + raw[r][c];
    out += "\n";
  }
  return out;
}

/// Writes the pymrio folder; with `with_x`, x.txt from the oracle's x column.
fs::path write_testmrio(const fs::path& root, bool with_x) {
  fs::path dir = root / "testmrio";
  fs::remove_all(dir);
  auto z = raw_block("raw trade_flows_Z.txt");
  auto y = raw_block("raw finald_demand_Y.txt");
  auto va = raw_block("raw factor_input.txt");
  auto em = raw_block("raw emissions.txt");
  EXPECT_EQ(z.size(), 2u + 48u);
  EXPECT_EQ(y.size(), 2u + 48u);
  write_text(dir / "Z.txt", save_all_layout(z, 3, true, {"region", "sector"}, {"region", "sector"}));
  write_text(dir / "Y.txt", save_all_layout(y, 3, true, {"region", "category"}, {"region", "sector"}));
  write_text(dir / "factor_inputs" / "F.txt", save_all_layout(va, 2, true, {"region", "sector"}, {"stressor"}));
  write_text(dir / "factor_inputs" / "unit.txt", "stressor\tunit\nValue Added\tMill USD\n");
  write_text(dir / "emissions" / "F.txt", save_all_layout(em, 3, true, {"region", "sector"}, {"stressor", "compartment"}));
  write_text(dir / "emissions" / "unit.txt", "stressor\tcompartment\tunit\nemission_type1\tair\tkg\nemission_type2\twater\tkg\n");
  std::string unit = "region\tsector\tunit\n";
  for (std::size_t r = 2; r < z.size(); ++r) unit += z[r][0] + "\t" + z[r][1] + "\t" + z[r][2] + "\n";
  write_text(dir / "unit.txt", unit);
  if (with_x) {
    const auto blocks = oracle::read_blocks(kOracle);
    const auto& expected = oracle::block(blocks, "factor_inputs extension");
    std::string x = "region\tsector\tindout\n";
    for (std::size_t r = 1; r < expected.rows.size(); ++r)
      x += expected.rows[r][0] + "\t" + expected.rows[r][1] + "\t" + expected.rows[r][2] + "\n";
    write_text(dir / "x.txt", x);
  }
  return dir;
}

struct Expected {
  std::vector<std::string> ids;
  Eigen::VectorXd x, m_published, m_computed, output_multiplier;
};

Expected expected() {
  const auto blocks = oracle::read_blocks(kOracle);
  const auto& b = oracle::block(blocks, "factor_inputs extension");
  Expected e;
  const auto n = static_cast<Eigen::Index>(b.rows.size() - 1);
  e.x.resize(n), e.m_published.resize(n), e.m_computed.resize(n), e.output_multiplier.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto& r = b.rows[static_cast<std::size_t>(i) + 1];
    e.ids.push_back(r[0] + "_" + r[1]);
    e.x[i] = std::stod(r[2]);
    e.m_published[i] = std::stod(r[3]);
    e.m_computed[i] = std::stod(r[5]);
    e.output_multiplier[i] = std::stod(r[7]);
  }
  return e;
}

Eigen::VectorXd by_ids(const nlohmann::json& vector, const std::vector<std::string>& ids) {
  Eigen::VectorXd v(static_cast<Eigen::Index>(ids.size()));
  for (std::size_t i = 0; i < ids.size(); ++i) v[static_cast<Eigen::Index>(i)] = vector.at(ids[i]).get<double>();
  return v;
}

double worst_relative(const Eigen::VectorXd& got, const Eigen::VectorXd& want) {
  return ((got - want).array().abs() / want.array().abs()).maxCoeff();
}

TEST(OraclePymrioTestMrio, ImportReproducesValueAddedMultipliers) {
  const fs::path root = planner::test::scratch_dir("pymrio_testmrio");
  const fs::path folder = write_testmrio(root, /*with_x=*/true);
  const fs::path model = root / "model";
  fs::remove_all(model);
  auto imported = run_cli("import pymrio " + folder.string() + " --out " + model.string());
  ASSERT_EQ(imported.code, 0) << imported.err << imported.out;
  EXPECT_NE(imported.out.find("48 sectors, 3 resources"), std::string::npos) << imported.out;
  EXPECT_NE(imported.out.find("x.txt"), std::string::npos) << imported.out;

  auto check = run_cli("check " + (model / "model.toml").string());
  EXPECT_EQ(check.code, 0) << check.err;
  auto analysed = run_cli("analyze " + (model / "model.toml").string() + " --format json");
  ASSERT_EQ(analysed.code, 0) << analysed.err;
  auto j = nlohmann::json::parse(analysed.out);

  Expected e = expected();
  EXPECT_EQ(j["sectors"].get<std::vector<std::string>>(), e.ids);
  ASSERT_TRUE(j["input_multipliers"].contains("value_added")) << j["input_multipliers"].dump();
  const Eigen::VectorXd m = by_ids(j["input_multipliers"]["value_added"], e.ids);
  // The oracle's tolerance (numpy assert_allclose rtol=1e-5) against the published M …
  oracle::expect_close(m, e.m_published, 1e-5, 0.0, "value-added multipliers M vs published (pymrio test MRIO)");
  // … and, tighter, against the oracle's own double-precision recomputation.
  oracle::expect_close(m, e.m_computed, 1e-9, 0.0, "value-added multipliers M vs recomputed (pymrio test MRIO)");
  oracle::expect_close(by_ids(j["output_multipliers"], e.ids), e.output_multiplier, 1e-9, 0.0,
                       "output multipliers (column sums of L)");
  std::cout << "[oracle] " << kOracle << ": worst relative error of M vs published " << worst_relative(m, e.m_published)
            << ", vs recomputed " << worst_relative(m, e.m_computed) << "\n";
  EXPECT_TRUE(j["input_multipliers"].contains("emission_type1_air"));
  EXPECT_TRUE(j["input_multipliers"].contains("emission_type2_water"));
  EXPECT_EQ(j["productive"], true);
  fs::remove_all(root);
}

TEST(OraclePymrioTestMrio, WithoutXTxtOutputIsRowSumsOfZAndY) {
  const fs::path root = planner::test::scratch_dir("pymrio_testmrio_nox");
  const fs::path folder = write_testmrio(root, /*with_x=*/false);
  planner::ImportedModel m = planner::import_pymrio(folder, {});
  Expected e = expected();
  ASSERT_EQ(m.sectors.size(), e.ids.size());
  EXPECT_TRUE(m.balance.empty());
  for (std::size_t i = 0; i < e.ids.size(); ++i) {
    EXPECT_EQ(m.sectors[i].id, e.ids[i]);
    EXPECT_NEAR(m.sectors[i].output, e.x[static_cast<Eigen::Index>(i)], 1e-9 * e.x[static_cast<Eigen::Index>(i)]);
  }
  EXPECT_EQ(m.unit, "Mill USD");
  ASSERT_EQ(m.resources.size(), 3u);
  EXPECT_EQ(m.resources[0].id, "emission_type1_air");  // extensions in folder-name order
  EXPECT_EQ(m.resources[0].unit, "kg");
  EXPECT_EQ(m.resources[2].id, "value_added");
  EXPECT_TRUE(m.resources[2].value_added);
  EXPECT_EQ(m.resources[2].unit, "Mill USD");
  fs::remove_all(root);
}

}  // namespace
