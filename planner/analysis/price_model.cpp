#include "planner/analysis/price_model.hpp"

namespace planner::analysis {

ValueAdded value_added_coefficients(const Economy& economy) {
  const auto n = static_cast<Eigen::Index>(economy.size());
  ValueAdded v;
  v.coefficients = Eigen::VectorXd::Zero(n);
  for (const auto& r : economy.resources) {
    if (!r.value_added) continue;
    v.resources.push_back(r.id);
    if (r.per_output.size() == n) v.coefficients += r.per_output;
  }
  if (v.resources.empty())
    v.coefficients = Eigen::VectorXd::Ones(n) - economy.technical.colwise().sum().transpose();
  return v;
}

Eigen::VectorXd prices(const LeontiefSystem& system, const Eigen::VectorXd& value_added) {
  return system.solve_transposed(value_added);
}

Eigen::VectorXd price_change(const LeontiefSystem& system, const Eigen::VectorXd& value_added_change) {
  return system.solve_transposed(value_added_change);
}

}  // namespace planner::analysis
