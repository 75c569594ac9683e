#include "planner/analysis/ghosh.hpp"

#include <stdexcept>

namespace planner::analysis {

Eigen::MatrixXd allocation_coefficients(const Eigen::MatrixXd& flows, const Eigen::VectorXd& output) {
  if (flows.rows() != flows.cols() || flows.rows() != output.size())
    throw std::invalid_argument("allocation_coefficients: Z must be n×n and x of length n");
  Eigen::MatrixXd b = Eigen::MatrixXd::Zero(flows.rows(), flows.cols());
  for (Eigen::Index i = 0; i < flows.rows(); ++i)
    if (output[i] != 0.0) b.row(i) = flows.row(i) / output[i];
  return b;
}

Eigen::MatrixXd ghosh_inverse(const Eigen::MatrixXd& allocation) {
  const Eigen::Index n = allocation.rows();
  if (n == 0) return Eigen::MatrixXd(0, 0);
  Eigen::PartialPivLU<Eigen::MatrixXd> lu(Eigen::MatrixXd::Identity(n, n) - allocation);
  return lu.solve(Eigen::MatrixXd::Identity(n, n));
}

}  // namespace planner::analysis
