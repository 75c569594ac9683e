#pragma once
// Hypothetical extraction (spec §1; Miller & Blair §12.2): how much output the economy
// loses if a sector disappears. The sector's row and column of A and its final demand are
// removed, the reduced system (I − A₋)·x₋ = f₋ is re-solved, and each sector's output is
// compared with the baseline x = L·f. The extracted sector loses all of its output.
#include <Eigen/Dense>
#include <string>
#include <vector>

#include "planner/analysis/leontief.hpp"
#include "planner/model/economy.hpp"

namespace planner::analysis {

struct Extraction {
  std::vector<std::size_t> extracted;  ///< indices of the removed sectors
  Eigen::VectorXd baseline_output;     ///< x = L·f with the full economy
  Eigen::VectorXd extracted_output;    ///< output after extraction (0 for removed sectors)
  Eigen::VectorXd loss;                ///< baseline_output − extracted_output, per sector
  double total_loss = 0;               ///< Σ loss
  double total_loss_share = 0;         ///< total_loss / Σ baseline_output (0 when the baseline is 0)
};

/// Extracts `sectors` (indices) from the economy A, f; `system` factorises the full I − A.
Extraction hypothetical_extraction(const LeontiefSystem& system, const Eigen::VectorXd& final_demand,
                                   const std::vector<std::size_t>& sectors);

/// Extracts the sectors named by id from `economy` (its technical A and demand f); an unknown id
/// throws Error(usage), a non-productive economy Error(bad_input).
Extraction hypothetical_extraction(const Economy& economy, const std::vector<std::string>& sector_ids);

}  // namespace planner::analysis
