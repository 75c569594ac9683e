#include "planner/analysis/multipliers.hpp"

namespace planner::analysis {

Eigen::VectorXd output_multipliers(const Eigen::MatrixXd& leontief_inverse) {
  return leontief_inverse.colwise().sum().transpose();
}

Eigen::VectorXd input_multipliers(const LeontiefSystem& system, const Eigen::VectorXd& per_output) {
  // (k·L)ᵀ = Lᵀ·kᵀ: one transposed solve, no inverse needed.
  return system.solve_transposed(per_output);
}

}  // namespace planner::analysis
