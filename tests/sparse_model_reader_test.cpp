// planner/io/sparse_model_reader: a model with sectors_file and triplets read sparse, and
// its errors (not triplets, unknown ids in resources and in the triplets).
#include "planner/io/sparse_model_reader.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "expect_error.hpp"
#include "planner/io/model_reader.hpp"
#include "scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;

class SparseModelReader : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = planner::test::scratch_dir("sparse_model_reader");
    write("sectors.csv", "id,name,output,demand\ncoal,Coal,100,20\nsteel,Steel,200,50\ngrain,Grain,50,30\n");
    write("a.csv", "row,col,value\nsteel,coal,0.2\ncoal,steel,0.3\ngrain,grain,0.1\ncoal,grain,0.05\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  fs::path model(const std::string& toml) {
    write("model.toml", toml);
    return dir_ / "model.toml";
  }
  fs::path dir_;
};

const std::string kModel =
    "name = \"Three\"\nunit = \"t\"\nsectors_file = \"sectors.csv\"\n[technical]\ntriplets = \"a.csv\"\n"
    "[capital]\nrows = { coal = [0, 0, 0], steel = [0, 0, 0], grain = [0, 0, 0] }\n"
    "[[resource]]\nid = \"labour\"\nper_output = { coal = 0.5, grain = 0.2 }\n";

TEST_F(SparseModelReader, ReadsWhatTheDenseReaderReads) {
  const fs::path file = model(kModel);
  EXPECT_TRUE(planner::technical_is_triplets(file));
  planner::SparseEconomy s = planner::read_sparse_model(file);
  planner::Economy d = planner::read_model(file);
  EXPECT_EQ(s.name, "Three");
  EXPECT_EQ(s.sector_ids(), d.sector_ids());
  EXPECT_EQ(Eigen::MatrixXd(s.technical), d.technical);
  EXPECT_EQ(s.outputs(), d.outputs());
  EXPECT_EQ(s.demands(), d.demands());
  ASSERT_EQ(s.resources.size(), 1u);
  EXPECT_EQ(s.resources[0].per_output, d.resources[0].per_output);
  EXPECT_EQ(s.technical.nonZeros(), 4);
  EXPECT_NEAR(s.density(), 4.0 / 9.0, 1e-15);
}

TEST_F(SparseModelReader, InlineSectorsToo) {
  const fs::path file = model(
      "[[sector]]\nid = \"a\"\noutput = 1\n[[sector]]\nid = \"b\"\ndemand = 2\n[technical]\ntriplets = \"ab.csv\"\n");
  write("ab.csv", "row,col,value\na,b,0.5\n");
  planner::SparseEconomy s = planner::read_sparse_model(file);
  EXPECT_EQ(s.size(), 2u);
  EXPECT_EQ(s.technical.coeff(0, 1), 0.5);
  EXPECT_EQ(s.demands()[1], 2.0);
}

TEST_F(SparseModelReader, Errors) {
  using planner::expect_bad_input;
  const fs::path dense = model("sectors_file = \"sectors.csv\"\n[technical]\nrows = { coal = [0,0,0], steel = [0,0,0], grain = [0,0,0] }\n");
  EXPECT_FALSE(planner::technical_is_triplets(dense));
  expect_bad_input([&] { planner::read_sparse_model(dense); }, {"model.toml", "technical", "triplets"});

  write("bad.csv", "row,col,value\ncoal,iron,0.5\n");
  expect_bad_input([&] { planner::read_sparse_model(model("sectors_file = \"sectors.csv\"\n[technical]\ntriplets = \"bad.csv\"\n")); },
                   {"bad.csv", "line 2", "unknown col id \"iron\""});
  expect_bad_input([&] { planner::read_sparse_model(model("sectors_file = \"sectors.csv\"\n[technical]\ntriplets = \"none.csv\"\n")); },
                   {"triplets", "file not found"});
  expect_bad_input(
      [&] {
        planner::read_sparse_model(model("sectors_file = \"sectors.csv\"\n[technical]\ntriplets = \"a.csv\"\n"
                                         "[[resource]]\nid = \"labour\"\nper_output = { iron = 1 }\n"));
      },
      {"resource[1].per_output", "no sector \"iron\""});
  expect_bad_input([&] { planner::read_sparse_model(model("sectors_file = \"sectors.csv\"\nsector_file = 1\n[technical]\ntriplets = \"a.csv\"\n")); },
                   {"sector_file"});
  write("dup.csv", "id\ncoal\ncoal\n");
  expect_bad_input([&] { planner::read_sparse_model(model("sectors_file = \"dup.csv\"\n[technical]\ntriplets = \"a.csv\"\n")); },
                   {"duplicate sector id \"coal\""});
  expect_bad_input([&] { planner::read_sparse_model(model("sectors_file = \"sectors.csv\"\n")); }, {"missing [technical]"});
}

}  // namespace
