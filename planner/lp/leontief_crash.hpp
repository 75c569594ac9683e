#pragma once
// The Leontief crash basis of a plan LP (issue #5: "a starting basis from the Leontief
// solution"): the basis of the path on which the economy simply reproduces itself. Output
// x[i,t] is basic in the balance of (i, t) for t ≥ 1, x[i,H] in the terminal row of i, the
// opening stock s[i,1] in the year-0 balance; every capacity, resource and currency slack is
// basic. The basis matrix is block-triangular in time (balance t pivots on x[·,t]; the
// technical terms −A·x[·,t+ℓA] belong to later years) except for years 0–1 and, with ℓA = 0,
// every year, whose blocks are I − A: nonsingular for a productive economy (and CLP puts
// slacks back into a singular start). The primal simplex starts where a planner would: every
// sector producing. Measured on the generated plan family (docs/performance.md): 20–40 %
// fewer primal iterations but dearer ones, no time gain at n = 1,000 — so it is opt-in
// (SolveOptions::crash, `--crash`).
#include "planner/lp/lp_solution.hpp"
#include "planner/lp/plan_lp_builder.hpp"

namespace planner::lp {

/// The crash basis of `plan_lp` (built from `plan`), as (column, row) pairs.
StartingBasis leontief_crash_basis(const Plan& plan, const PlanLp& plan_lp);

}  // namespace planner::lp
