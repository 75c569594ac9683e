#pragma once
// Multipliers (spec §1): what one more unit of final demand for sector j sets off in the
// whole economy, directly and indirectly.
#include <Eigen/Dense>

#include "planner/analysis/leontief.hpp"

namespace planner::analysis {

/// Output multipliers: column sums of L, total output of all sectors per unit of final demand for j.
Eigen::VectorXd output_multipliers(const Eigen::MatrixXd& leontief_inverse);

/// Type-I input multipliers k·L for a primary input with coefficients k (use per unit of output):
/// its use in the whole economy per unit of final demand for each sector.
Eigen::VectorXd input_multipliers(const LeontiefSystem& system, const Eigen::VectorXd& per_output);

}  // namespace planner::analysis
