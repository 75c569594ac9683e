// Oracle: /work/shared/oracles/eurostat_germany_1995_6sector.txt — Eurostat Manual of Supply,
// Use and Input-Output Tables (2008), ch. 15, Germany 1995, 6 product groups, with the published
// values and tolerances of rOpenGov/iotables' tests (relative tolerances: A 1e-3/5e-5,
// I − A 1e-4, L 1e-3, output multipliers 1e-3, GVA indicator 4e-3, GVA and employment
// multipliers 1e-3, Ghosh column equal after rounding to 4 dp, forward linkages 1e-2).
//
// The oracle's Ghosh matrix divides Z by the table's `total_final_use` column, which shows
// 1 079 400 for industry where P1 (and the row sum) is 1 079 446; the bundled model has one
// output per sector (P1), so its G differs from the oracle's "computed G" by ~4e-5 relative in
// that row. Checks of the model use the published tolerances; the exact "computed here"
// blocks are checked with the library's functions fed the oracle's own x_row.
#include <gtest/gtest.h>

#include <cmath>

#include "oracle_file.hpp"
#include "planner/analysis/ghosh.hpp"
#include "planner/analysis/leontief.hpp"
#include "planner/analysis/linkages.hpp"
#include "planner/analysis/static_analysis.hpp"

namespace {

using namespace planner;
using namespace planner::analysis;
using oracle::expect_close;

const std::vector<std::string> kIds{"agriculture_group", "industry_group", "construction",
                                    "trade_group", "business_services_group", "other_services_group"};

const std::vector<oracle::Block>& blocks() {
  static const auto b = oracle::read_blocks("eurostat_germany_1995_6sector.txt");
  return b;
}

/// Row `label` (column iotables_row) of the verbatim input table: the numbers under the industry
/// columns (cells 5…10) or, with `column`, one named column.
Eigen::VectorXd table_row(const std::string& label) {
  const auto& b = oracle::block(blocks(), "input table");
  for (const auto& r : b.rows)
    if (r.at(4) == label) {
      Eigen::VectorXd v(6);
      for (int j = 0; j < 6; ++j) v[j] = std::stod(r.at(static_cast<std::size_t>(5 + j)));
      return v;
    }
  throw std::runtime_error("no table row " + label);
}

Eigen::MatrixXd flows_from_table() {
  Eigen::MatrixXd z(6, 6);
  for (int i = 0; i < 6; ++i) z.row(i) = table_row(kIds[static_cast<std::size_t>(i)]).transpose();
  return z;
}

/// x_row: the table's total_final_use column (last cell of the six product rows).
Eigen::VectorXd output_by_row() {
  const auto& b = oracle::block(blocks(), "input table");
  Eigen::VectorXd x(6);
  for (int i = 0; i < 6; ++i)
    for (const auto& r : b.rows)
      if (r.at(4) == kIds[static_cast<std::size_t>(i)]) x[i] = std::stod(r.back());
  return x;
}

/// The economy as the oracle's conventions describe it: Z, x = P1, f = x − Z·1, GVA (value added),
/// compensation and employment per unit of P1.
Economy economy_from_oracle() {
  Economy e;
  Eigen::MatrixXd z = flows_from_table();
  Eigen::VectorXd x = table_row("output");
  for (int i = 0; i < 6; ++i) {
    Sector s;
    s.id = kIds[static_cast<std::size_t>(i)];
    s.output = x[i];
    s.demand = x[i] - z.row(i).sum();
    e.sectors.push_back(s);
  }
  e.flows = z;
  e.technical = technical_coefficients(z, x);
  for (const auto& [id, row, va] : std::vector<std::tuple<std::string, std::string, bool>>{
           {"gva", "gva", true}, {"compensation_employees", "compensation_employees", false},
           {"employment", "employment_domestic_total", false}}) {
    Resource r;
    r.id = id;
    r.value_added = va;
    r.per_output = table_row(row).cwiseQuotient(x);
    e.resources.push_back(r);
  }
  return e;
}

double round4(double v) { return std::round(v * 1e4) / 1e4; }

/// A published vector row of the "expected vectors" block.
Eigen::VectorXd published(const std::string& quantity) {
  return oracle::row(oracle::block(blocks(), "expected vectors"), quantity, 1, 6);
}
/// A row of the "computed here" block (exact recomputation, 8 decimals).
Eigen::VectorXd computed(const std::string& quantity) {
  return oracle::row(oracle::block(blocks(), "computed here"), quantity, 1, 6);
}

class EurostatGermany : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    if (std::string(GetParam()) == "oracle_file") {
      economy_ = economy_from_oracle();
    } else {
      ORACLE_LOAD_MODEL_OR_SKIP(loaded, "models/eurostat-germany-1995/model.toml");
      economy_ = loaded;
      ASSERT_EQ(economy_.sector_ids(), kIds);
    }
    analysis_ = analyze(economy_);
  }
  Eigen::Index index(const std::string& id) const { return static_cast<Eigen::Index>(*economy_.sector_index(id)); }
  Eigen::Index resource(const std::string& id) const { return static_cast<Eigen::Index>(*economy_.resource_index(id)); }
  Economy economy_;
  StaticAnalysis analysis_;
};

TEST_P(EurostatGermany, PublishedSpotValues) {
  // Tolerances as the peer: "exact after round 4" compares rounded values; others relative.
  const auto& b = oracle::block(blocks(), "expected spot values");
  const Eigen::Index n = analysis_.technical.rows();
  const Eigen::MatrixXd i_minus_a = Eigen::MatrixXd::Identity(n, n) - analysis_.technical;
  int checked = 0;
  for (std::size_t r = 1; r < b.rows.size(); ++r) {
    const auto& row = b.rows[r];
    const std::string& q = row[0];
    if (q == "P1_output_row") continue;  // a fact of the source table, not of the analysis
    double expected = std::stod(row[3]);
    double actual = q == "A"     ? analysis_.technical(index(row[1]), index(row[2]))
                    : q == "I-A" ? i_minus_a(index(row[1]), index(row[2]))
                    : q == "L"   ? analysis_.leontief_inverse(index(row[1]), index(row[2]))
                                 : analysis_.allocation(index(row[1]), index(row[2]));
    // Published values are printed to d decimals (the peer rounds A before comparing), so our
    // value is rounded to the same d decimals, then compared with the peer's relative tolerance.
    const auto dot = row[3].find('.');
    const int decimals = dot == std::string::npos ? 0 : static_cast<int>(row[3].size() - dot - 1);
    const double rounded = std::round(actual * std::pow(10.0, decimals)) / std::pow(10.0, decimals);
    const double tol = row[4] == "exact after round 4" ? 0.0 : std::stod(row[4]);
    EXPECT_LE(std::fabs(rounded - expected), tol * std::fabs(expected) + 1e-12)
        << q << " " << row[1] << "," << row[2] << ": " << actual << " rounds to " << rounded << ", published " << expected;
    ++checked;
  }
  EXPECT_EQ(checked, 14);
}

TEST_P(EurostatGermany, OutputMultipliersAndBackwardLinkages) {
  // Published to 4 dp; the peer uses 1e-2 (A rounded to 4 dp) and 1e-3 relative: the tighter here.
  expect_close(analysis_.output_multipliers, published("output_multipliers_colsum_L"), 1e-3, 0,
               "DE95 output multipliers vs published");
  expect_close(analysis_.linkages.backward_raw, published("output_multipliers_colsum_L"), 1e-3, 0,
               "DE95 backward linkages (raw) vs published");
  // The oracle's exact recomputation, printed to 8 decimals.
  expect_close(analysis_.output_multipliers, computed("output_multipliers"), 0, 1e-8,
               "DE95 output multipliers vs recomputed");
}

TEST_P(EurostatGermany, GvaAndEmploymentIndicatorsAndMultipliers) {
  Eigen::VectorXd gva_indicator = economy_.resources.at(static_cast<std::size_t>(resource("gva"))).per_output;
  expect_close(gva_indicator, published("gva_indicator"), 4e-3, 0, "DE95 GVA indicator vs published");
  expect_close(analysis_.input_multipliers.row(resource("gva")).transpose(), published("gva_multiplier"), 1e-3, 0,
               "DE95 GVA multiplier vs published");
  // The employment multipliers are published to 4 dp of values near 0.01–0.03: 1e-3 relative is
  // tighter than their rounding for 0.0162 (industry, recomputed 0.01616706), so that cell is
  // checked at its rounding (5e-5 absolute) and every cell against the 8-dp recomputation.
  Eigen::VectorXd emp = analysis_.input_multipliers.row(resource("employment")).transpose();
  expect_close(emp, published("employment_multiplier_1000persons_per_mioEUR"), 0, 5e-5,
               "DE95 employment multiplier vs published (4 dp)");
  expect_close(emp, computed("employment_multiplier"), 0, 1e-8, "DE95 employment multiplier vs recomputed");
  expect_close(analysis_.input_multipliers.row(resource("gva")).transpose(), computed("gva_multiplier"), 0, 1e-8,
               "DE95 GVA multiplier vs recomputed");
  expect_close(analysis_.input_multipliers.row(resource("compensation_employees")).transpose(),
               computed("compensation_multiplier"), 0, 1e-8, "DE95 compensation multiplier vs recomputed");
  // The oracle's 8-dp indicators k_j = (primary-input row)_j / x_col[j] and x_col (P1) itself:
  // absolute 1e-8 covers the printed rounding (≤ 5e-9). Both parameters (the oracle's table and
  // the bundled model) carry compensation_employees, so none of these is skipped.
  auto indicator = [&](const char* id) {
    return economy_.resources.at(static_cast<std::size_t>(resource(id))).per_output;
  };
  expect_close(indicator("gva"), computed("gva_indicator"), 0, 1e-8, "DE95 GVA indicator vs recomputed");
  expect_close(indicator("employment"), computed("employment_indicator"), 0, 1e-8,
               "DE95 employment indicator vs recomputed");
  ASSERT_TRUE(economy_.resource_index("compensation_employees").has_value());
  expect_close(indicator("compensation_employees"), computed("compensation_indicator"), 0, 1e-8,
               "DE95 compensation indicator vs recomputed");
  expect_close(analysis_.output, computed("x_col_P1"), 0, 1e-8, "DE95 output x (P1) vs x_col_P1");
}

TEST_P(EurostatGermany, GhoshColumnAndForwardLinkages) {
  // Ghosh agriculture column: published to 4 dp, the peer compares round(G, 4) exactly.
  Eigen::VectorXd column = published("ghosh_G_column_agriculture");
  for (Eigen::Index i = 0; i < 6; ++i)
    EXPECT_EQ(round4(analysis_.ghosh_inverse(i, index("agriculture_group"))), column[i]) << kIds[static_cast<std::size_t>(i)];
  // Forward linkages (row sums of G), peer tolerance 1e-2 relative. Industry is published as
  // 1.6691, a transcription slip (the oracle's caveat): exact recomputation gives 1.69100278,
  // 1.3% away, which only the peer's vector-wide 1e-2 hides. We assert the recomputed value.
  Eigen::VectorXd expected = published("forward_linkages_rowsum_G");
  expected[index("industry_group")] = 1.69100278;
  expect_close(analysis_.linkages.forward_raw, expected, 1e-2, 0, "DE95 forward linkages vs published");
  // Against the 8-dp recomputation: the model's x for industry is P1 (1 079 446) where the
  // oracle's G used 1 079 400, so allow 1e-4 relative (observed ~1e-5).
  expect_close(analysis_.linkages.forward_raw, computed("G_row_sums_forward_linkages"), 1e-4, 0,
               "DE95 forward linkages vs recomputed (x = P1)");
}

TEST_P(EurostatGermany, ComputedMatrices) {
  // The oracle's "computed here" A and L (8 dp): absolute 1e-8 covers the printed rounding.
  expect_close(analysis_.technical, oracle::matrix(oracle::block(blocks(), "computed A")).data, 0, 1e-8, "DE95 A");
  expect_close(analysis_.leontief_inverse, oracle::matrix(oracle::block(blocks(), "computed L")).data, 0, 1e-8, "DE95 L");
  expect_close(analysis_.leontief_inverse.rowwise().sum(), computed("L_row_sums"), 0, 1e-8, "DE95 L row sums");
}

INSTANTIATE_TEST_SUITE_P(Oracle, EurostatGermany, ::testing::Values("oracle_file", "bundled_model"));

TEST(EurostatGermanyGhosh, OracleConventionsReproduceComputedG) {
  // B = diag(x_row)⁻¹ Z with the table's total_final_use column, as the oracle computed G.
  Eigen::MatrixXd g = ghosh_inverse(allocation_coefficients(flows_from_table(), output_by_row()));
  expect_close(g, oracle::matrix(oracle::block(blocks(), "computed Ghosh")).data, 0, 1e-8, "DE95 G (x_row)");
  expect_close(g.rowwise().sum(), computed("G_row_sums_forward_linkages"), 0, 1e-8, "DE95 forward linkages (x_row)");
  // The published industry value 1.6691 is not reproduced by either output vector.
  EXPECT_GT(std::fabs(g.row(1).sum() - 1.6691), 0.02);
  // B spot cells: published to 4 dp, tolerance 5e-5.
  Eigen::MatrixXd b = allocation_coefficients(flows_from_table(), output_by_row());
  EXPECT_NEAR(b(4, 0), 0.0053, 5e-5);
  EXPECT_NEAR(b(4, 4), 0.2790, 5e-5);
}

}  // namespace
