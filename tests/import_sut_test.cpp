// `planner import sut` end to end: the hand-derived SUT of supply_use_test.cpp through the CLI
// into a model folder that `planner analyze` reads; bad inputs — supply and use with different
// products, negative supply, model A negatives — exit 2 naming the file and write nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
using planner::test::run_cli;
using planner::test::write_text;

struct Files {
  fs::path dir;
  explicit Files(const std::string& name) : dir(planner::test::scratch_dir(name)) {
    write_text(dir / "supply.csv", "product,i1,i2\np1,90,10\np2,0,100\n");
    write_text(dir / "use.csv", "product,i2,i1\np2,40,10\np1,30,20\n");  // other order: matched by label
    write_text(dir / "final.csv", "product,households\np1,50\np2,50\n");
    write_text(dir / "va.csv", "component,i1,i2\nwages,40,30\nprofits,20,10\n");
    fs::remove_all(dir / "out");
  }
  ~Files() { fs::remove_all(dir); }
  std::string args(const std::string& model) const {
    return "import sut " + (dir / "supply.csv").string() + " " + (dir / "use.csv").string() + " --final-demand " +
           (dir / "final.csv").string() + " --value-added " + (dir / "va.csv").string() + " --model " + model + " --out " +
           (dir / "out").string();
  }
};

// Model D: Z = [[18, 27], [12, 43]], f = (45, 55), x = g = (90, 110): A = Z / x.
TEST(ImportSutCli, ModelDFolderLoadsInAnalyze) {
  const Files f("import_sut_d");
  const auto run = run_cli(f.args("D"));
  ASSERT_EQ(run.code, 0) << run.err;
  const auto analyze = run_cli("analyze " + (f.dir / "out" / "model.toml").string() + " --format json");
  ASSERT_EQ(analyze.code, 0) << analyze.err;
  const auto j = nlohmann::json::parse(analyze.out);
  EXPECT_EQ(j["sectors"], nlohmann::json({"i1", "i2"}));
  EXPECT_NEAR(j["technical"]["data"][0][0].get<double>(), 18.0 / 90, 1e-14);
  EXPECT_NEAR(j["technical"]["data"][1][1].get<double>(), 43.0 / 110, 1e-14);
  EXPECT_NEAR(j["output"]["i2"].get<double>(), 110, 1e-12);
  EXPECT_TRUE(j["input_multipliers"].contains("wages"));
}

// Model A: Z = [[200/9, 250/9], [100/9, 350/9]], x = q = (100, 100), value added by product.
TEST(ImportSutCli, ModelAProductByProduct) {
  const Files f("import_sut_a");
  ASSERT_EQ(run_cli(f.args("A")).code, 0);
  const auto j = nlohmann::json::parse(run_cli("analyze " + (f.dir / "out" / "model.toml").string() + " --format json").out);
  EXPECT_EQ(j["sectors"], nlohmann::json({"p1", "p2"}));
  EXPECT_NEAR(j["technical"]["data"][0][1].get<double>(), 250.0 / 900, 1e-14);
}

TEST(ImportSutCli, BadInputsExitTwoAndWriteNothing) {
  struct Case {
    const char* file;
    const char* text;
    const char* model;
    const char* fragment;
  };
  const Case cases[] = {
      {"use.csv", "product,i1,i2\np1,20,30\np3,10,40\n", "D", "use.csv: no product \"p2\": the products must be those of"},
      {"use.csv", "product,i1,i3\np1,20,30\np2,10,40\n", "D", "use.csv:line 1: no industry \"i2\""},
      {"supply.csv", "product,i1,i2\np1,90,10\np2,-1,100\n", "D", "supply.csv:line 3: row \"p2\", column \"i1\": expected a number ≥ 0"},
      {"final.csv", "product,households\np1,50\n", "D", "final.csv: no product \"p2\""},
      {"use.csv", "product,i1,i2\np1,20,2\np2,10,40\n", "A", "negative flows (sum -0.222222; the largest -0.222222 at row \"p1\", column \"p2\")"},
  };
  for (const auto& c : cases) {
    const Files f("import_sut_bad");
    write_text(f.dir / c.file, c.text);
    const auto run = run_cli(f.args(c.model));
    EXPECT_EQ(run.code, 2) << c.fragment;
    EXPECT_NE(run.err.find(c.fragment), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(f.dir / "out")) << c.fragment;
  }
}

// --negatives zero writes the table with model A's negative cell set to 0, and says so.
TEST(ImportSutCli, NegativesZeroIsNoted) {
  const Files f("import_sut_zero");
  write_text(f.dir / "use.csv", "product,i1,i2\np1,20,2\np2,10,40\n");
  write_text(f.dir / "final.csv", "product,households\np1,78\np2,50\n");
  const auto run = run_cli(f.args("A") + " --negatives zero");
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("1 negative flows of model A (product-by-product, product technology) set to 0"), std::string::npos)
      << run.out;
}

}  // namespace
