#pragma once
// Which assumptions a plan's headline results hang on: Sobol first-order (S1) and total (ST)
// indices of every independent input (a group, or an ungrouped uncertain number) by Saltelli
// sampling, N·(k + 2) solves (sobol.hpp). The headline results are λ* (or the objective) and
// each goal's feasible target in its goal year. A design row with a draw without an optimum
// has no value there and is dropped (counted): the indices then describe the draws that solve.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "planner/uncertainty/plan_draws.hpp"
#include "planner/uncertainty/plan_uncertainty.hpp"

namespace planner::uncertainty {

struct InputSensitivity {
  std::string input;  ///< the group's name, or the number's key path
  double s1 = 0, s1_conf = 0, st = 0, st_conf = 0;
};

struct ResultSensitivity {
  std::string result;                   ///< "lambda", or "<product> <year>"
  std::vector<InputSensitivity> inputs; ///< largest ST first
  std::size_t dropped_rows = 0;         ///< base rows dropped for a draw without an optimum
};

struct PlanSensitivity {
  std::string plan;
  std::size_t base_samples = 0;  ///< N
  std::size_t inputs = 0;        ///< k
  std::vector<ResultSensitivity> results;
};

/// Solves the Saltelli design of `base_samples` rows over the plan's inputs.
PlanSensitivity sobol_sensitivity(const UncertainPlan& plan, std::size_t base_samples, std::uint64_t seed,
                                  const lp::SolveOptions& options, unsigned threads = 0,
                                  const DrawProgress& progress = {});

/// "Sensitivity (Sobol, N base samples, k inputs): …" tables, the first `top` inputs per result.
std::string to_text(const PlanSensitivity& s, std::size_t top = 5);
/// [{plan, base_samples, inputs, results: [{result, dropped_rows, inputs: [{input, s1, s1_conf, st, st_conf}]}]}].
nlohmann::json sensitivity_json(const std::vector<PlanSensitivity>& plans);
/// CSV rows: plan,result,input,s1,s1_conf,st,st_conf.
std::string sensitivity_csv(const std::vector<PlanSensitivity>& plans);

}  // namespace planner::uncertainty
