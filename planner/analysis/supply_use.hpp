#pragma once
// Supply–use tables to a symmetric input–output table by the four models of the Eurostat
// Manual of Supply, Use and Input–Output Tables (2008), ch. 11. Supply S and use U are
// product × industry: S[p][j] = output of product p by industry j, U[p][j] = use of product
// p by industry j; q = S·1 is the output of each product, g = Sᵀ·1 of each industry.
//
//   A  product-by-product, product technology:     Z = U · S⁻¹ · diag(q)      (S square)
//   B  product-by-product, industry technology:    Z = U · diag(g)⁻¹ · Sᵀ
//   C  industry-by-industry, fixed industry sales: Z = diag(g) · S⁻¹ · U      (S square)
//   D  industry-by-industry, fixed product sales:  Z = Sᵀ · diag(q)⁻¹ · U
//
// A and B transform the columns (industries → products): value added W is transformed the
// same way and final demand stays by product. C and D transform the rows (products →
// industries): final demand Y is transformed the same way and value added stays by
// industry. Every model keeps the table balanced (row sums + final demand = column sums +
// value added = output q or g); a diagonal S makes all four return U. A and C can give
// negative cells, which are reported (SymmetricTable::negatives), never hidden.
#include <Eigen/Dense>
#include <string>
#include <vector>

namespace planner::analysis {

enum class SutModel { a, b, c, d };

/// A negative cell of a derived table (model A or C).
struct NegativeCell {
  Eigen::Index row = 0, col = 0;
  double value = 0;
};

struct SymmetricTable {
  bool product_by_product = true;  ///< models A, B: sectors are products; C, D: industries
  Eigen::MatrixXd flows;           ///< Z (n × n)
  Eigen::MatrixXd final_demand;    ///< n × final-demand categories
  Eigen::MatrixXd value_added;     ///< value-added rows × n
  Eigen::VectorXd output;          ///< q (A, B) or g (C, D)
  std::vector<NegativeCell> negatives;  ///< cells of Z below 0, most negative first
};

/// Derives the symmetric table. `final_demand` is products × categories, `value_added` rows
/// × industries. Throws Error (exit 2, naming `source`) when a model needs S⁻¹ and S is not
/// square or is singular, and when a product or industry has no output (q or g zero) where
/// the model divides by it.
SymmetricTable symmetric_table(const Eigen::MatrixXd& supply, const Eigen::MatrixXd& use,
                               const Eigen::MatrixXd& final_demand, const Eigen::MatrixXd& value_added, SutModel model,
                               const std::string& source);

/// "A" … "D" and the manual's name of the model.
std::string describe(SutModel model);

}  // namespace planner::analysis
