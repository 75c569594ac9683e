#pragma once
// What the output of a solved plan's last year T goes to, by use, from the LP's own material
// balance (spec §2), for structural decomposition of two plan variants (`planner decompose
// --plans`). With f_T = (I − A)·x_T the balance of year T reads
//   f_T = d_T + c_T + Bk·e_{T+ℓB} + (s_{T+1} − s_T) + (z_T − m_T) + A·(x_{T+ℓA} − x_T) + u_T
// — exogenous demand, consumption, investment in capacity, stock built up, net exports, the
// inputs bought ahead for next year's output (ℓA = 1), and output left unused (free disposal,
// or the rounding of the solve) — so x_T = L·Y_T·1 exactly, with Y_T's columns these uses.
#include "planner/lp/plan_result.hpp"
#include "planner/model/final_demand_categories.hpp"
#include "planner/model/plan.hpp"

namespace planner::lp {

/// Y_T of `plan`'s optimal `result` (categories demand, consumption, investment, stock_change,
/// net_exports, inputs_ahead, unused). Throws Error (exit 2) naming the plan when its model has
/// techniques ([[process]]: output is not L·f there).
FinalDemandCategories goal_year_uses(const Plan& plan, const PlanResult& result);

}  // namespace planner::lp
