#pragma once
// The second stage of a goal objective (issue #17). max-fulfilment's λ* (or min-shortfall's
// least shortfall) fixes how much of the goals is feasible, but leaves every product without a
// goal wherever the optimal vertex puts it — often far below the base year, because the LP
// gains nothing by producing it. The second stage holds the first optimum and makes the rest
// of the economy as large as it can be, in two steps:
//   floor: maximise μ with x[j,T] ≥ μ·x̄_j for every sector without a goal (x̄_j > 0), so no
//          such product is sacrificed for another;
//   size:  hold μ*, maximise Σ_j w_j x[j,T] over every sector, w_j = 1/x̄_j ("base-output":
//          each product's growth counts alike) or the sector's price ("prices").
// Shadow prices stay those of the first stage (valuations of λ); quantities come from the last.
#include <optional>
#include <string>
#include <vector>

#include "planner/lp/linear_program.hpp"
#include "planner/lp/plan_lp_builder.hpp"
#include "planner/model/plan.hpp"

namespace planner::lp {

/// True when `plan` gets a second stage: a goal objective, no `then`, second_stage ≠ none.
bool has_second_stage(const Plan& plan);

/// One flag per sector: true when a goal binds its output on its own (a sector goal, or an
/// unweighted group goal of a group it belongs to).
std::vector<bool> sectors_with_goals(const Plan& plan);

/// The plan's LP with its primary objective held at the optimum z, within tol·max(1,|z|)
/// (row hold[<kind>]), and no objective.
LinearProgram held_first_stage(const PlanLp& plan_lp, double z, double tol = 1e-12);

/// The floor stage: `held` plus a column second_stage_growth (μ) and the rows
/// second_stage_floor[j]; maximises μ. nullopt when no sector without a goal has x̄_j > 0.
std::optional<LinearProgram> floor_stage(const Plan& plan, const PlanLp& plan_lp, const LinearProgram& held);

/// The size stage: `lp` (the floor stage, or the held LP when there is none) with μ, when
/// given, held at `mu` (within tol·max(1,|μ|)), and Σ_j w_j x[j,T] maximised.
LinearProgram size_stage(const Plan& plan, const PlanLp& plan_lp, const LinearProgram& lp, std::optional<double> mu,
                         double tol = 1e-12);

/// The size stage's weights w_j (throws Error, exit 2, when "prices" meets a sector without one).
std::vector<double> second_stage_weights(const Plan& plan);

}  // namespace planner::lp
