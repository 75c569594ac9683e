// End-to-end tests of the sparse path of `planner analyze` (planner/cli/analyze.cpp with
// planner/io/sparse_model_reader and planner/analysis/sparse_analysis): dispatch, the CSV,
// JSON and table outputs, and agreement with the dense analysis of the same model.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_run.hpp"
#include "scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;

using planner::test::CliRun;
CliRun run(const std::string& args) { return planner::test::run_cli(args); }

class AnalyzeSparseCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = planner::test::scratch_dir("analyze_sparse_cli");
    std::ofstream(dir_ / "sectors.csv") << "id,name,output,demand\ncoal,Coal,100,20\nsteel,Steel,200,50\ngrain,Grain,50,30\n";
    std::ofstream(dir_ / "a.csv") << "row,col,value\nsteel,coal,0.2\ncoal,steel,0.3\ngrain,grain,0.1\ncoal,grain,0.05\n"
                                     "grain,coal,0.1\n";
    std::ofstream(dir_ / "model.toml") << "name = \"Three\"\nsectors_file = \"sectors.csv\"\n[technical]\ntriplets = \"a.csv\"\n"
                                          "[[resource]]\nid = \"labour\"\nper_output = { coal = 0.5, grain = 0.2 }\n";
    model_ = (dir_ / "model.toml").string();
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::string model_;
};

TEST_F(AnalyzeSparseCli, JsonAgreesWithTheDenseAnalysis) {
  CliRun s = run("analyze " + model_ + " --analysis sparse --format json");
  ASSERT_EQ(s.code, 0) << s.err;
  CliRun d = run("analyze " + model_ + " --format json");  // auto: 3 sectors go dense
  ASSERT_EQ(d.code, 0) << d.err;
  auto sj = nlohmann::json::parse(s.out), dj = nlohmann::json::parse(d.out);
  EXPECT_EQ(sj["analysis"], "sparse");
  EXPECT_EQ(dj["analysis"], "dense");
  EXPECT_EQ(sj["sectors"], dj["sectors"]);
  for (const char* key : {"output_multipliers", "required_output", "backward_linkage", "forward_linkage"})
    for (const char* id : {"coal", "steel", "grain"})
      EXPECT_NEAR(sj[key][id].get<double>(), dj[key][id].get<double>(), 1e-9) << key << " " << id;
  EXPECT_NEAR(sj["input_multipliers"]["labour"]["steel"].get<double>(), dj["input_multipliers"]["labour"]["steel"].get<double>(), 1e-9);
  EXPECT_EQ(sj["key_sectors"], dj["key_sectors"]);
  EXPECT_TRUE(sj["productive"].get<bool>());
  EXPECT_LE(sj["spectral_radius_bounds"][0].get<double>(), dj["spectral_radius"].get<double>() + 1e-12);
  EXPECT_GE(sj["spectral_radius_bounds"][1].get<double>(), dj["spectral_radius"].get<double>() - 1e-12);
  EXPECT_LE(sj["residual"].get<double>(), 1e-12);
  EXPECT_GE(sj["solves"].size(), 3u);
  EXPECT_LE(dj["residual"].get<double>(), 1e-12);
}

TEST_F(AnalyzeSparseCli, CsvHasOneRowPerSectorOrOneQuantity) {
  CliRun all = run("analyze " + model_ + " --analysis sparse --format csv");
  ASSERT_EQ(all.code, 0) << all.err;
  EXPECT_EQ(all.out.rfind("sector,output,final_demand,required_output,output_multipliers,", 0), 0u) << all.out;
  EXPECT_NE(all.out.find("labour_multiplier\n"), std::string::npos);
  EXPECT_NE(all.out.find("\nsteel,200,50,"), std::string::npos) << all.out;
  CliRun one = run("analyze " + model_ + " --analysis sparse --format csv --what output_multipliers");
  ASSERT_EQ(one.code, 0) << one.err;
  EXPECT_EQ(one.out.rfind("sector,output_multipliers\ncoal,", 0), 0u) << one.out;
  CliRun json_one = run("analyze " + model_ + " --analysis sparse --format json --what required_output");
  ASSERT_EQ(json_one.code, 0) << json_one.err;
  EXPECT_EQ(nlohmann::json::parse(json_one.out).size(), 1u);
}

TEST_F(AnalyzeSparseCli, TableShowsTheSummaryAndTopSectors) {
  CliRun t = run("analyze " + model_ + " --analysis sparse --top 2");
  ASSERT_EQ(t.code, 0) << t.err;
  EXPECT_NE(t.out.find("Sparse analysis: 3 sectors, 5 nonzero coefficients"), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("Collatz–Wielandt"), std::string::npos);
  EXPECT_NE(t.out.find("bicgstab"), std::string::npos);
  EXPECT_NE(t.out.find("The 2 sectors with the largest output multipliers (of 3)"), std::string::npos) << t.out;
  EXPECT_TRUE(t.err.empty()) << t.err;  // no residual warning
}

TEST_F(AnalyzeSparseCli, MatricesAndDenseModelsAreRefusedWithUsage) {
  CliRun l = run("analyze " + model_ + " --analysis sparse --format csv --what leontief_inverse");
  EXPECT_EQ(l.code, 1);
  EXPECT_NE(l.err.find("not formed by the sparse analysis"), std::string::npos) << l.err;
  CliRun dense = run(std::string("analyze ") + PLANNER_SOURCE_DIR + "/models/miller-blair-2/model.toml --analysis sparse");
  EXPECT_EQ(dense.code, 1);
  EXPECT_NE(dense.err.find("triplets"), std::string::npos) << dense.err;
  CliRun jacobi = run("analyze " + model_ + " --analysis sparse --solver jacobi --format json");
  ASSERT_EQ(jacobi.code, 0) << jacobi.err;
  EXPECT_EQ(nlohmann::json::parse(jacobi.out)["solves"][0]["method"], "jacobi");
}

}  // namespace
