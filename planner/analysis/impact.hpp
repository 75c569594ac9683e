#pragma once
// Demand-driven impact (spec §1): a change Δf in final demand changes gross output by
// Δx = L·Δf in every sector (direct and indirect), and each resource's use by k·Δx.
#include <Eigen/Dense>
#include <string>
#include <utility>
#include <vector>

#include "planner/analysis/leontief.hpp"
#include "planner/model/economy.hpp"

namespace planner::analysis {

struct DemandImpact {
  Eigen::VectorXd demand_change;    ///< Δf, one per sector
  Eigen::VectorXd output_change;    ///< Δx = L·Δf
  double total_output_change = 0;   ///< Σ_j Δx_j
  Eigen::VectorXd resource_change;  ///< Σ_j k_r[j]·Δx_j, one per resource of the economy
};

/// Δf from (sector id, change) pairs; an unknown or repeated id throws Error(usage).
Eigen::VectorXd demand_change_vector(const Economy& economy,
                                     const std::vector<std::pair<std::string, double>>& changes);

/// Δx = L·Δf, its total and the resources' changes, solved with `system` (the economy's I − A).
DemandImpact demand_impact(const Economy& economy, const LeontiefSystem& system,
                           const Eigen::VectorXd& demand_change);

/// Same, factorising I − A of `economy` (refused with Error(bad_input) when not productive).
DemandImpact demand_impact(const Economy& economy, const Eigen::VectorXd& demand_change);

}  // namespace planner::analysis
