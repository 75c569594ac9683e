#pragma once
// A plan carried onto an aggregated model (`planner aggregate --plan`, issue #23): what the
// plan states per sector, stated per group of the concordance C (groups × sectors). Goals
// are quantities, so they are summed like outputs: a group's goal is Σ_j C_gj · goal_j with
// a multiple read as multiple × x̄_j (kept as a multiple when every member has the same
// one: Σ C m x̄ = m x̄'). A sum means something only when every member of the group has a
// goal in the same year, so a goal on part of a group, or in mixed years, is refused.
// Actuals are summed per group and year (a group some of whose members were not recorded
// is dropped, with a note); the demand override and consumption floors are summed; max-output
// and max-consumption weights are carried where they are equal within a group.
#include <Eigen/Dense>
#include <string>
#include <vector>

#include "planner/model/plan.hpp"

namespace planner::analysis {

struct PlanAggregation {
  Plan plan;                       ///< goals, actuals, demand override and objective per group
  std::vector<std::string> notes;  ///< what was dropped or approximated
};

/// `p` on `aggregated` (the model aggregated from p.economy by `weights`, groups.size() ×
/// p.economy.size(), as analysis::aggregate takes it). Throws Error (exit 2) naming p.file and
/// the goal for a goal on only part of a group, goals of one group in different years,
/// unequal goal weights in a group, a weighted group goal, or objective weights unequal
/// within a group.
PlanAggregation aggregate_plan(const Plan& p, const Economy& aggregated, const std::vector<std::string>& groups,
                               const Eigen::MatrixXd& weights);

}  // namespace planner::analysis
