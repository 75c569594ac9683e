#include "planner/analysis/static_analysis.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "planner/analysis/ghosh.hpp"
#include "planner/analysis/leontief.hpp"
#include "planner/analysis/multipliers.hpp"
#include "planner/analysis/productivity.hpp"
#include "planner/model/error.hpp"
#include "planner/model/techniques.hpp"

namespace planner::analysis {
namespace {

/// G = (I − B)⁻¹. With every x̄ > 0, B = diag(x̄)⁻¹·A·diag(x̄), so G = diag(x̄)⁻¹·L·diag(x̄)
/// (Miller & Blair §12.1) costs n² instead of a second factorisation; else factorise I − B.
Eigen::MatrixXd ghosh_from_leontief(const Eigen::MatrixXd& leontief, const Eigen::VectorXd& output,
                                    const Eigen::MatrixXd& allocation) {
  if (output.size() == 0 || !(output.minCoeff() > 0)) return ghosh_inverse(allocation);
  return output.cwiseInverse().asDiagonal() * leontief * output.asDiagonal();
}

}  // namespace

StaticAnalysis analyze(const Economy& economy) {
  // Leontief's inverse is of one technique per product; with processes A holds only what they left.
  if (const Process* p = first_make_process(economy))
    throw Error(ExitCode::bad_input, economy.file, "process",
                fmt::format("static input-output analysis needs one technique per product, but \"{}\" is made by "
                            "processes (\"{}\"); solve a plan on this model instead",
                            p->product, p->id));
  Productivity productivity = require_productive(economy);
  const auto n = static_cast<Eigen::Index>(economy.size());

  StaticAnalysis a;
  a.sectors = economy.sector_ids();
  a.output = economy.outputs();
  a.final_demand = economy.demands();
  a.technical = economy.technical;
  a.productive = productivity.productive;
  a.spectral_radius = productivity.spectral_radius;
  a.spectral_radius_lower = productivity.spectral_radius_lower;
  a.spectral_radius_upper = productivity.spectral_radius_upper;
  a.spectral_method = productivity.method;
  for (std::size_t j : productivity.inputs_exceed_output) a.inputs_exceed_output.push_back(a.sectors[j]);

  LeontiefSystem system(economy.technical);
  a.leontief_inverse = system.leontief_inverse();
  a.flows = intermediate_flows(economy);
  a.allocation = allocation_coefficients(a.flows, a.output);
  a.ghosh_inverse = ghosh_from_leontief(a.leontief_inverse, a.output, a.allocation);
  a.residual = system.inverse_residual(a.leontief_inverse);
  a.required_output = system.output_for(a.final_demand);
  a.residual = std::max(a.residual, system.residual(a.required_output, a.final_demand));
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
  a.residual = std::max(a.residual, system.residual_transposed(a.prices, a.value_added.coefficients));
  return a;
}

}  // namespace planner::analysis
