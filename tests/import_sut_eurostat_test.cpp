// `planner import sut --layout eurostat`: a small hand-written pair of files in Eurostat's
// SDMX-TSV layout (naio_10_cp15 supply, naio_10_cp1610 use: two CPA products, two NACE
// industries with secondary production, a second geo, a second unit, totals and valuation
// columns, a value-added row, flags and a `:` in another year) converts to the same model
// folder as the same figures in the labelled CSV layout; the value-added rows B1G, D1, B2A3G,
// D29X39 become resources; an unknown geo or year and a `:` cell exit 2 naming the file (and
// line) and write nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_run.hpp"
#include "planner/io/model_reader.hpp"
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

// The use table's value-added rows (naio_10_cp1610 publishes B1G and its parts D1, B2A3G,
// D29X39 in the product dimension) become the model's value-added resources; the rest of each
// column (here taxes less subsidies on products D21X31, a row the reader does not take) is
// other_inputs. With kSupply, g = (110, 205) and 1ᵀU = (25, 90):
//   A01: D1 50, B2A3G 30, D29X39 2 (B1G 82), D21X31 3 → other_inputs 110 − 25 − 82 = 3
//   C10: D1 70, B2A3G 35, D29X39 1 (B1G 106), D21X31 9 → other_inputs 205 − 90 − 106 = 9
// (a negative D29X39, which Eurostat does publish, cannot be written: the model format wants
// resource totals ≥ 0)
const std::string kValueAddedRows =
    "A,MIO_EUR,TOTAL,A01,B1G,DE\t82 \n"
    "A,MIO_EUR,TOTAL,A01,D1,DE\t50 \n"
    "A,MIO_EUR,TOTAL,A01,B2A3G,DE\t30 \n"
    "A,MIO_EUR,TOTAL,A01,D29X39,DE\t2 \n"
    "A,MIO_EUR,TOTAL,A01,D21X31,DE\t3 \n"
    "A,MIO_EUR,TOTAL,C10,B1G,DE\t106 \n"
    "A,MIO_EUR,TOTAL,C10,D1,DE\t70 e\n"
    "A,MIO_EUR,TOTAL,C10,B2A3G,DE\t35 \n"
    "A,MIO_EUR,TOTAL,C10,D29X39,DE\t1 \n"
    "A,MIO_EUR,TOTAL,C10,D21X31,DE\t9 \n";

/// The use table of kUse with its B1G line replaced by `rows`.
std::string use_with(const std::string& rows) {
  std::string use = kUse;
  const auto at = use.find("A,MIO_EUR,TOTAL,A01,B1G,DE\t85 \n");
  return use.replace(at, std::string("A,MIO_EUR,TOTAL,A01,B1G,DE\t85 \n").size(), rows);
}

/// Imports the pair with `use` by `model` and reads the model back.
planner::Economy import_eurostat(const fs::path& dir, const std::string& use, const char* model, std::string* out = nullptr) {
  write_text(dir / "cp15.tsv", kSupply);
  write_text(dir / "cp1610.tsv", use);
  fs::remove_all(dir / "m");
  const auto run = run_cli("import sut " + (dir / "cp15.tsv").string() + " " + (dir / "cp1610.tsv").string() +
                           " --layout eurostat --geo DE --year 2015 --model " + model + " --out " + (dir / "m").string());
  EXPECT_EQ(run.code, 0) << run.err;
  if (out) *out = run.out;
  return planner::read_model(dir / "m" / "model.toml");
}

/// Resource id → its base-year totals (per_output × output), in sector order.
std::map<std::string, Eigen::VectorXd> resource_totals(const planner::Economy& e) {
  std::map<std::string, Eigen::VectorXd> out;
  for (const auto& r : e.resources) {
    EXPECT_TRUE(r.value_added) << r.id;
    out[r.id] = r.per_output.cwiseProduct(e.outputs());
  }
  return out;
}

void expect_totals(const std::map<std::string, Eigen::VectorXd>& got, const std::string& id, double a, double b) {
  ASSERT_TRUE(got.count(id)) << id;
  EXPECT_NEAR(got.at(id)[0], a, 1e-9 * std::max(1.0, std::abs(a))) << id;
  EXPECT_NEAR(got.at(id)[1], b, 1e-9 * std::max(1.0, std::abs(b))) << id;
}

TEST(ImportSutEurostat, ValueAddedRowsBecomeResources) {
  const fs::path dir = planner::test::scratch_dir("import_sut_eurostat_va");
  std::string out;
  // Model D keeps value added by industry: the published cells.
  const auto d = resource_totals(import_eurostat(dir, use_with(kValueAddedRows), "D", &out));
  EXPECT_EQ(d.size(), 4u);
  expect_totals(d, "d1", 50, 70);
  expect_totals(d, "b2a3g", 30, 35);
  expect_totals(d, "d29x39", 2, 1);
  expect_totals(d, "other_inputs", 3, 9);
  EXPECT_NE(out.find("other_inputs, 12 in all"), std::string::npos) << out;
  EXPECT_NE(slurp(dir / "m" / "model.toml").find("Compensation of employees (D1)"), std::string::npos);

  // Model B moves it to products by W·diag(g)⁻¹·Sᵀ: industry A01 gives 100/110 of its column to
  // CPA_A01 and 10/110 to CPA_C10, C10 gives 5/205 and 200/205. D1 → (500/11 + 70/41, 50/11 + 2800/41)
  // = (21270/451, 32850/451); every product column then sums to its output q = (105, 210).
  const auto be = import_eurostat(dir, use_with(kValueAddedRows), "B");
  const auto b = resource_totals(be);
  expect_totals(b, "d1", 21270.0 / 451, 32850.0 / 451);
  Eigen::VectorXd column = be.technical.colwise().sum().transpose().cwiseProduct(be.outputs());
  for (const auto& [id, total] : b) column += total;
  EXPECT_NEAR(column[0], 105, 1e-9);
  EXPECT_NEAR(column[1], 210, 1e-9);

  // B1G alone is one row; D1 with B1G is D1 and the rest of B1G.
  const auto g = resource_totals(import_eurostat(dir, kUse, "D"));
  EXPECT_EQ(g.size(), 2u);
  expect_totals(g, "b1g", 85, 0);                // C10 has no B1G series in kUse: 0, noted
  expect_totals(g, "other_inputs", 0, 115);
  const auto p = resource_totals(import_eurostat(
      dir, use_with("A,MIO_EUR,TOTAL,A01,B1G,DE\t82 \nA,MIO_EUR,TOTAL,C10,B1G,DE\t106 \nA,MIO_EUR,TOTAL,A01,D1,DE\t50 \n"
                    "A,MIO_EUR,TOTAL,C10,D1,DE\t70 \n"),
      "D"));
  expect_totals(p, "d1", 50, 70);
  expect_totals(p, "b1g_other", 32, 36);
  expect_totals(p, "other_inputs", 3, 9);

  // Parts that do not add up to B1G are read as published, and the gap is said.
  std::string off = use_with(kValueAddedRows);
  const std::string b1g_c10 = "C10,B1G,DE\t106";
  off.replace(off.find(b1g_c10), b1g_c10.size(), "C10,B1G,DE\t107");
  import_eurostat(dir, off, "D", &out);
  EXPECT_NE(out.find("B1G differs from D1 + B2A3G + D29X39 by up to 1 (industry C10)"), std::string::npos) << out;
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
      // fuzz_eurostat_tsv: a first line of a byte-order mark alone read past an empty header.
      {"\xEF\xBB\xBF\n" + kSupply, "--geo DE --year 2015", "cp15.tsv:line 1: the file is empty; expected an SDMX-TSV header"},
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
