// `planner balance` end to end: the Miller & Blair RAS oracle through the CLI (labelled CSV
// in and out), and bad totals — exit 2, the file named, nothing written.
#include <gtest/gtest.h>

#include <filesystem>

#include "cli_run.hpp"
#include "oracle_file.hpp"
#include "planner/io/csv.hpp"
#include "scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
using planner::test::run_cli;
using planner::test::write_text;

// Z0 = A0 diag(x1) of oracles/miller_blair_ras_3sector.txt, written out to full precision.
const char* kFlows =
    "sector,s1,s2,s3\n"
    "s1,50.52,28.4,13.867\n"
    "s2,88.41,70.148,74.995\n"
    "s3,10.946,70.716,41.035\n";
const char* kTotals =
    "id,row_total,column_total\n"
    "s1,245,251\n"
    "s2,136,107\n"
    "s3,159,182\n";

TEST(BalanceCli, MillerBlairRasOracle) {
  const fs::path dir = planner::test::scratch_dir("balance_cli");
  write_text(dir / "z0.csv", kFlows);
  write_text(dir / "totals.csv", kTotals);
  const auto run = run_cli("balance " + (dir / "z0.csv").string() + " --totals " + (dir / "totals.csv").string() +
                           " --out " + (dir / "z1.csv").string() + " --tolerance 1e-13 --format json");
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("\"method\": \"ras\""), std::string::npos) << run.out;
  const auto z1 = planner::read_labelled_csv(dir / "z1.csv");
  ASSERT_EQ(z1.rows, (std::vector<std::string>{"s1", "s2", "s3"}));
  Eigen::Vector3d x1(421, 284, 283);
  const auto blocks = oracle::read_blocks("miller_blair_ras_3sector.txt");
  oracle::expect_close(z1.data * x1.cwiseInverse().asDiagonal(),
                       oracle::matrix(oracle::block(blocks, "expected converged RAS")).data, 0, 5e-11, "CLI A1_RAS");
  fs::remove_all(dir);
}

TEST(BalanceCli, BadTotalsExitTwoAndWriteNothing) {
  const fs::path dir = planner::test::scratch_dir("balance_cli_bad");
  write_text(dir / "z0.csv", kFlows);
  struct Case {
    const char* totals;
    const char* fragment;
  };
  const Case cases[] = {
      {"id,row_total,column_total\ns1,245,251\ns2,136,107\ns3,159,183\n", "row totals sum to 540 but the column totals to 541"},
      {"id,row_total,column_total\ns1,245,251\ns2,136,107\n", "no row_total for row \"s3\""},
      {"id,row_total,column_total\ns1,245,251\ns2,136,107\ns3,159,182\ns1,1,1\n", "line 5: \"s1\" is listed twice"},
      {"id,row_total,column_total\ns1,245,251\ns2,136,107\ns9,159,182\n", "line 4: \"s9\" is neither a row nor a column"},
      {"id,row_total,column_total\ns1,245,251\ns2,abc,107\ns3,159,182\n", "line 3"},
  };
  for (const auto& c : cases) {
    write_text(dir / "totals.csv", c.totals);
    const auto run = run_cli("balance " + (dir / "z0.csv").string() + " --totals " + (dir / "totals.csv").string() +
                             " --out " + (dir / "z1.csv").string());
    EXPECT_EQ(run.code, 2) << c.fragment;
    EXPECT_NE(run.err.find("totals.csv"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find(c.fragment), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(dir / "z1.csv")) << c.fragment;
  }
  fs::remove_all(dir);
}

}  // namespace
