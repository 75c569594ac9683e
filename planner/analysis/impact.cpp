#include "planner/analysis/impact.hpp"

#include "planner/analysis/productivity.hpp"
#include "planner/analysis/sector_lookup.hpp"
#include "planner/model/error.hpp"

namespace planner::analysis {

Eigen::VectorXd demand_change_vector(const Economy& economy,
                                     const std::vector<std::pair<std::string, double>>& changes) {
  Eigen::VectorXd df = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(economy.size()));
  std::vector<bool> seen(economy.size(), false);
  for (const auto& [id, value] : changes) {
    std::size_t i = sector_index_or_throw(economy, id, "--change");
    if (seen[i]) throw Error(ExitCode::usage, "", "--change", "sector '" + id + "' is changed twice; give one total change");
    seen[i] = true;
    df[static_cast<Eigen::Index>(i)] = value;
  }
  return df;
}

DemandImpact demand_impact(const Economy& economy, const LeontiefSystem& system,
                           const Eigen::VectorXd& demand_change) {
  DemandImpact d;
  d.demand_change = demand_change;
  d.output_change = system.output_for(demand_change);
  d.total_output_change = d.output_change.sum();
  d.resource_change = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(economy.resources.size()));
  for (std::size_t r = 0; r < economy.resources.size(); ++r) {
    const auto& k = economy.resources[r].per_output;
    if (k.size() == d.output_change.size()) d.resource_change[static_cast<Eigen::Index>(r)] = k.dot(d.output_change);
  }
  return d;
}

DemandImpact demand_impact(const Economy& economy, const Eigen::VectorXd& demand_change) {
  require_productive(economy);
  return demand_impact(economy, LeontiefSystem(economy.technical), demand_change);
}

}  // namespace planner::analysis
