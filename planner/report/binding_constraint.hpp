#pragma once
// One binding row of a plan LP in the report's words (kind, subject, calendar year, shadow price).
// Built by comparison_solve.cpp, grouped by binding_summary.hpp, rendered by the formats.
#include <string>

namespace planner {

/// A row of the plan LP that binds at the optimum, in words.
struct BindingConstraint {
  std::string row;              ///< the LP's row name
  /// "resource", "capacity", "balance", "goal", "terminal", "floor", "trade" or "other".
  std::string kind;
  std::string subject;          ///< resource or sector id (empty when unknown)
  std::string subject_name;     ///< its display name
  int year = 0;                 ///< calendar year (0 when the row has none; in a SolveSummary: plan year t, −1 for none)
  double shadow_price = 0.0;    ///< change of λ per unit of the row's right-hand side
  std::string unit;             ///< unit of the right-hand side
  /// What the row constrains, in words: "labour in 1931", "coal capacity in 1931".
  std::string what() const;
  /// "labour in 1931 (shadow price 0.42 per million workers)".
  std::string text() const;
};

}  // namespace planner
