#pragma once
// Sector aggregation by a concordance (pymrio's `aggregate`; Miller & Blair §4.3): a weight
// matrix C (groups × sectors) whose column j says which shares of sector j go to which group
// — one 1 per column for a many-to-one mapping, fractions summing to 1 for a sector split
// between groups. Quantities are summed: Z' = C Z Cᵀ, x' = C x, f' = C f, stocks and
// capacities C s, C k, resource totals C (l ∘ x); coefficients are re-derived from the sums
// (A' = Z' diag(x')⁻¹, l' = C(l ∘ x) / x'), so the aggregated table balances as the original.
#include <Eigen/Dense>
#include <string>
#include <vector>

#include "planner/model/economy.hpp"

namespace planner::analysis {

struct Aggregation {
  Economy economy;                 ///< the aggregated model (groups as sectors, in `groups` order)
  Eigen::MatrixXd flows;           ///< Z' = C Z Cᵀ
  std::vector<std::string> notes;  ///< what could not be carried over (trade prices, sector groups …)
};

/// Aggregates `e` by `weights` (groups.size() × e.size(), nonnegative, columns summing to 1,
/// checked by the concordance reader). Throws Error (exit 2, naming `source` and the group)
/// when a group has zero output: its coefficients A' = Z'/x' have no weights.
Aggregation aggregate(const Economy& e, const std::vector<std::string>& groups, const Eigen::MatrixXd& weights,
                      const std::string& source);

}  // namespace planner::analysis
