// Tests of planner/io/import_flows.cpp and `planner import flows` (planner/cli/import.cpp):
// the statistical-office layout split into Z, final demand, primary inputs and totals, the
// naming rule, the balance check, and errors that name file and line. Oracles:
// ../shared/oracles/miller_blair_2sector.txt and eurostat_germany_1995_6sector.txt.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_run.hpp"
#include "expect_error.hpp"
#include "oracle_file.hpp"
#include "planner/analysis/static_analysis.hpp"
#include "planner/io/import_flows.hpp"
#include "planner/io/model_reader.hpp"
#include "scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
using planner::FlowsLayout;
using planner::import_flows_csv;
using planner::test::run_cli;
using planner::test::write_text;

// Miller & Blair Table 2.3 with a labour row (pymrio's labour satellite, 0.3 and 0.25 per unit).
const char* kMillerBlairCsv =
    "sector,sec1,sec2,households,total_output\n"
    "sec1,150,500,350,1000\n"
    "sec2,200,100,1700,2000\n"
    "value_added,650,1400,,\n"
    "labour,300,500,,\n"
    "output,1000,2000,,\n";

fs::path write_csv(const std::string& what, const std::string& text) {
  fs::path p = planner::test::scratch_dir("import_flows") / (what + ".csv");
  write_text(p, text);
  return p;
}

/// The verbatim Eurostat input table of the oracle as a CSV file.
fs::path eurostat_csv() {
  std::ifstream in(std::string(PLANNER_SHARED_DIR) + "/oracles/eurostat_germany_1995_6sector.txt");
  std::string line, text;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.rfind("## block:", 0) == 0) {
      inside = line.find("input table") != std::string::npos;
      continue;
    }
    if (!line.empty() && line[0] == '#') {
      if (inside && !text.empty()) break;
      continue;
    }
    if (inside && !line.empty()) text += line + "\n";
  }
  return write_csv("eurostat", text);
}

TEST(ImportFlows, MillerBlairByTheNamingRule) {
  planner::ImportedModel m = import_flows_csv(write_csv("mb", kMillerBlairCsv), {});
  ASSERT_EQ(m.sectors.size(), 2u);
  EXPECT_EQ(m.sectors[0].id, "sec1");
  EXPECT_DOUBLE_EQ(m.sectors[0].output, 1000);
  EXPECT_DOUBLE_EQ(m.sectors[1].demand, 1700);
  ASSERT_EQ(m.resources.size(), 2u);
  EXPECT_EQ(m.resources[0].id, "value_added");
  EXPECT_EQ(m.resources[1].id, "labour");
  // Both the total row and the total column are checked against x; this table balances.
  ASSERT_EQ(m.balance.size(), 2u);
  EXPECT_EQ(m.balance[0].against, "row \"output\"");
  EXPECT_EQ(m.balance[1].against, "column \"total_output\"");
  EXPECT_EQ(m.balance[0].residual.norm(), 0.0);
}

TEST(ImportFlows, MillerBlairCliReproducesTheOracle) {
  const fs::path out = planner::test::scratch_dir("import_flows_cli") / "mb";
  fs::remove_all(out);
  auto r = run_cli("import flows " + write_csv("mbcli", kMillerBlairCsv).string() + " --out " + out.string() +
                   " --value-added-rows value_added --unit '$' --name 'Miller-Blair'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(run_cli("check " + (out / "model.toml").string()).code, 0);
  auto a = run_cli("analyze " + (out / "model.toml").string() + " --format json");
  ASSERT_EQ(a.code, 0) << a.err;
  auto j = nlohmann::json::parse(a.out);
  const auto blocks = oracle::read_blocks("miller_blair_2sector.txt");
  oracle::Matrix l = oracle::matrix(oracle::block(blocks, "L exact"));
  Eigen::MatrixXd got(2, 2);
  for (int i = 0; i < 2; ++i)
    for (int k = 0; k < 2; ++k) got(i, k) = j["leontief_inverse"]["data"][i][k].get<double>();
  oracle::expect_close(got, l.data, 1e-12, 0.0, "Miller-Blair L after import flows");
  EXPECT_NEAR(j["output_multipliers"]["sec1"].get<double>(), 1.518152, 1e-5);
  EXPECT_NEAR(j["output_multipliers"]["sec2"].get<double>(), 1.452145, 1e-5);
  EXPECT_NEAR(j["input_multipliers"]["labour"]["sec1"].get<double>(), 0.3 * 1.2541254125412542 + 0.25 * 0.26402640264026406, 1e-12);
  // Value added = x − column sums of Z, so the Leontief prices are 1.
  EXPECT_NEAR(j["prices"]["sec1"].get<double>(), 1.0, 1e-12);
  EXPECT_NEAR(j["prices"]["sec2"].get<double>(), 1.0, 1e-12);
  fs::remove_all(out.parent_path());
}

TEST(ImportFlows, EurostatGermanyVerbatimTableReproducesMultipliers) {
  FlowsLayout layout;
  layout.label_col = "iotables_row";
  layout.name_col = "prod_na_lab";
  layout.value_added_rows = {"gva"};
  layout.output_from = "total-row";  // the oracle's A = Z / P1 output
  layout.unit = "million EUR";
  const fs::path csv = eurostat_csv();
  planner::ImportedModel m = import_flows_csv(csv, layout);
  ASSERT_EQ(m.sectors.size(), 6u);
  EXPECT_EQ(m.sectors[0].id, "agriculture_group");
  EXPECT_EQ(m.sectors[0].name, "Products of agriculture, forestry and fishing");
  EXPECT_DOUBLE_EQ(m.sectors[1].output, 1079446);  // P1
  EXPECT_DOUBLE_EQ(m.sectors[1].demand, 197792 + 8588 + 91692 + 7559 + 313711);
  // Z·1 + f is the P1 output row exactly; the last column ("total_final_use", really total
  // output) is 46 short for industry, and is left out as a subtotal by its name.
  ASSERT_EQ(m.balance.size(), 1u);
  EXPECT_EQ(m.balance[0].against, "row \"output\"");
  EXPECT_EQ(m.balance[0].residual.norm(), 0.0);
  bool dropped_negative = false;
  for (const auto& n : m.notes) dropped_negative |= n.find("net_tax_production") != std::string::npos;
  EXPECT_TRUE(dropped_negative) << "a row with negative entries is left out with a note";

  const fs::path out = planner::test::scratch_dir("import_flows_de") / "de95";
  fs::remove_all(out);
  planner::write_model_folder(m, out, false);
  auto a = planner::analysis::analyze(planner::read_model(out / "model.toml"));
  const auto blocks = oracle::read_blocks("eurostat_germany_1995_6sector.txt");
  const auto& computed = oracle::block(blocks, "computed here");
  const auto& published = oracle::block(blocks, "expected vectors");
  auto resource = [&](const std::string& id) {
    for (std::size_t r = 0; r < a.resources.size(); ++r)
      if (a.resources[r] == id) return Eigen::VectorXd(a.input_multipliers.row(static_cast<Eigen::Index>(r)).transpose());
    ADD_FAILURE() << "no resource " << id;
    return Eigen::VectorXd(Eigen::VectorXd::Zero(6));
  };
  // Recomputed values are printed to 8 decimals (rounding up to 5e-9); the peer's tolerances for the published ones.
  oracle::expect_close(a.output_multipliers, oracle::row(computed, "output_multipliers", 1, 6), 0, 1e-8,
                       "Eurostat output multipliers after import flows");
  oracle::expect_close(resource("gva"), oracle::row(computed, "gva_multiplier", 1, 6), 0, 1e-8, "Eurostat GVA multipliers");
  oracle::expect_close(resource("employment_domestic_total"), oracle::row(computed, "employment_multiplier", 1, 6), 0, 1e-8,
                       "Eurostat employment multipliers");
  oracle::expect_close(resource("gva"), oracle::row(published, "gva_multiplier", 1, 6), 1e-3, 0, "Eurostat GVA multipliers (published)");
  fs::remove_all(out.parent_path());
}

TEST(ImportFlows, EurostatBalanceAgainstTheTotalColumn) {
  FlowsLayout layout;
  layout.label_col = "iotables_row";
  planner::ImportedModel m = import_flows_csv(eurostat_csv(), layout);
  EXPECT_DOUBLE_EQ(m.sectors[1].output, 1079446);  // row sums of Z + final demand
  // Checked against the last column, the source's 46 discrepancy shows.
  auto r = run_cli("import flows " + eurostat_csv().string() + " --label-col iotables_row --total-col total_final_use --out " +
                   (planner::test::scratch_dir("import_flows_de2") / "m").string() + " --force");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("industry_group"), std::string::npos) << r.out;  // the sector off balance is listed
  EXPECT_NE(r.out.find("1 of 6 sectors differ from column \"total_final_use\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("46.0000"), std::string::npos) << r.out;
  fs::remove_all(planner::test::scratch_dir("import_flows_de2"));
}

TEST(ImportFlows, ExplicitColumnsAndRows) {
  const char* csv =
      "code,households,government,exports,agri,manu,stock_change\n"
      "manu,10,5,20,30,40,1\n"
      "agri,4,0,6,10,20,0\n"
      "wages,,,,25,30,\n"
      "profits,,,,11,10,\n"
      "jobs,,,,3,4,\n";
  FlowsLayout layout;
  layout.final_demand_cols = {"households", "government", "exports"};
  layout.primary_rows = {"wages", "profits"};
  planner::ImportedModel m = import_flows_csv(write_csv("explicit", csv), layout);
  ASSERT_EQ(m.sectors.size(), 2u);
  EXPECT_EQ(m.sectors[0].id, "manu");  // row order
  // Z is ordered by rows on both axes: Z[manu][manu] = 40.
  EXPECT_DOUBLE_EQ(m.flows(0, 0), 40);
  EXPECT_DOUBLE_EQ(m.flows(0, 1), 30);
  EXPECT_DOUBLE_EQ(m.sectors[0].output, 10 + 5 + 20 + 30 + 40);  // stock_change is not named
  EXPECT_EQ(m.resources.size(), 2u);
}

TEST(ImportFlows, BadInputNamesFileAndLine) {
  using planner::expect_bad_input;
  expect_bad_input([] { import_flows_csv(write_csv("nan", "sector,a,b,fd\na,1,NaN,3\nb,1,1,1\n"), {}); },
                   {"nan.csv", "line 2", "row \"a\", column \"b\"", "finite"});
  expect_bad_input([] { import_flows_csv(write_csv("text", "sector,a,b,fd\na,1,2,3\nb,1,x1,1\n"), {}); },
                   {"text.csv", "line 3", "column \"b\""});
  expect_bad_input([] { import_flows_csv(write_csv("neg", "sector,a,b,fd\na,1,2,3\nb,1,-1,1\n"), {}); },
                   {"neg.csv", "line 3", "≥ 0"});
  expect_bad_input([] { import_flows_csv(write_csv("ragged", "sector,a,b,fd\na,1,2\nb,1,1,1\n"), {}); },
                   {"ragged.csv", "line 2", "cells"});
  expect_bad_input([] { import_flows_csv(write_csv("dup", "sector,a,b,fd\na,1,2,3\na,1,1,1\n"), {}); },
                   {"dup.csv", "line 3", "duplicate row label \"a\""});
  expect_bad_input([] { import_flows_csv(write_csv("nosq", "sector,c,d,fd\na,1,2,3\nb,1,1,1\n"), {}); },
                   {"nosq.csv", "line 1", "square"});
  FlowsLayout unknown;
  unknown.final_demand_cols = {"exports"};
  expect_bad_input([&] { import_flows_csv(write_csv("unknown", "sector,a,b,fd\na,1,2,3\nb,1,1,1\n"), unknown); },
                   {"unknown.csv", "line 1", "--final-demand-cols", "\"exports\""});
  FlowsLayout not_square;
  not_square.sectors = {"a", "b", "fd"};
  expect_bad_input([&] { import_flows_csv(write_csv("nonsquare", "sector,a,b,fd\na,1,2,3\nb,1,1,1\n"), not_square); },
                   {"nonsquare.csv", "line 1", "not square", "\"fd\" is a column but not a row"});
}

TEST(ImportFlows, CliErrorsExitTwoAndWriteNothing) {
  const fs::path dir = planner::test::scratch_dir("import_flows_err");
  const fs::path out = dir / "model";
  fs::remove_all(out);
  auto r = run_cli("import flows " + write_csv("cli_nan", "sector,a,b,fd\na,1,nan,3\nb,1,1,1\n").string() + " --out " + out.string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("cli_nan.csv:line 2"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));
  // An existing non-empty folder is kept unless --force.
  fs::create_directories(out);
  write_text(out / "keep.txt", "mine");
  const std::string ok = write_csv("cli_ok", kMillerBlairCsv).string();
  r = run_cli("import flows " + ok + " --out " + out.string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--force"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(out / "keep.txt"));
  r = run_cli("--quiet import flows " + ok + " --out " + out.string() + " --force");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "") << "--quiet prints nothing";
  EXPECT_FALSE(fs::exists(out / "keep.txt"));
  EXPECT_TRUE(fs::exists(out / "model.toml"));
  for (const auto& entry : fs::directory_iterator(dir))
    EXPECT_EQ(entry.path().filename().string().find(".model.import"), std::string::npos) << "no temporary left";
  fs::remove_all(dir);
}

}  // namespace
