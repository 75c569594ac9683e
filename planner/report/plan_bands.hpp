#pragma once
// How sure a comparison is: what a Monte Carlo run over the plan's uncertain numbers
// (planner/uncertainty, `planner compare --samples N`) adds to one plan of the report. Plain
// figures only, so the report renders them without knowing how they were drawn.
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace planner {

using Percentiles = std::array<double, 5>;  ///< 5th, 25th, 50th, 75th, 95th

/// One product's band: its feasible path's percentiles by calendar year, and how often its
/// goal was feasible.
struct ProductBand {
  std::map<int, Percentiles> path;
  std::optional<double> prob_goal;  ///< share of the draws whose feasible target reached the draw's goal
};

/// One input's Sobol indices for λ* (with 95 % bootstrap half-widths).
struct SensitivityBar {
  std::string input;   ///< the group's name or the number's key path
  std::string reason;  ///< the range's one-line reason, when the file gives one
  double s1 = 0.0, s1_conf = 0.0, st = 0.0, st_conf = 0.0;
};

struct PlanBands {
  std::size_t samples = 0;
  std::uint64_t seed = 0;
  std::size_t solved = 0;                 ///< draws with an optimum
  std::size_t numbers = 0, inputs = 0;    ///< uncertain numbers and independent inputs
  std::string base_year;                  ///< the draws' base-year closure (hold-use | as-drawn)
  std::optional<Percentiles> fulfilment;  ///< λ*
  std::optional<double> prob_all_goals;   ///< share of the draws with λ* ≥ 1
  std::map<std::string, ProductBand> products;  ///< by product id
  /// The most frequent reasons for a draw without an optimum: (count, what must move).
  std::vector<std::pair<std::size_t, std::string>> failures;
  std::size_t sobol_samples = 0;          ///< 0: no sensitivity ranking
  std::vector<SensitivityBar> sensitivity;  ///< largest ST first
};

}  // namespace planner
