#pragma once
// The Leontief price model (spec §1): unit prices that just cover intermediate inputs and
// value added, p = (I − A)ᵀ⁻¹·vᵀ, i.e. p_j = Σ_i A[i][j]·p_i + v_j.
//
// Value added v (per unit of output) is the sum of `per_output` of every resource flagged
// `value_added = true` in the model. When no resource is flagged, v is the residual
// 1 − (column sum of A): in a value table at base-year prices that residual is exactly each
// sector's primary-input share, so the base prices come out as 1 and a change Δv shows as a
// price index change. With flagged resources that do not cover every primary input (e.g.
// gross value added without imports or product taxes) prices fall below 1 by the uncovered share.
// Note p = Lᵀ·v is the transpose of v·L: each price equals the value-added input multiplier of
// its sector (value added embodied in one unit of final demand for it).
#include <Eigen/Dense>
#include <string>
#include <vector>

#include "planner/analysis/leontief.hpp"
#include "planner/model/economy.hpp"

namespace planner::analysis {

struct ValueAdded {
  Eigen::VectorXd coefficients;        ///< v_j, value added per unit of sector j's output
  std::vector<std::string> resources;  ///< the resources summed; empty = residual 1 − column sums of A
};

/// v: the sum of per_output of resources flagged value_added, or 1 − column sums of A when none is.
ValueAdded value_added_coefficients(const Economy& economy);

/// p = (I − A)ᵀ⁻¹·v: unit prices covering inputs and value added v.
Eigen::VectorXd prices(const LeontiefSystem& system, const Eigen::VectorXd& value_added);

/// Δp = Lᵀ·Δv: the price change from a change Δv in value-added coefficients (cost push).
Eigen::VectorXd price_change(const LeontiefSystem& system, const Eigen::VectorXd& value_added_change);

}  // namespace planner::analysis
