#pragma once
// A Monte Carlo run's summary as text (terminal), CSV (stable columns for scripts) and JSON.
//   CSV: plan,product,year,p5,p25,p50,p75,p95,prob_goal_feasible — one row per product and
//   plan year; prob_goal_feasible is empty where the plan states no goal.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "planner/uncertainty/plan_uncertainty.hpp"

namespace planner::uncertainty {

/// What every format states about the run itself.
struct RunHeader {
  std::size_t samples = 0;
  std::uint64_t seed = 0;
};

/// Full precision, shortest form that reads back exactly (the same on every machine).
std::string exact(double v);
/// A figure for a terminal: about four significant digits.
std::string readable(double v);
/// {"p5": …, "p25": …, "p50": …, "p75": …, "p95": …}
nlohmann::json band_json(const Band& b);

std::string to_csv(const std::vector<PlanUncertainty>& plans);
nlohmann::json to_json(const RunHeader& run, const std::vector<PlanUncertainty>& plans);
std::string to_text(const RunHeader& run, const std::vector<PlanUncertainty>& plans);
/// The run in `format` ("table", "csv" or "json"): what `uncertainty` and `merge` both print.
std::string format_run(const RunHeader& run, const std::vector<PlanUncertainty>& plans, const std::string& format);

}  // namespace planner::uncertainty
