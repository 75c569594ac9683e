// The bad-input catalogue (tests/bad_inputs/, issue #6): every file of it is run through the
// built CLI as tests/bad_inputs/MANIFEST.tsv says, and must end with its exit code and one
// error line holding the expected fragment (which names the file and the line or key).
// Exit 0 rows are the "good quirks": files as spreadsheets write them (byte-order mark,
// CRLF, quoted cells), which are accepted. Inputs too big to commit (a row of a million
// columns) are generated here.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "scratch_dir.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kCatalogue = fs::path(PLANNER_SOURCE_DIR) / "tests" / "bad_inputs";

struct Case {
  std::string file;      ///< relative to tests/bad_inputs/
  std::string command;   ///< analyze | check | solve
  int exit_code = 0;
  std::string fragment;  ///< in the error line (exit ≠ 0) or in standard output (exit 0)
};

std::vector<Case> read_manifest() {
  std::vector<Case> cases;
  std::ifstream in(kCatalogue / "MANIFEST.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) cells.push_back(cell);
    if (cells.size() != 4) throw std::runtime_error("MANIFEST.tsv: expected 4 tab-separated cells in: " + line);
    cases.push_back({cells[0], cells[1], std::stoi(cells[2]), cells[3]});
  }
  return cases;
}

struct CliRun {
  int exit_code = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Runs `planner ARGS` in the source folder (so messages name tests/bad_inputs/… paths).
CliRun run_cli(const std::string& args) {
  const fs::path dir = planner::test::scratch_dir("bad_inputs");
  const fs::path out = dir / "stdout", err = dir / "stderr";
  const std::string cmd = std::string("cd ") + PLANNER_SOURCE_DIR + " && " + PLANNER_CLI + " " + args + " >" +
                          out.string() + " 2>" + err.string();
  const int status = std::system(cmd.c_str());
  CliRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

/// A gtest-friendly name: "csv_ragged_row/model.toml" → "csv_ragged_row_model_toml".
std::string test_name(const Case& c) {
  std::string name = c.file;
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

class BadInput : public ::testing::TestWithParam<Case> {};

TEST_P(BadInput, ExitsWithItsCodeAndNamesFileAndPlace) {
  const Case& c = GetParam();
  ASSERT_TRUE(fs::exists(kCatalogue / c.file)) << c.file;
  const CliRun r = run_cli(c.command + " tests/bad_inputs/" + c.file);
  EXPECT_EQ(r.exit_code, c.exit_code) << "stdout:\n" << r.out << "\nstderr:\n" << r.err;
  EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
  if (c.exit_code == 0) {
    EXPECT_NE(r.out.find(c.fragment), std::string::npos) << r.out;
    return;
  }
  // One line: "planner: error: FILE:line N: key: what was expected".
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.rfind("planner: error: ", 0), 0u) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "not one line:\n" << r.err;
  EXPECT_NE(r.err.find(c.fragment), std::string::npos) << "expected \"" << c.fragment << "\" in:\n" << r.err;
  // Bad input prints no partial result.
  if (c.exit_code == 2) {
    EXPECT_EQ(r.out, "") << r.out;
  }
}

INSTANTIATE_TEST_SUITE_P(Catalogue, BadInput, ::testing::ValuesIn(read_manifest()),
                         [](const ::testing::TestParamInfo<Case>& p) { return test_name(p.param); });

TEST(BadInputCatalogue, HasAtLeastFortyFailuresEachNamingAFileAndAPlace) {
  int failures = 0;
  for (const Case& c : read_manifest()) {
    if (c.exit_code == 0) continue;
    ++failures;
    // The fragment names the file (…toml / …csv / Eurostat's …tsv) and a line or key after it.
    const bool names_file = c.fragment.find(".toml") != std::string::npos || c.fragment.find(".csv") != std::string::npos ||
                            c.fragment.find(".tsv") != std::string::npos;
    EXPECT_TRUE(names_file) << c.file << ": the fragment should name the file: " << c.fragment;
  }
  EXPECT_GE(failures, 40);
}

TEST(BadInputCatalogue, EveryFileIsInTheManifest) {
  std::set<std::string> listed;
  for (const Case& c : read_manifest()) listed.insert(fs::path(c.file).begin()->string());
  for (const auto& entry : fs::directory_iterator(kCatalogue)) {
    const std::string name = entry.path().filename().string();
    if (name == "MANIFEST.tsv" || name == "README.md") continue;
    if (name == "good") continue;  // good quirks, listed by their own path below
    EXPECT_TRUE(listed.count(name)) << name << " is not in MANIFEST.tsv";
  }
  for (const auto& entry : fs::directory_iterator(kCatalogue / "good")) {
    bool found = false;
    for (const Case& c : read_manifest())
      found = found || c.file.rfind("good/" + entry.path().filename().string(), 0) == 0;
    EXPECT_TRUE(found) << entry.path() << " is not in MANIFEST.tsv";
  }
}

/// A model of two sectors whose flows.csv is `csv`, in a scratch folder.
fs::path model_with_flows(const std::string& what, const std::string& csv) {
  const fs::path dir = planner::test::scratch_dir("bad_inputs_" + what);
  std::ofstream(dir / "model.toml") << "name = \"two\"\n[[sector]]\nid = \"a\"\noutput = 10.0\n[[sector]]\nid = \"b\"\n"
                                       "output = 20.0\n[technical]\nflows = \"flows.csv\"\n";
  std::ofstream(dir / "flows.csv", std::ios::binary) << csv;
  return dir / "model.toml";
}

std::string million_columns(const std::string& first, const std::string& cell) {
  std::string s = first;
  s.reserve(s.size() + 1000000 * (cell.size() + 1) + 1);
  for (int i = 0; i < 1000000; ++i) s += "," + (cell.empty() ? "c" + std::to_string(i) : cell);
  return s + "\n";
}

// A header of a million columns: refused (unknown column) quickly, without exhausting memory.
TEST(BadInputGenerated, HeaderOfAMillionColumns) {
  const auto start = std::chrono::steady_clock::now();
  const fs::path model = model_with_flows("wide_header", million_columns("sector", "") + "a" + std::string(1000000, ',') + "\n");
  const CliRun r = run_cli("check " + model.string());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("flows.csv:line 1: unknown column id \"c0\""), std::string::npos) << r.err;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
}

// A data row of a million cells under a header of three: a ragged row, named with its line.
TEST(BadInputGenerated, RowOfAMillionColumns) {
  const auto start = std::chrono::steady_clock::now();
  const fs::path model = model_with_flows("wide_row", "sector,a,b\na,1,2\n" + million_columns("b", "0"));
  const CliRun r = run_cli("check " + model.string());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("flows.csv:line 3: row \"b\" has 1000001 cells, the header has 3"), std::string::npos) << r.err;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
}

}  // namespace
