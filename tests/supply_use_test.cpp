// SUT → symmetric table (planner/analysis/supply_use): a 2-product, 2-industry table with
// secondary production, each of the Eurostat Manual's models A–D derived by hand below; a
// diagonal supply table makes all four return the use table; model A's negatives reported.
#include "planner/analysis/supply_use.hpp"

#include <gtest/gtest.h>

#include "expect_error.hpp"
#include "oracle_file.hpp"

namespace {

using Eigen::MatrixXd;
using planner::analysis::SutModel;
using planner::analysis::symmetric_table;

// Products p1, p2; industries i1, i2. Industry i2 makes 10 of p1 as a secondary product.
//   S = [[90, 10], [0, 100]]  q = S·1 = (100, 100), g = Sᵀ·1 = (90, 110)
//   U = [[20, 30], [10, 40]]  intermediate inputs by industry (30, 70)
//   W = g − inputs = (60, 40);  Y = q − U·1 = (50, 50).
// S⁻¹ = (1/9000)[[100, −10], [0, 90]] = [[1/90, −1/900], [0, 1/100]].
struct Sut {
  MatrixXd s{2, 2}, u{2, 2}, y{2, 1}, w{1, 2};
  Sut() {
    s << 90, 10, 0, 100;
    u << 20, 30, 10, 40;
    y << 50, 50;
    w << 60, 40;
  }
};

void expect_matrix(const MatrixXd& got, std::initializer_list<double> want, const char* what) {
  MatrixXd m(got.rows(), got.cols());
  auto it = want.begin();
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    for (Eigen::Index j = 0; j < m.cols(); ++j) m(i, j) = *it++;
  oracle::expect_close(got, m, 0, 1e-12, what);
}

// A: R = S⁻¹ diag(q) = [[10/9, −1/9], [0, 1]]; Z = U R = [[200/9, 250/9], [100/9, 350/9]];
//    value added W R = (600/9, 300/9); final demand stays (50, 50); output q.
TEST(SupplyUse, ModelAProductTechnology) {
  const Sut t;
  const auto r = symmetric_table(t.s, t.u, t.y, t.w, SutModel::a, "s.csv");
  EXPECT_TRUE(r.product_by_product);
  expect_matrix(r.flows, {200.0 / 9, 250.0 / 9, 100.0 / 9, 350.0 / 9}, "model A Z");
  expect_matrix(r.value_added, {600.0 / 9, 300.0 / 9}, "model A W");
  expect_matrix(r.final_demand, {50, 50}, "model A Y");
  expect_matrix(r.output, {100, 100}, "model A q");
  EXPECT_TRUE(r.negatives.empty());
}

// B: R = diag(g)⁻¹ Sᵀ = [[1, 0], [1/11, 10/11]]; Z = U R = [[250/11, 300/11], [150/11, 400/11]];
//    value added (700/11, 400/11).
TEST(SupplyUse, ModelBIndustryTechnology) {
  const Sut t;
  const auto r = symmetric_table(t.s, t.u, t.y, t.w, SutModel::b, "s.csv");
  expect_matrix(r.flows, {250.0 / 11, 300.0 / 11, 150.0 / 11, 400.0 / 11}, "model B Z");
  expect_matrix(r.value_added, {700.0 / 11, 400.0 / 11}, "model B W");
  expect_matrix(r.output, {100, 100}, "model B q");
}

// C: T = diag(g) S⁻¹ = [[1, −1/10], [0, 11/10]]; Z = T U = [[19, 26], [11, 44]]; Y = T Y = (45, 55);
//    value added stays (60, 40); output g.
TEST(SupplyUse, ModelCFixedIndustrySales) {
  const Sut t;
  const auto r = symmetric_table(t.s, t.u, t.y, t.w, SutModel::c, "s.csv");
  EXPECT_FALSE(r.product_by_product);
  expect_matrix(r.flows, {19, 26, 11, 44}, "model C Z");
  expect_matrix(r.final_demand, {45, 55}, "model C Y");
  expect_matrix(r.value_added, {60, 40}, "model C W");
  expect_matrix(r.output, {90, 110}, "model C g");
}

// D: T = Sᵀ diag(q)⁻¹ = [[0.9, 0], [0.1, 1]]; Z = T U = [[18, 27], [12, 43]]; Y = (45, 55).
TEST(SupplyUse, ModelDFixedProductSales) {
  const Sut t;
  const auto r = symmetric_table(t.s, t.u, t.y, t.w, SutModel::d, "s.csv");
  expect_matrix(r.flows, {18, 27, 12, 43}, "model D Z");
  expect_matrix(r.final_demand, {45, 55}, "model D Y");
  expect_matrix(r.output, {90, 110}, "model D g");
}

// Every model balances: Z·1 + Y·1 = output = 1ᵀZ + 1ᵀW.
TEST(SupplyUse, EveryModelBalances) {
  const Sut t;
  for (auto m : {SutModel::a, SutModel::b, SutModel::c, SutModel::d}) {
    const auto r = symmetric_table(t.s, t.u, t.y, t.w, m, "s.csv");
    EXPECT_LE((r.flows.rowwise().sum() + r.final_demand.rowwise().sum() - r.output).cwiseAbs().maxCoeff(), 1e-12);
    EXPECT_LE((r.flows.colwise().sum() + r.value_added.colwise().sum() - r.output.transpose()).cwiseAbs().maxCoeff(), 1e-12);
  }
}

TEST(SupplyUse, DiagonalSupplyReturnsTheUseTable) {
  MatrixXd s = MatrixXd::Zero(3, 3), u(3, 3), y(3, 1), w(1, 3);
  s.diagonal() << 100, 250, 80;
  u << 10, 40, 5, 20, 60, 30, 5, 25, 10;
  y = s.rowwise().sum() - u.rowwise().sum();
  w = s.colwise().sum() - u.colwise().sum();
  for (auto m : {SutModel::a, SutModel::b, SutModel::c, SutModel::d}) {
    const auto r = symmetric_table(s, u, y, w, m, "s.csv");
    oracle::expect_close(r.flows, u, 1e-14, 1e-12, "diagonal supply: Z = U, model " + planner::analysis::describe(m));
    oracle::expect_close(r.final_demand, y, 1e-14, 1e-12, "diagonal supply: Y");
    oracle::expect_close(r.value_added, w, 1e-14, 1e-12, "diagonal supply: W");
  }
}

// With U = [[20, 2], [10, 40]] model A gives Z(p1, p2) = 20·(−1/9) + 2 = −2/9: reported.
TEST(SupplyUse, ModelANegativesAreReported) {
  Sut t;
  t.u << 20, 2, 10, 40;
  t.y << 78, 50;
  t.w << 60, 68;
  const auto r = symmetric_table(t.s, t.u, t.y, t.w, SutModel::a, "s.csv");
  ASSERT_EQ(r.negatives.size(), 1u);
  EXPECT_EQ(r.negatives[0].row, 0);
  EXPECT_EQ(r.negatives[0].col, 1);
  EXPECT_NEAR(r.negatives[0].value, -2.0 / 9, 1e-12);
  EXPECT_TRUE(symmetric_table(t.s, t.u, t.y, t.w, SutModel::d, "s.csv").negatives.empty());
}

TEST(SupplyUse, ModelsAAndCNeedASquareSupply) {
  MatrixXd s(3, 2), u = MatrixXd::Ones(3, 2), y = MatrixXd::Ones(3, 1), w = MatrixXd::Ones(1, 2);
  s << 1, 0, 0, 1, 1, 1;
  planner::expect_bad_input([&] { symmetric_table(s, u, y, w, SutModel::a, "s.csv"); }, {"s.csv", "3×2", "model B or D"});
  EXPECT_EQ(symmetric_table(s, u, y, w, SutModel::d, "s.csv").flows.rows(), 2);  // industry-by-industry
  EXPECT_EQ(symmetric_table(s, u, y, w, SutModel::b, "s.csv").flows.rows(), 3);  // product-by-product
}

}  // namespace
