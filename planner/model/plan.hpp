#pragma once
// A plan on an economy (spec §2, §3): horizon, terminal condition, objective, goals and
// what history recorded. No I/O, no solver.
#include <map>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "planner/model/economy.hpp"

namespace planner {

enum class ObjectiveKind {
  max_capacity,
  max_output,
  max_resource,
  min_resource,
  max_fulfilment,
  max_consumption,
  min_shortfall,
};

/// "max-capacity", … as written in plan files.
std::string to_string(ObjectiveKind kind);
/// Parses a plan file's objective kind; nullopt when unknown.
std::optional<ObjectiveKind> objective_kind_from_string(const std::string& text);

struct Objective {
  ObjectiveKind kind = ObjectiveKind::max_capacity;
  std::vector<int> years;                  ///< plan years (0…H) it sums over; empty = default
  std::string resource;                    ///< for max-resource / min-resource
  std::map<std::string, double> weights;   ///< sector id → weight (default 1)
  double discount = 1.0;                   ///< β of max-consumption
  std::map<std::string, double> floors;    ///< max-consumption: c[i,t] ≥ floor (default 0)
};

/// A stated goal for year `year` (plan year; default T): either a sector or a group.
struct Goal {
  std::string id;                          ///< key in [goals]
  std::string sector;                      ///< set for a sector goal
  std::string group;                       ///< set for a group goal
  std::optional<double> target;            ///< absolute, in the sector's unit
  std::optional<double> multiple;          ///< multiple of base-year output
  std::map<std::string, double> weights;   ///< group goal as a weighted value sum
  int year = 0;                            ///< plan year t (1…T), resolved from calendar
  double weight = 1.0;                     ///< min-shortfall weight w_j
  std::string source;
  std::string note;
};

/// What history recorded for a sector in a calendar year.
struct Actual {
  std::string sector;
  double value = 0.0;
  int year = 0;                            ///< calendar year
  std::string source;
  std::string note;                        ///< e.g. why sources differ
  /// Other recorded values where sources conflict: (value, source). Both are kept.
  std::vector<std::pair<double, std::string>> alternatives;
};

/// How the second stage of a goal objective (max-fulfilment, min-shortfall) sizes the rest of
/// the economy once the goals are held at their optimum (docs/plan-model.md, "Second stage").
enum class SecondStage {
  base_output,  ///< every product without a goal ≥ μ·x̄, μ largest; then Σ x[j,T]/x̄_j largest
  prices,       ///< the same floor, then Σ price_j·x[j,T] largest (each sector's `price`)
  none,         ///< no second stage: the quantities of the first optimum's vertex
};

/// "base-output", "prices", "none" as written in plan files.
std::string to_string(SecondStage stage);

struct ResourceOverride {
  std::optional<std::vector<double>> available;  ///< replaces the model's availability
  bool unlimited = false;
};

struct Plan {
  std::string name;
  std::string file;                        ///< the plan file (for messages)
  std::string model_file;                  ///< resolved path of its model
  Economy economy;                         ///< the model, with the plan's overrides applied
  int years = 0;                           ///< T
  bool terminal_steady_state = false;
  bool terminal_capacity_bound = true;
  /// Lets output of year H exceed its use (supply ≥ use) where spec §2 drops the stock
  /// carried out of the plan; without it the last balance is an equality (the spec's default).
  bool free_disposal = false;
  std::vector<int> demand_years;           ///< default 1…T
  std::optional<std::vector<double>> demand_override;  ///< per sector, plan years
  /// Per sector, a `[demand]` list: the demand of years 0, 1, … (years past its end repeat its
  /// last value), e.g. a floor that grows with the population; empty where the plan gives one
  /// number or none (then demand_override or the model's demand holds in every demand year).
  std::vector<std::vector<double>> demand_paths;
  Objective objective;
  std::optional<Objective> then;           ///< lexicographic second stage
  /// Second stage of a goal objective without `then` (plan key `second_stage`).
  SecondStage second_stage = SecondStage::base_output;
  std::vector<Goal> goals;
  std::vector<Actual> actuals;
  std::string description;                 ///< free text (sources, conflicts)

  /// H: T+1 with a steady-state terminal year, else T.
  int horizon() const { return terminal_steady_state ? years + 1 : years; }
  /// Calendar year of plan year t.
  int calendar_year(int t) const { return economy.base_year + t; }
};

}  // namespace planner
