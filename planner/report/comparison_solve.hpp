#pragma once
// The comparison's default PlanSolver: the LP library's solve_plan, its result reduced to
// what a comparison reads (outputs, trade, λ, and the binding rows parsed into words).
#include "planner/lp/history_test.hpp"
#include "planner/lp/plan_result.hpp"
#include "planner/report/comparison.hpp"

namespace planner {

/// The SolveSummary of an LP result: binding rows with a nonzero shadow price, parsed from
/// their names (balance[coal,3], capacity[coal,2], labour[4], goal[coal], currency[2], …).
SolveSummary summarise(const Plan& plan, const lp::PlanResult& result);

/// Parses one LP row name into kind, subject and plan year (−1 when it has none).
BindingConstraint describe_row(const Plan& plan, const std::string& row, double shadow_price);

/// Solves `plan` with the LP library (CLP) and summarises it.
SolveSummary solve_for_comparison(const Plan& plan);

/// Frontier (a) by the LP library (planner/lp/frontier.hpp): one LP, warm re-solves.
FrontierSolver frontier_with_clp(const lp::SolveOptions& options = {});

/// The history test and frontier (b) by the LP library (planner/lp/history_test.hpp); the
/// answer's year is a plan year.
HistorySolver history_with_clp(const lp::SolveOptions& options = {});

/// A HistorySummary of the library's test (findings and verdict as they are; year a plan year).
HistorySummary summarise(const lp::HistoryTest& test);

}  // namespace planner
