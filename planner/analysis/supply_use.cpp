#include "planner/analysis/supply_use.hpp"

#include <fmt/format.h>

#include <Eigen/Sparse>
#include <algorithm>

#include "planner/model/error.hpp"

namespace planner::analysis {
namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;
using SparseMatrix = Eigen::SparseMatrix<double>;

/// diag(v)⁻¹, refusing a zero entry (a product or industry without output).
VectorXd inverse_of(const VectorXd& v, const char* what, const std::string& source) {
  for (Index k = 0; k < v.size(); ++k)
    if (v[k] == 0)
      throw_bad_input(source, fmt::format("{} {}", what, k + 1),
                      std::string("its total output in the supply table is 0; this model divides by it"));
  return v.cwiseInverse();
}

/// S⁻¹ for models A and C: S must be square and nonsingular.
MatrixXd supply_inverse(const MatrixXd& s, const std::string& source) {
  if (s.rows() != s.cols())
    throw_bad_input(source, "",
                    fmt::format("models A and C need as many products as industries (S⁻¹); the supply table is {}×{}: use "
                                "model B or D, or aggregate first",
                                s.rows(), s.cols()));
  Eigen::FullPivLU<MatrixXd> lu(s);
  if (!lu.isInvertible())
    throw_bad_input(source, "", "the supply table is singular (rank " + std::to_string(lu.rank()) +
                                    "): models A and C need S⁻¹; use model B or D");
  return lu.inverse();
}

}  // namespace

std::string describe(SutModel model) {
  switch (model) {
    case SutModel::a: return "A (product-by-product, product technology)";
    case SutModel::b: return "B (product-by-product, industry technology)";
    case SutModel::c: return "C (industry-by-industry, fixed industry sales structure)";
    case SutModel::d: return "D (industry-by-industry, fixed product sales structure)";
  }
  return "";
}

SymmetricTable symmetric_table(const MatrixXd& s, const MatrixXd& u, const MatrixXd& y, const MatrixXd& w, SutModel model,
                               const std::string& source) {
  const VectorXd q = s.rowwise().sum(), g = s.colwise().sum().transpose();
  SymmetricTable t;
  t.product_by_product = model == SutModel::a || model == SutModel::b;
  if (t.product_by_product) {
    // Columns from industries to products: R (industries × products), Z = U R, W_p = W R.
    if (model == SutModel::a) {
      const MatrixXd r = supply_inverse(s, source) * q.asDiagonal();
      t.flows = u * r;
      t.value_added = w * r;
    } else {
      // S holds a few products per industry: sparse, R costs nnz(S)·rows(U) flops, not n³.
      const SparseMatrix rb = inverse_of(g, "industry", source).asDiagonal() * SparseMatrix(s.transpose().sparseView());
      t.flows = u * rb;
      t.value_added = w * rb;
    }
    t.final_demand = y;
    t.output = q;
  } else {
    // Rows from products to industries: T (industries × products), Z = T U, Y_i = T Y.
    if (model == SutModel::c) {
      const MatrixXd tr = g.asDiagonal() * supply_inverse(s, source);
      t.flows = tr * u;
      t.final_demand = tr * y;
    } else {
      const SparseMatrix tr = SparseMatrix(s.transpose().sparseView()) * inverse_of(q, "product", source).asDiagonal();
      t.flows = tr * u;
      t.final_demand = tr * y;
    }
    t.value_added = w;
    t.output = g;
  }
  // Rounding in S⁻¹ leaves cells of −1e-16 · max|Z| where the exact value is 0: those are zeros, not negatives.
  const double noise = 1e-12 * std::max(1.0, t.flows.cwiseAbs().maxCoeff());
  for (Index j = 0; j < t.flows.cols(); ++j)
    for (Index i = 0; i < t.flows.rows(); ++i) {
      if (t.flows(i, j) < 0 && t.flows(i, j) >= -noise) t.flows(i, j) = 0.0;
      if (t.flows(i, j) < 0) t.negatives.push_back({i, j, t.flows(i, j)});
    }
  std::sort(t.negatives.begin(), t.negatives.end(), [](const NegativeCell& a, const NegativeCell& b) { return a.value < b.value; });
  return t;
}

}  // namespace planner::analysis
