#pragma once
// The concordance of `planner aggregate` (docs/file-formats.md, "Concordances"): which group
// each sector goes to. Two layouts, told apart by the header:
// - `sector,group`: one line per sector (many-to-one);
// - `sector,<group ids…>`: a labelled matrix, one row per sector, each cell the share of the
//   sector that goes to the column's group (many-to-many; each row sums to 1).
#include <Eigen/Dense>
#include <filesystem>
#include <string>
#include <vector>

namespace planner {

struct Concordance {
  std::vector<std::string> groups;  ///< group ids in order of first appearance / column order
  Eigen::MatrixXd weights;          ///< groups × sectors (ordered like the model's sectors)
};

/// Reads a concordance for a model with these sector ids. Throws Error (exit 2) naming the
/// file and line for a sector listed twice, an unknown sector, a bad group id, a negative
/// share or a row whose shares do not sum to 1 (within 1e-9), and naming the sector the
/// concordance misses.
Concordance read_concordance(const std::filesystem::path& file, const std::vector<std::string>& sectors);

}  // namespace planner
