// Oracles: supply–use tables with secondary production (non-diagonal supply) and their published
// symmetric tables, at the sources' tolerances.
//  * tests/oracles/sut_majeau_bettez_2014.txt — the worked example of Majeau-Bettez, Wood &
//    Strømman (2014, J. Ind. Ecol. 18(5), Supporting Information) as majeau-bettez/allocation_construct's
//    tests give it: 3 products × 4 industries, two extensions; the product-technology (model A, on
//    the source's square aggregation) and industry-technology (model B) flows, coefficients and
//    constructed extensions; numpy assert_allclose(atol 1e-8, rtol 1e-7). Through the library, and
//    model B through `planner import sut` (the model folder's A and per-output resources).
//  * tests/oracles/sut_pysut_known_results.txt — pySUT's known results (5 × 5 with by-products):
//    coefficient matrices of all four models A–D and the extension intensities of A and B;
//    assert_array_almost_equal(decimal 8 / 9) = |error| < 1.5e-8 / 1.5e-9; the negative cells of
//    models A and C are reported exactly where the source's tables are negative.
// Final demand is not in either source; it is the residual q − U·1 and no expected figure depends on it.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>

#include "cli_run.hpp"
#include "oracle_file.hpp"
#include "planner/analysis/supply_use.hpp"
#include "planner/io/model_reader.hpp"
#include "scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
using Eigen::MatrixXd;
using Eigen::VectorXd;
using planner::analysis::SutModel;
using planner::analysis::symmetric_table;

const std::vector<oracle::Block>& mb() {
  static const auto b = oracle::read_own_blocks("sut_majeau_bettez_2014.txt");
  return b;
}
const std::vector<oracle::Block>& pysut() {
  static const auto b = oracle::read_own_blocks("sut_pysut_known_results.txt");
  return b;
}
MatrixXd table_of(const std::vector<oracle::Block>& blocks, const std::string& title) {
  return oracle::matrix(oracle::block(blocks, title)).data;
}

// numpy's assert_allclose(atol=1e-8) with its default rtol 1e-7 (Majeau-Bettez et al.'s tests).
constexpr double kMbRtol = 1e-7, kMbAtol = 1e-8;
// numpy's assert_array_almost_equal(decimal=d): |error| < 1.5·10⁻ᵈ (pySUT's tests).
constexpr double kDecimal8 = 1.5e-8, kDecimal9 = 1.5e-9;

struct Sut {
  MatrixXd s, u, w;
  std::vector<std::string> products, industries, extensions;
  VectorXd q() const { return s.rowwise().sum(); }
  MatrixXd y() const { return q() - u.rowwise().sum(); }  // the residual: not in the sources
};

/// Majeau-Bettez et al.'s table as given (3 × 4), or aggregated to the square table of their CTC
/// test (Va = V·Ē′, Ua = U·Ē′, Ga = G·Ē′: industries J1 and J2 into J).
Sut mb_table(bool square) {
  const auto v = oracle::matrix(oracle::block(mb(), "supply V"));
  const auto g = oracle::matrix(oracle::block(mb(), "extensions G"));
  Sut t{v.data, table_of(mb(), "use Uu"), g.data, v.rows, v.cols, g.rows};
  if (square) {
    const MatrixXd e = table_of(mb(), "primary-product map E_bar");
    t.s = t.s * e.transpose();
    t.u = t.u * e.transpose();
    t.w = t.w * e.transpose();
    t.industries = {"I", "J", "K"};
  }
  return t;
}

void expect_mb_construct(const Sut& t, SutModel model, const std::string& name) {
  const auto r = symmetric_table(t.s, t.u, t.y(), t.w, model, "supply.csv");
  const VectorXd q = t.q();
  oracle::expect_close(r.flows, table_of(mb(), name + " Z"), kMbRtol, kMbAtol, name + " Z");
  oracle::expect_close(r.flows * q.cwiseInverse().asDiagonal(), table_of(mb(), name + " A"), kMbRtol, kMbAtol, name + " A");
  oracle::expect_close(r.value_added, table_of(mb(), name + " G_con"), kMbRtol, kMbAtol, name + " G_con");
  oracle::expect_close(r.value_added * q.cwiseInverse().asDiagonal(), table_of(mb(), name + " F"), kMbRtol, kMbAtol, name + " F");
  oracle::expect_close(r.output, q, 0, 0, name + " output q");
  EXPECT_TRUE(r.negatives.empty()) << name;  // the source's Z has no negative cell
}

TEST(OracleSutMajeauBettez, ProductTechnologyIsTheirCommodityTechnologyConstruct) {
  expect_mb_construct(mb_table(true), SutModel::a, "CTC");
}

TEST(OracleSutMajeauBettez, IndustryTechnologyIsTheirIndustryTechnologyConstruct) {
  expect_mb_construct(mb_table(false), SutModel::b, "ITC");
}

std::string csv(const std::string& corner, const std::vector<std::string>& rows, const std::vector<std::string>& cols,
                const MatrixXd& m) {
  std::ostringstream out;
  out.precision(17);
  out << corner;
  for (const auto& c : cols) out << ',' << c;
  out << '\n';
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    out << rows[static_cast<std::size_t>(i)];
    for (Eigen::Index j = 0; j < m.cols(); ++j) out << ',' << m(i, j);
    out << '\n';
  }
  return out.str();
}

// The same through `planner import sut` (model B): the model folder's technical coefficients are the
// source's A and its resources (the extensions, given as --value-added rows) per unit of output its F.
TEST(OracleSutMajeauBettez, ImportSutWritesThePublishedCoefficients) {
  const fs::path dir = planner::test::scratch_dir("oracle_sut_mb");
  // Model B only: CTC's constructed CH4 (−0.25 for product i) is a negative resource total,
  // which the model format refuses; the library tests above check it.
  for (const auto& [model, name, square] : {std::tuple{"B", "ITC", false}}) {
    const Sut t = mb_table(square);
    using planner::test::write_text;
    write_text(dir / "supply.csv", csv("product", t.products, t.industries, t.s));
    write_text(dir / "use.csv", csv("product", t.products, t.industries, t.u));
    write_text(dir / "final.csv", csv("product", t.products, {"final"}, t.y()));
    write_text(dir / "extensions.csv", csv("extension", t.extensions, t.industries, t.w));
    fs::remove_all(dir / "out");
    const auto run = planner::test::run_cli("import sut " + (dir / "supply.csv").string() + " " + (dir / "use.csv").string() +
                                            " --final-demand " + (dir / "final.csv").string() + " --value-added " +
                                            (dir / "extensions.csv").string() + " --model " + model + " --out " +
                                            (dir / "out").string());
    ASSERT_EQ(run.code, 0) << run.err;
    const auto e = planner::read_model((dir / "out" / "model.toml").string());
    oracle::expect_close(e.technical, table_of(mb(), std::string(name) + " A"), kMbRtol, kMbAtol, std::string("import sut ") + name + " A");
    const MatrixXd f = table_of(mb(), std::string(name) + " F");
    ASSERT_EQ(e.resources.size(), 2u);
    for (Eigen::Index r = 0; r < 2; ++r) {
      EXPECT_EQ(e.resources[static_cast<std::size_t>(r)].name, t.extensions[static_cast<std::size_t>(r)]);
      oracle::expect_close(e.resources[static_cast<std::size_t>(r)].per_output.transpose(), f.row(r), kMbRtol, kMbAtol,
                           std::string("import sut ") + name + " F " + t.extensions[static_cast<std::size_t>(r)]);
    }
  }
  fs::remove_all(dir);
}

Sut pysut_table() {
  const auto v = oracle::matrix(oracle::block(pysut(), "supply V_New"));
  const auto f = oracle::matrix(oracle::block(pysut(), "extensions F_Test"));
  return {v.data, table_of(pysut(), "use U_Test2"), f.data, v.rows, v.cols, f.rows};
}

std::set<std::pair<Eigen::Index, Eigen::Index>> negative_cells(const MatrixXd& m) {
  std::set<std::pair<Eigen::Index, Eigen::Index>> out;
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    for (Eigen::Index j = 0; j < m.cols(); ++j)
      if (m(i, j) < 0) out.insert({i, j});
  return out;
}

TEST(OracleSutPySut, AllFourModelsGiveThePublishedCoefficients) {
  const Sut t = pysut_table();
  const struct {
    SutModel model;
    const char* block;
  } cases[] = {{SutModel::a, "A_CTC_cxc"}, {SutModel::b, "A_ITC_cxc"}, {SutModel::c, "A_CTC_ixi"}, {SutModel::d, "A_ITC_ixi"}};
  for (const auto& c : cases) {
    const auto r = symmetric_table(t.s, t.u, t.y(), t.w, c.model, "supply.csv");
    const MatrixXd want = table_of(pysut(), c.block);
    oracle::expect_close(r.flows * r.output.cwiseInverse().asDiagonal(), want, 0, kDecimal8, c.block);
    std::set<std::pair<Eigen::Index, Eigen::Index>> reported;
    for (const auto& n : r.negatives) reported.insert({n.row, n.col});
    EXPECT_EQ(reported, negative_cells(want)) << c.block;
  }
  EXPECT_EQ(negative_cells(table_of(pysut(), "A_CTC_cxc")).size(), 4u);  // the oracle does have negatives to find
  EXPECT_EQ(negative_cells(table_of(pysut(), "A_CTC_ixi")).size(), 3u);
}

TEST(OracleSutPySut, ExtensionIntensitiesOfModelsAAndB) {
  const Sut t = pysut_table();
  for (const auto& [model, name] : {std::pair{SutModel::a, "S_CTC"}, std::pair{SutModel::b, "S_ITC"}}) {
    const auto r = symmetric_table(t.s, t.u, t.y(), t.w, model, "supply.csv");
    oracle::expect_close(r.value_added * r.output.cwiseInverse().asDiagonal(), table_of(pysut(), name), 0, kDecimal9, name);
  }
}

}  // namespace
