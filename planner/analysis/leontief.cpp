#include "planner/analysis/leontief.hpp"

#include <stdexcept>

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
  if (size() == 0) return Eigen::MatrixXd(0, 0);
  return lu_.solve(Eigen::MatrixXd::Identity(size(), size()));
}

Eigen::MatrixXd leontief_inverse(const Eigen::MatrixXd& technical) {
  return LeontiefSystem(technical).leontief_inverse();
}

}  // namespace planner::analysis
