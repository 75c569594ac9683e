#pragma once
// The Ghosh (supply-side) model: allocation coefficients B = diag(x)⁻¹·Z (share of sector i's
// output sold to sector j) and the Ghosh inverse G = (I − B)⁻¹, whose row sums are the
// forward linkages. Needs Z and x: use intermediate_flows() when the file gave only A.
#include <Eigen/Dense>

namespace planner::analysis {

/// B = diag(x)⁻¹·Z; a row whose output is 0 is zeros (the sector sells nothing).
Eigen::MatrixXd allocation_coefficients(const Eigen::MatrixXd& flows, const Eigen::VectorXd& output);

/// G = (I − B)⁻¹: total output enabled downstream per unit of primary input into each sector.
Eigen::MatrixXd ghosh_inverse(const Eigen::MatrixXd& allocation);

}  // namespace planner::analysis
