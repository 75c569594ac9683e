#include "planner/analysis/static_analysis.hpp"

#include "planner/analysis/ghosh.hpp"
#include "planner/analysis/leontief.hpp"
#include "planner/analysis/multipliers.hpp"
#include "planner/analysis/productivity.hpp"

namespace planner::analysis {

StaticAnalysis analyze(const Economy& economy) {
  Productivity productivity = require_productive(economy);
  const auto n = static_cast<Eigen::Index>(economy.size());

  StaticAnalysis a;
  a.sectors = economy.sector_ids();
  a.output = economy.outputs();
  a.final_demand = economy.demands();
  a.technical = economy.technical;
  a.productive = productivity.productive;
  a.spectral_radius = productivity.spectral_radius;
  for (std::size_t j : productivity.inputs_exceed_output) a.inputs_exceed_output.push_back(a.sectors[j]);

  LeontiefSystem system(economy.technical);
  a.leontief_inverse = system.leontief_inverse();
  a.flows = intermediate_flows(economy);
  a.allocation = allocation_coefficients(a.flows, a.output);
  a.ghosh_inverse = ghosh_inverse(a.allocation);
  a.output_multipliers = output_multipliers(a.leontief_inverse);
  a.linkages = linkages(a.leontief_inverse, a.ghosh_inverse);

  a.input_multipliers = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(economy.resources.size()), n);
  for (std::size_t r = 0; r < economy.resources.size(); ++r) {
    const auto& res = economy.resources[r];
    a.resources.push_back(res.id);
    if (res.per_output.size() == n)
      a.input_multipliers.row(static_cast<Eigen::Index>(r)) = input_multipliers(system, res.per_output).transpose();
  }

  a.value_added = value_added_coefficients(economy);
  a.prices = prices(system, a.value_added.coefficients);
  return a;
}

}  // namespace planner::analysis
