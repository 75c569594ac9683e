// End-to-end tests of `planner analyze`, `planner impact` and `planner extract`
// (planner/cli/analyze.cpp, impact.cpp, extract.cpp): the CLI prints what the library computes.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "planner/analysis/static_analysis.hpp"
#include "cli_run.hpp"
#include "planner/io/model_reader.hpp"

namespace {

using planner::test::CliRun;
CliRun run(const std::string& args) { return planner::test::run_cli(args); }

const std::string kMillerBlair = "models/miller-blair-2/model.toml";

TEST(AnalyzeCli, JsonCarriesTheLibraryNumbersBitForBit) {
  CliRun r = run("analyze " + kMillerBlair + " --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  auto a = planner::analysis::analyze(planner::read_model(std::string(PLANNER_SOURCE_DIR) + "/" + kMillerBlair));
  EXPECT_EQ(j["sectors"], nlohmann::json({"sec1", "sec2"}));
  for (int i = 0; i < 2; ++i)
    for (int k = 0; k < 2; ++k) EXPECT_EQ(j["leontief_inverse"]["data"][i][k].get<double>(), a.leontief_inverse(i, k));
  EXPECT_EQ(j["input_multipliers"]["labour"]["sec2"].get<double>(), a.input_multipliers(0, 1));
  EXPECT_EQ(j["productive"], true);
  EXPECT_EQ(run("analyze " + kMillerBlair + " --format json").out, r.out) << "same inputs, same bytes";
}

TEST(AnalyzeCli, CsvWhatPrintsOneLabelledQuantity) {
  CliRun r = run("analyze " + kMillerBlair + " --format csv --what leontief_inverse");
  ASSERT_EQ(r.code, 0) << r.err;
  // Header, then each row with shortest round-trip numbers: they read back to the library's doubles.
  auto a = planner::analysis::analyze(planner::read_model(std::string(PLANNER_SOURCE_DIR) + "/" + kMillerBlair));
  std::istringstream lines(r.out);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line, "sector,sec1,sec2");
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(std::getline(lines, line));
    std::istringstream cells(line);
    std::string cell;
    std::getline(cells, cell, ',');
    EXPECT_EQ(cell, i == 0 ? "sec1" : "sec2");
    for (int k = 0; k < 2; ++k) {
      std::getline(cells, cell, ',');
      EXPECT_EQ(std::stod(cell), a.leontief_inverse(i, k)) << line;
    }
  }
  EXPECT_FALSE(std::getline(lines, line)) << "exactly two data rows";
  CliRun v = run("analyze " + kMillerBlair + " --format csv --what key_sectors");
  ASSERT_EQ(v.code, 0) << v.err;
  EXPECT_EQ(v.out.substr(0, v.out.find('\n')), "sector,key_sectors");
}

TEST(AnalyzeCli, TableShowsNamesAndTheInverse) {
  CliRun r = run("analyze " + kMillerBlair);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Manufacturing"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Leontief inverse"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1.2541"), std::string::npos) << r.out;
  EXPECT_EQ(run("analyze " + kMillerBlair + " --what spectral_radius --format md").code, 0);
  EXPECT_EQ(run("analyze " + kMillerBlair + " --what nonsense").code, 1);
}

TEST(AnalyzeCli, NonProductiveModelIsRefusedByName) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("planner_cli_model_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "model.toml") << "name = \"bad\"\n"
                                       "[[sector]]\nid = \"coal\"\noutput = 1.0\n"
                                       "[[sector]]\nid = \"steel\"\noutput = 1.0\n"
                                       "[technical]\nrows = { coal = [0.6, 0.5], steel = [0.5, 0.6] }\n";
  CliRun r = run("analyze " + (dir / "model.toml").string());
  fs::remove_all(dir);
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "") << "nothing is printed for a refused model";
  EXPECT_NE(r.err.find("not productive"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("coal (1.1)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("steel (1.1)"), std::string::npos) << r.err;
}

TEST(ImpactCli, NewFinalDemandOfMillerBlair) {
  // f_new = (600, 1500) = f + (250, −200); x_new = (1247.5247…, 1841.5841…) (miller_blair_2sector.txt).
  CliRun r = run("impact " + kMillerBlair + " --change sec1=+250 --change sec2=-200 --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_NEAR(j["output_change"]["sec1"].get<double>(), 1247.5247524752476 - 1000, 1e-9);
  EXPECT_NEAR(j["output_change"]["sec2"].get<double>(), 1841.5841584158416 - 2000, 1e-9);
  EXPECT_NEAR(j["resource_change"]["labour"].get<double>(), 0.3 * 247.5247524752476 - 0.25 * 158.4158415841584, 1e-9);
  CliRun t = run("impact " + kMillerBlair + " --change sec1=+250");
  ASSERT_EQ(t.code, 0) << t.err;
  EXPECT_NE(t.out.find("total"), std::string::npos);
  EXPECT_NE(t.out.find("labour"), std::string::npos);
}

TEST(ImpactCli, BadChangesAreUsageErrors) {
  EXPECT_EQ(run("impact " + kMillerBlair + " --change sec1").code, 1);
  EXPECT_EQ(run("impact " + kMillerBlair + " --change sec1=ten").code, 1);
  CliRun r = run("impact " + kMillerBlair + " --change oil=5");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("unknown sector 'oil' (the model's sectors: sec1, sec2)"), std::string::npos) << r.err;
  EXPECT_EQ(run("impact " + kMillerBlair).code, 1) << "--change is required";
}

TEST(ExtractCli, MillerBlairSec1) {
  CliRun r = run("extract " + kMillerBlair + " sec1 --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_NEAR(j["total_loss"].get<double>(), 1210.5263157894735, 1e-6);
  EXPECT_NEAR(j["loss"]["sec2"].get<double>(), 210.52631578947353, 1e-6);
  EXPECT_EQ(j["extracted"], nlohmann::json({"sec1"}));
  CliRun c = run("extract " + kMillerBlair + " sec1 --format csv");
  ASSERT_EQ(c.code, 0) << c.err;
  EXPECT_EQ(c.out.substr(0, c.out.find('\n')), "sector,baseline_output,extracted_output,loss,loss_percent");
  EXPECT_NE(c.out.find("\ntotal,"), std::string::npos);
  EXPECT_EQ(run("extract " + kMillerBlair + " oil").code, 1);
}

TEST(AnalyzeCli, OutWritesTheFile) {
  namespace fs = std::filesystem;
  fs::path out = fs::temp_directory_path() / ("planner_cli_out_" + std::to_string(::getpid()) + ".json");
  CliRun r = run("analyze " + kMillerBlair + " --format json --out " + out.string());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  std::ifstream f(out);
  std::stringstream ss;
  ss << f.rdbuf();
  fs::remove(out);
  EXPECT_EQ(nlohmann::json::parse(ss.str())["sectors"], nlohmann::json({"sec1", "sec2"}));
}

}  // namespace
