#pragma once
// The verdicts compare_plan adds to a PlanComparison once its products are built (issue #17):
// frontiers (a) and (b) through the options' solvers, the history test, a line for every
// figure below its base year, and the three sentences at the top of the plan.
#include <string>
#include <vector>

#include "planner/report/comparison.hpp"

namespace planner {

/// Frontier (a) of every product: its most with every goal of `posed` held at λ* (options.frontier).
void add_frontiers(const Plan& plan, const Plan& posed, const std::vector<const Goal*>& weighted,
                   const ComparisonOptions& options, PlanComparison& c);

/// The history test, frontier (b) of every product, and why a recorded figure may mislead (options.history).
void add_history(const Plan& plan, const std::vector<const Goal*>& weighted, const ComparisonOptions& options,
                 PlanComparison& c);

/// Sets ProductComparison::below_base for every product whose feasible figure is below its base year.
void explain_below_base(PlanComparison& c);

/// How much of the plan was feasible, what held it back, how history compares (empty without λ).
std::vector<std::string> plan_summary(const PlanComparison& c);

}  // namespace planner
