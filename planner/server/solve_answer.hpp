#pragma once
// The page's answer to "solve this plan": the result of `planner solve --format json` as it is
// (key `result`), and beside it what the page draws — per product the base year, goal,
// feasible output and recorded outcome, the binding rows grouped into sentences with their
// shadow prices, and the diagnosis when the plan has no optimum. JSON translation only.
#include <nlohmann/json.hpp>

#include "planner/lp/plan_result.hpp"
#include "planner/model/plan.hpp"

namespace planner::server {

/// {status, result, fulfilment, objective_kind, years, products, binding, binding_rows, diagnosis}.
nlohmann::json solve_answer(const Plan& plan, const lp::PlanResult& result);

}  // namespace planner::server
