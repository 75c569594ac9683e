// `planner import sut --layout eurostat`: a small hand-written pair of files in Eurostat's
// SDMX-TSV layout (naio_10_cp15 supply, naio_10_cp1610 use: two CPA products, two NACE
// industries with secondary production, a second geo, a second unit, totals and valuation
// columns, a value-added row, flags and a `:` in another year) converts to the same model
// folder as the same figures in the labelled CSV layout; an unknown geo or year and a `:`
// cell exit 2 naming the file (and line) and write nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_run.hpp"
#include "scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
using planner::test::run_cli;
using planner::test::write_text;

// S = [[100, 5], [10, 200]] (CPA_A01 is made by C10 too, CPA_C10 by A01), U = [[20, 60], [5, 30]],
// Y = [[20, 5], [150, 25]] (households P3_S14, exports P6): q = (105, 210) = U·1 + Y·1.
const std::string kSupply =
    "freq,unit,stk_flow,ind_impv,prd_amo,geo\\TIME_PERIOD\t2014 \t2015 \n"
    "A,MIO_EUR,TOTAL,A01,CPA_A01,AT\t7 \t8 \n"
    "A,MIO_EUR,TOTAL,A01,CPA_A01,DE\t: \t100 e\n"
    "A,MIO_EUR,TOTAL,A01,CPA_C10,DE\t9 \t10 \n"
    "A,MIO_EUR,TOTAL,C10,CPA_A01,DE\t4 \t5 p\n"
    "A,MIO_EUR,TOTAL,C10,CPA_C10,DE\t190 \t200 \n"
    "A,MIO_EUR,TOTAL,IMP,CPA_A01,DE\t3 \t3 \n"
    "A,MIO_EUR,TOTAL,TOTAL,CPA_A01,DE\t107 \t108 \n"
    "A,MIO_EUR,TOTAL,TOTAL,TOTAL,DE\t310 \t318 \n"
    "A,MIO_NAC,TOTAL,A01,CPA_A01,DE\t1 \t1 \n";
const std::string kUse =
    "freq,unit,stk_flow,ind_use,prd_ava,geo\\TIME_PERIOD\t2015 \n"
    "A,MIO_EUR,TOTAL,A01,B1G,DE\t85 \n"
    "A,MIO_EUR,TOTAL,A01,CPA_A01,DE\t20 \n"
    "A,MIO_EUR,TOTAL,A01,CPA_C10,DE\t5 \n"
    "A,MIO_EUR,TOTAL,C10,CPA_A01,DE\t60 \n"
    "A,MIO_EUR,TOTAL,C10,CPA_C10,DE\t30 \n"
    "A,MIO_EUR,TOTAL,P3_S14,CPA_A01,DE\t20 \n"
    "A,MIO_EUR,TOTAL,P3_S14,CPA_C10,DE\t150 \n"
    "A,MIO_EUR,TOTAL,P6,CPA_A01,DE\t5 \n"
    "A,MIO_EUR,TOTAL,P6,CPA_C10,DE\t25 \n"
    "A,MIO_EUR,TOTAL,TFU,CPA_A01,DE\t25 \n";

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(ImportSutEurostat, SameModelAsTheLabelledLayout) {
  const fs::path dir = planner::test::scratch_dir("import_sut_eurostat");
  write_text(dir / "cp15.tsv", kSupply);
  write_text(dir / "cp1610.tsv", kUse);
  write_text(dir / "supply.csv", "product,A01,C10\nCPA_A01,100,5\nCPA_C10,10,200\n");
  write_text(dir / "use.csv", "product,A01,C10\nCPA_A01,20,60\nCPA_C10,5,30\n");
  write_text(dir / "final.csv", "product,P3_S14,P6\nCPA_A01,20,5\nCPA_C10,150,25\n");
  for (const char* model : {"B", "D"}) {
    fs::remove_all(dir / "e");
    fs::remove_all(dir / "l");
    const auto e = run_cli("import sut " + (dir / "cp15.tsv").string() + " " + (dir / "cp1610.tsv").string() +
                           " --layout eurostat --geo DE --year 2015 --model " + model + " --out " + (dir / "e").string());
    ASSERT_EQ(e.code, 0) << e.err;
    const auto l = run_cli("import sut " + (dir / "supply.csv").string() + " " + (dir / "use.csv").string() + " --final-demand " +
                           (dir / "final.csv").string() + " --model " + model + " --out " + (dir / "l").string());
    ASSERT_EQ(l.code, 0) << l.err;
    for (const char* f : {"flows.csv", "sectors.csv"}) EXPECT_EQ(slurp(dir / "e" / f), slurp(dir / "l" / f)) << model << " " << f;
    const auto ae = run_cli("analyze " + (dir / "e" / "model.toml").string() + " --format json");
    const auto al = run_cli("analyze " + (dir / "l" / "model.toml").string() + " --format json");
    ASSERT_EQ(ae.code, 0) << ae.err;
    const auto je = nlohmann::json::parse(ae.out), jl = nlohmann::json::parse(al.out);
    for (const char* key : {"sectors", "technical", "leontief_inverse"}) EXPECT_EQ(je[key], jl[key]) << model << " " << key;
  }
  fs::remove_all(dir);
}

TEST(ImportSutEurostat, UnknownGeoYearAndMissingCellsExitTwo) {
  const fs::path dir = planner::test::scratch_dir("import_sut_eurostat_bad");
  write_text(dir / "cp1610.tsv", kUse);
  struct Case {
    std::string supply, args, fragment;
  };
  std::string gap = kSupply;
  gap.replace(gap.find("190 \t200 "), 9, "190 \t: c");
  const Case cases[] = {
      {kSupply, "--geo FR --year 2015", "cp15.tsv: no series for geo \"FR\"; the file has AT, DE"},
      {kSupply, "--geo DE --year 2016", "cp15.tsv:line 1: no period 2016 in the file; it has 2014, 2015"},
      {gap, "--geo DE --year 2015", "cp15.tsv:line 6: no value (\": c\") for CPA_C10 × C10 in DE 2015"},
      {kSupply, "--geo DE --year 2015 --select unit=MIO_XYZ", "no unit = MIO_XYZ for geo DE; the file has MIO_EUR, MIO_NAC"},
  };
  for (const auto& c : cases) {
    write_text(dir / "cp15.tsv", c.supply);
    fs::remove_all(dir / "out");
    const auto run = run_cli("import sut " + (dir / "cp15.tsv").string() + " " + (dir / "cp1610.tsv").string() +
                             " --layout eurostat " + c.args + " --out " + (dir / "out").string());
    EXPECT_EQ(run.code, 2) << c.args;
    EXPECT_NE(run.err.find(c.fragment), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(dir / "out"));
  }
  fs::remove_all(dir);
}

}  // namespace
