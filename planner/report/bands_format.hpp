#pragma once
// How sure a comparison is (`compare --samples N`), in the report's words: the λ* band as a
// sentence, the "how sure" table (each product's feasible figure in its goal year with its
// percentiles and the probability that its goal was feasible), the reasons draws failed, and
// the ranking of the assumptions. Shared by the text, Markdown, CSV, JSON and HTML formats.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "planner/report/comparison.hpp"
#include "planner/report/table.hpp"

namespace planner {

/// "Over 1,000 draws … λ* median 0.88, 90 % of draws in [0.42, 1.02]; every goal feasible
/// together in 6 % of them."
std::string bands_sentence(const PlanBands& b);

/// The product's band in `year`, if the run has one there.
std::optional<Percentiles> band_in(const PlanBands& b, const std::string& product, int year);

/// The probability that the product's goal was feasible, if the run has it.
std::optional<double> goal_probability(const PlanBands& b, const std::string& product);

/// product, goal, feasible (nominal), p5, p25, p50, p75, p95 in the goal year, P(goal).
Table bands_table(const PlanComparison& p);

/// "12 × infeasible: must move: …", most frequent first (at most `limit`).
std::vector<std::string> failure_lines(const PlanBands& b, std::size_t limit = 5);

/// "ST 0.41 ± 0.06 (S1 0.30) demand_grain — reason", largest ST first (at most `limit`).
std::vector<std::string> sensitivity_lines(const PlanBands& b, std::size_t limit = 5);

/// "how sure" as a percentage ("6 %"), or the missing mark.
std::string format_probability(const std::optional<double>& p);

nlohmann::ordered_json bands_json(const PlanBands& b);

}  // namespace planner
