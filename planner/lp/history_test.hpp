#pragma once
// History tested against the model (issue #17): is what history recorded — every product with an
// actual, in its year — jointly reachable in the model from the base year? If the model cannot
// reproduce history, every verdict it gives on the plans is suspect, so reports open with this.
//
// The records become the goals of a max-fulfilment plan (the plan truncated to the latest
// record's year, no terminal condition, free disposal in the last year): θ* is the largest
// share of every record reachable at once, and history is feasible when θ* ≥ 1. When it is
// not, the records are held at 100 % and the elastic re-solve of the diagnosis (with penalties
// relative to each row's size) names the balances, capacities and resources that must move.
#include <optional>
#include <string>
#include <vector>

#include "planner/lp/diagnosis.hpp"
#include "planner/lp/frontier.hpp"
#include "planner/lp/lp_solution.hpp"
#include "planner/model/plan.hpp"

namespace planner::lp {

/// One recorded outcome the test holds: sector, plan year, value.
struct HistoryRecord {
  std::string sector;
  int year = 0;        ///< plan year t (1…T)
  double value = 0.0;
};

struct HistoryTest {
  /// "feasible", "infeasible" (the records are not jointly reachable), "model-infeasible" (not
  /// even a zero share: the model cannot meet its own demand), "not-applicable" (no record in
  /// the plan's years), "error" (a solve failed).
  std::string status = "not-applicable";
  std::string verdict;                 ///< one sentence
  int last_year = 0;                   ///< plan year of the latest record
  std::optional<double> share;         ///< θ*: the largest share of every record reachable at once
  std::vector<HistoryRecord> records;
  std::vector<Violation> relaxation;   ///< infeasible: the least change, largest first
  std::vector<std::string> findings;   ///< the relaxation in words, one per row
};

/// The records of `plan` (actuals in plan years 1…T; a base-year actual is data, not tested);
/// throws Error (exit 2, key actual.<id>) for an actual after the plan's last year.
std::vector<HistoryRecord> history_records(const Plan& plan);

/// The max-fulfilment plan whose goals are the records (goal ids "<sector>@<calendar year>").
Plan history_plan(const Plan& plan);

/// Frontier (b): for each product, the most of it in its year (read in the latest record's year
/// when later) with every *other* record held at its value — in the model granted the least
/// change (the elastic re-solve, penalties relative to each row's size) that makes those other
/// records reachable, when they are not. "Given what history delivered elsewhere, how much
/// steel was possible?"
std::vector<FrontierValue> history_frontier(const Plan& plan, const std::vector<FrontierProduct>& products,
                                            const SolveOptions& options = {});

/// Runs the test with CLP.
HistoryTest test_history(const Plan& plan, const SolveOptions& options = {});
/// The same with another solver.
HistoryTest test_history(const Plan& plan, const SolveOptions& options, const LpSolver& solver);

}  // namespace planner::lp
