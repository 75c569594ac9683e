#include "planner/analysis/leontief.hpp"

#include <algorithm>
#include <stdexcept>

#include "planner/analysis/parallel_ranges.hpp"

namespace planner::analysis {

Eigen::MatrixXd technical_coefficients(const Eigen::MatrixXd& flows, const Eigen::VectorXd& output) {
  if (flows.rows() != flows.cols() || flows.cols() != output.size())
    throw std::invalid_argument("technical_coefficients: Z must be n×n and x of length n");
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(flows.rows(), flows.cols());
  for (Eigen::Index j = 0; j < flows.cols(); ++j)
    if (output[j] != 0.0) a.col(j) = flows.col(j) / output[j];
  return a;
}

Eigen::MatrixXd intermediate_flows(const Economy& economy) {
  if (economy.flows) return *economy.flows;
  return economy.technical * economy.outputs().asDiagonal();
}

LeontiefSystem::LeontiefSystem(Eigen::MatrixXd technical) : technical_(std::move(technical)) {
  if (technical_.rows() != technical_.cols())
    throw std::invalid_argument("LeontiefSystem: the technical matrix must be square");
  if (technical_.size() > 0)
    lu_.compute(Eigen::MatrixXd::Identity(technical_.rows(), technical_.cols()) - technical_);
}

Eigen::VectorXd LeontiefSystem::output_for(const Eigen::VectorXd& final_demand) const {
  if (size() == 0) return Eigen::VectorXd(0);
  return lu_.solve(final_demand);
}

Eigen::VectorXd LeontiefSystem::solve_transposed(const Eigen::VectorXd& v) const {
  if (size() == 0) return Eigen::VectorXd(0);
  return lu_.transpose().solve(v);
}

Eigen::MatrixXd LeontiefSystem::leontief_inverse() const {
  const Eigen::Index n = size();
  if (n == 0) return Eigen::MatrixXd(0, 0);
  // P·(I − A) = L_lu·U, so L = U⁻¹·L_lu⁻¹·P.
  const Eigen::MatrixXd& lu = lu_.matrixLU();
  const Eigen::Index width = 128;  // column block: wide enough for Eigen's blocked triangular solve
  const Eigen::Index blocks = (n + width - 1) / width;
  const int workers = worker_count(n * n);
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(n, n);
  // W = L_lu⁻¹, unit lower triangular: block [c0, c0+k) is zero above row c0, so each block
  // solves with the trailing corner only (n³/3 flops in all instead of n³). The blocks are
  // independent; the early ones cost most, so threads take them one at a time.
  parallel_tasks(blocks, workers, [&](Eigen::Index b) {
    const Eigen::Index c0 = b * width, k = std::min(width, n - c0), m = n - c0;
    auto block = w.block(c0, c0, m, k);
    block.topRows(k).setIdentity();
    lu.bottomRightCorner(m, m).triangularView<Eigen::UnitLower>().solveInPlace(block);
  });
  // W ← U⁻¹·W, by independent column blocks (n³ flops).
  parallel_tasks(blocks, workers, [&](Eigen::Index b) {
    const Eigen::Index c0 = b * width, k = std::min(width, n - c0);
    auto block = w.middleCols(c0, k);
    lu.triangularView<Eigen::Upper>().solveInPlace(block);
  });
  return w * lu_.permutationP();
}

namespace {
double relative(double r, double scale) { return scale > 0 ? r / scale : r; }
}  // namespace

double LeontiefSystem::residual(const Eigen::VectorXd& x, const Eigen::VectorXd& f) const {
  if (size() == 0) return 0.0;
  return relative((x - technical_ * x - f).norm(), f.norm());
}

double LeontiefSystem::residual_transposed(const Eigen::VectorXd& p, const Eigen::VectorXd& v) const {
  if (size() == 0) return 0.0;
  return relative((p - technical_.transpose() * p - v).norm(), v.norm());
}

double LeontiefSystem::inverse_residual(const Eigen::MatrixXd& leontief_inverse) const {
  if (size() == 0) return 0.0;
  const Eigen::VectorXd ones = Eigen::VectorXd::Ones(size());
  return residual(leontief_inverse * ones, ones);
}

Eigen::MatrixXd leontief_inverse(const Eigen::MatrixXd& technical) {
  return LeontiefSystem(technical).leontief_inverse();
}

}  // namespace planner::analysis
