#pragma once
// `planner compare --samples N`: the report's plans drawn N times over their uncertain numbers,
// each draw posed as the comparison poses it (max-fulfilment, then the second stage), so the
// bands are around the report's own "feasible" figures; optionally the Sobol ranking of the
// inputs for λ*. Fills each PlanComparison's `bands` (planner/report/plan_bands.hpp).
#include <cstdint>
#include <string>
#include <vector>

#include "planner/report/comparison.hpp"
#include "planner/uncertainty/plan_sensitivity.hpp"
#include "planner/uncertainty/plan_uncertainty.hpp"

namespace planner::uncertainty {

struct BandOptions {
  std::size_t samples = 0;
  std::uint64_t seed = 1;
  std::size_t sobol = 0;  ///< Saltelli base samples for the ranking (0: none)
  BaseYearClosure closure = BaseYearClosure::hold_use;
  unsigned threads = 0;   ///< 0: PLANNER_THREADS or every core
};

/// The bands of one plan from its run's summary (and ranking, when given).
PlanBands plan_bands(const UncertainPlan& plan, const PlanUncertainty& run, const PlanSensitivity* ranking);

/// Draws every plan of `c` (read from `files`, in the same order) and fills its bands.
/// `progress` is told (done, total) over all plans' solves.
void add_bands(Comparison& c, const std::vector<std::string>& files, const BandOptions& options,
               const lp::SolveOptions& solve, const DrawProgress& progress = {});

}  // namespace planner::uncertainty
