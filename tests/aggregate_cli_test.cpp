// `planner aggregate` and `planner decompose` end to end: the aggregated Germany 1995 folder
// loads in `planner analyze`; the identity concordance reproduces the model's analysis; a
// concordance missing or repeating a sector, and SDA of models with different sectors, exit 2
// naming the file and line and write nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
using planner::test::run_cli;
using planner::test::write_text;

const std::string kGermany = "models/eurostat-germany-1995/model.toml";
const std::string kPairs =
    "sector,group\n"
    "agriculture_group,primary\n"
    "industry_group,industry\n"
    "construction,industry\n"
    "trade_group,services\n"
    "business_services_group,services\n"
    "other_services_group,services\n";

TEST(AggregateCli, AggregatedFolderLoadsInAnalyze) {
  const fs::path dir = planner::test::scratch_dir("aggregate_cli");
  write_text(dir / "groups.csv", kPairs);
  fs::remove_all(dir / "out");
  const auto run = run_cli("aggregate " + kGermany + " --concordance " + (dir / "groups.csv").string() + " --out " +
                           (dir / "out").string());
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("6 sectors aggregated into 3 groups"), std::string::npos) << run.out;
  const auto analyze = run_cli("analyze " + (dir / "out" / "model.toml").string() + " --format json");
  ASSERT_EQ(analyze.code, 0) << analyze.err;
  const auto j = nlohmann::json::parse(analyze.out);
  EXPECT_EQ(j["sectors"], nlohmann::json({"primary", "industry", "services"}));
  EXPECT_TRUE(j["productive"].get<bool>());
  // A'(primary, primary) = Z(agri, agri) / x(agri) = 1131 / 43910 (the oracle's A11 = 0.0258).
  EXPECT_NEAR(j["technical"]["data"][0][0].get<double>(), 1131.0 / 43910.0, 1e-12);
  fs::remove_all(dir);
}

TEST(AggregateCli, IdentityConcordanceGivesTheSameAnalysis) {
  const fs::path dir = planner::test::scratch_dir("aggregate_cli_identity");
  std::string identity = "sector,group\n";
  for (const char* id : {"agriculture_group", "industry_group", "construction", "trade_group", "business_services_group",
                         "other_services_group"})
    identity += std::string(id) + "," + id + "\n";
  write_text(dir / "identity.csv", identity);
  fs::remove_all(dir / "out");
  ASSERT_EQ(run_cli("aggregate " + kGermany + " -c " + (dir / "identity.csv").string() + " -o " + (dir / "out").string()).code, 0);
  const auto before = nlohmann::json::parse(run_cli("analyze " + kGermany + " --format json").out);
  const auto after = nlohmann::json::parse(run_cli("analyze " + (dir / "out" / "model.toml").string() + " --format json").out);
  for (const char* key : {"technical", "leontief_inverse"})
    for (std::size_t i = 0; i < 6; ++i)
      for (std::size_t k = 0; k < 6; ++k)
        EXPECT_NEAR(after[key]["data"][i][k].get<double>(), before[key]["data"][i][k].get<double>(), 1e-12) << key;
  for (const auto& [id, v] : before["output_multipliers"].items()) EXPECT_NEAR(after["output_multipliers"][id].get<double>(), v.get<double>(), 1e-12);
  for (const auto& [r, m] : before["input_multipliers"].items())
    for (const auto& [id, v] : m.items()) EXPECT_NEAR(after["input_multipliers"][r][id].get<double>(), v.get<double>(), 1e-12) << r;
  fs::remove_all(dir);
}

TEST(AggregateCli, BadConcordanceExitsTwoAndWritesNothing) {
  const fs::path dir = planner::test::scratch_dir("aggregate_cli_bad");
  struct Case {
    std::string text, fragment;
  };
  const Case cases[] = {
      {"sector,group\nagriculture_group,primary\nindustry_group,industry\nconstruction,industry\ntrade_group,services\n"
       "business_services_group,services\n",
       "end of file: sector \"other_services_group\" of the model is missing"},
      {kPairs + "construction,services\n", "line 8: sector \"construction\" is listed twice (also line 4)"},
      {kPairs + "mining,primary\n", "line 8: \"mining\" is not a sector of the model"},
      {"sector,primary,rest\nagriculture_group,1,0\nindustry_group,0.5,0.4\nconstruction,0,1\ntrade_group,0,1\n"
       "business_services_group,0,1\nother_services_group,0,1\n",
       "line 3: the shares of sector \"industry_group\" sum to 0.9"},
  };
  for (const auto& c : cases) {
    write_text(dir / "c.csv", c.text);
    fs::remove_all(dir / "out");
    const auto run = run_cli("aggregate " + kGermany + " --concordance " + (dir / "c.csv").string() + " --out " + (dir / "out").string());
    EXPECT_EQ(run.code, 2) << c.fragment;
    EXPECT_NE(run.err.find("c.csv:" + c.fragment), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(dir / "out")) << c.fragment;
  }
  fs::remove_all(dir);
}

// The hand-derived 2-sector change of tests/structural_decomposition_test.cpp, as model files.
TEST(DecomposeCli, JsonOfTwoModelFiles) {
  const fs::path dir = planner::test::scratch_dir("decompose_cli");
  write_text(dir / "t0.toml",
             "name = \"t0\"\n[[sector]]\nid = \"a\"\noutput = 60.0\ndemand = 30.0\n[[sector]]\nid = \"b\"\noutput = 60.0\n"
             "demand = 30.0\n[technical]\nrows = { a = [0.0, 0.5], b = [0.5, 0.0] }\n");
  write_text(dir / "t1.toml",
             "name = \"t1\"\n[[sector]]\nid = \"a\"\noutput = 75.0\ndemand = 60.0\n[[sector]]\nid = \"b\"\noutput = 30.0\n"
             "demand = 30.0\n[technical]\nrows = { a = [0.0, 0.5], b = [0.0, 0.0] }\n");
  const auto run = run_cli("decompose " + (dir / "t0.toml").string() + " " + (dir / "t1.toml").string() + " --format json");
  ASSERT_EQ(run.code, 0) << run.err;
  const auto j = nlohmann::json::parse(run.out);
  EXPECT_NEAR(j["total_change"].get<double>(), -15, 1e-12);
  EXPECT_NEAR(j["average"]["technology"]["a"].get<double>(), -20, 1e-12);
  EXPECT_NEAR(j["average"]["demand_level"]["b"].get<double>(), 125.0 / 6, 1e-12);
  EXPECT_NEAR(j["polar_last"]["final_demand"]["a"].get<double>(), 40, 1e-12);
  const auto csv = run_cli("decompose " + (dir / "t0.toml").string() + " " + (dir / "t1.toml").string() + " --format csv");
  EXPECT_NE(csv.out.find("sector,output_0,output_1,change,technology,final_demand,demand_level,demand_mix,demand_structure"), std::string::npos);
  fs::remove_all(dir);
}

TEST(DecomposeCli, DifferentSectorsExitTwo) {
  const fs::path dir = planner::test::scratch_dir("decompose_cli_bad");
  const auto run = run_cli("decompose models/miller-blair-2/model.toml " + kGermany + " --out " + (dir / "sda.json").string());
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.err.find(kGermany), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("same sectors"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(dir / "sda.json"));
  fs::remove_all(dir);
}

}  // namespace
