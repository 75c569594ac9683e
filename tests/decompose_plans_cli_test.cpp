// `planner decompose --plans` and `--final-demand`: the hand-derived 2-sector change of
// tests/structural_decomposition_test.cpp, once as two variants of a one-year plan (the second
// overriding a coefficient and the demand; with no base-year output or stock the plan's
// balance forces x₁ = L·d, so its outputs are the tables' and its uses are demand only),
// once as two models with final demand by category; bad category files exit 2.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
using planner::test::run_cli;
using planner::test::write_text;

const std::string kModel =
    "name = \"two sectors\"\n[[sector]]\nid = \"a\"\noutput = 0.0\ndemand = 30.0\n[[sector]]\nid = \"b\"\noutput = 0.0\n"
    "demand = 30.0\n[technical]\nrows = { a = [0.0, 0.5], b = [0.5, 0.0] }\n";

TEST(DecomposePlansCli, TwoPlanVariantsSplitLikeTheirTables) {
  const fs::path dir = planner::test::scratch_dir("decompose_plans_cli");
  write_text(dir / "model.toml", kModel);
  write_text(dir / "p0.toml", "model = \"model.toml\"\nyears = 1\n[objective]\nkind = \"max-output\"\n");
  write_text(dir / "p1.toml",
             "model = \"model.toml\"\nyears = 1\n[objective]\nkind = \"max-output\"\n[demand]\na = 60.0\n"
             "[technical]\nb = { a = 0.0 }\n");
  const auto run = run_cli("decompose " + (dir / "p0.toml").string() + " " + (dir / "p1.toml").string() + " --plans --format json");
  ASSERT_EQ(run.code, 0) << run.err;
  const auto j = nlohmann::json::parse(run.out);
  EXPECT_NEAR(j["output_0"]["a"].get<double>(), 60, 1e-9);
  EXPECT_NEAR(j["output_1"]["a"].get<double>(), 75, 1e-9);
  EXPECT_NEAR(j["output_1"]["b"].get<double>(), 30, 1e-9);
  EXPECT_EQ(j["categories"], nlohmann::json({"demand"}));
  EXPECT_NEAR(j["average"]["technology"]["a"].get<double>(), -20, 1e-9);
  EXPECT_NEAR(j["average"]["technology"]["b"].get<double>(), -40, 1e-9);
  EXPECT_NEAR(j["average"]["demand_level"]["a"].get<double>(), 335.0 / 12, 1e-9);
  EXPECT_NEAR(j["average"]["demand_structure"]["b"].get<double>(), -65.0 / 6, 1e-9);
  EXPECT_NEAR(j["average"]["demand_mix"]["a"].get<double>(), 0, 1e-9);
  // The outputs are those `planner solve` reports for the last year.
  const auto solve = nlohmann::json::parse(run_cli("solve " + (dir / "p1.toml").string() + " --format json").out);
  EXPECT_NEAR(solve["output"]["a"]["1"].get<double>(), j["output_1"]["a"].get<double>(), 1e-9);
  fs::remove_all(dir);
}

TEST(DecomposePlansCli, FinalDemandByCategoryGivesTheMix) {
  const fs::path dir = planner::test::scratch_dir("decompose_fd_cli");
  // tests/structural_decomposition_test.cpp, HandDerivedLevelMixAndStructure, as files.
  write_text(dir / "t0.toml", "[[sector]]\nid = \"a\"\noutput = 30.0\ndemand = 30.0\n[[sector]]\nid = \"b\"\noutput = 30.0\n"
                              "demand = 30.0\n[technical]\nrows = { a = [0.0, 0.0], b = [0.0, 0.0] }\n");
  write_text(dir / "t1.toml", "[[sector]]\nid = \"a\"\noutput = 70.0\ndemand = 60.0\n[[sector]]\nid = \"b\"\noutput = 20.0\n"
                              "demand = 20.0\n[technical]\nrows = { a = [0.0, 0.5], b = [0.0, 0.0] }\n");
  write_text(dir / "y0.csv", "sector,h,e\nb,10,20\na,20,10\n");
  write_text(dir / "y1.csv", "sector,h,e\na,40,20\nb,20,0\n");
  const std::string args = "decompose " + (dir / "t0.toml").string() + " " + (dir / "t1.toml").string() + " --final-demand " +
                           (dir / "y0.csv").string() + " " + (dir / "y1.csv").string();
  const auto run = run_cli(args + " --format json");
  ASSERT_EQ(run.code, 0) << run.err;
  const auto j = nlohmann::json::parse(run.out);
  EXPECT_NEAR(j["average"]["demand_mix"]["a"].get<double>(), -5.0 / 6, 1e-12);
  EXPECT_NEAR(j["average"]["demand_structure"]["b"].get<double>(), -50.0 / 3, 1e-12);
  EXPECT_NEAR(j["average"]["technology"]["a"].get<double>(), 12.5, 1e-12);

  struct Case {
    std::string y1, fragment;
  };
  const Case cases[] = {
      {"sector,h,e\na,40,20\nb,20,1\n", "line 3: the categories of \"b\" sum to 21, but its demand in the model"},
      {"sector,h,e\na,40,20\n", "end of file: sector \"b\" of the model"},
      {"sector,h,e\na,40,20\nb,20,0\nc,1,1\n", "line 4: \"c\" is not a sector of the model"},
      {"sector,h,x\na,40,20\nb,20,0\n", "the final-demand categories must be the same in both tables"},
  };
  for (const auto& c : cases) {
    write_text(dir / "y1.csv", c.y1);
    const auto bad = run_cli(args + " --out " + (dir / "sda.json").string());
    EXPECT_EQ(bad.code, 2) << c.y1;
    EXPECT_NE(bad.err.find(c.fragment), std::string::npos) << bad.err;
    EXPECT_NE(bad.err.find("y1.csv"), std::string::npos) << bad.err;
    EXPECT_FALSE(fs::exists(dir / "sda.json"));
  }
  fs::remove_all(dir);
}

}  // namespace
