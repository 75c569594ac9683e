#pragma once
// Binding constraints in words (issue #17, item 4): the binding rows of a plan LP grouped by
// constraint family and subject over their years, one sentence each with the shadow price in
// the goal's units ("Steel supply binds 1928–1930: one more Mt in any of those years raises
// every goal by 1.6 % (λ +0.0158)"), and the LP rows behind it. No numerics beyond grouping.
#include <string>
#include <vector>

#include "planner/report/binding_constraint.hpp"

namespace planner {

/// The binding rows of one constraint family and subject, over their years.
struct BindingFamily {
  std::string kind;                ///< BindingConstraint::kind of its rows
  std::string subject;             ///< resource or sector id (empty for the currency balance and other rows)
  std::string subject_name;        ///< display name
  std::string unit;                ///< unit of the rows' right-hand side
  std::vector<int> years;          ///< calendar years, ascending (empty when the rows have none)
  double min_price = 0;            ///< smallest shadow price over those years (signed)
  double max_price = 0;            ///< largest shadow price over those years (signed)
  std::vector<std::string> rows;   ///< the LP rows behind it, by year
  std::string text;                ///< the sentence, without a final full stop
};

/// Groups binding rows by (kind, subject, sign of the shadow price; an "other" row by its
/// name): one sentence each, largest |shadow price| first. Rows with |price| ≤ 1e-12 are ignored.
std::vector<BindingFamily> summarise_binding(const std::vector<BindingConstraint>& rows);

/// "1928–1930, 1932" for a sorted list of years ("" when empty).
std::string year_ranges(const std::vector<int>& years);

}  // namespace planner
