#pragma once
// A triplet CSV (spec §3: header `row,col,value`, one nonzero a line) read straight into a
// compressed sparse matrix, for tables far too large to hold dense (n = 10⁶ sectors,
// 10⁷ nonzeros: ~3 s, ~0.6 GB peak); the dense models' reader (csv.hpp read_triplet_matrix)
// is this one made dense. Ids are matched by name; an unknown id, a second entry for one
// cell, a negative, non-finite or unreadable value is an Error naming the file and line.
// Zero values are checked and dropped.
#include <Eigen/SparseCore>
#include <filesystem>
#include <string>
#include <vector>

namespace planner {

/// Reads a triplet CSV into an n×n column-major sparse matrix ordered by `ids` (n = ids.size()).
Eigen::SparseMatrix<double> read_sparse_triplets(const std::filesystem::path& file, const std::vector<std::string>& ids);

/// Parses triplet CSV text (`name` names it in messages); for tests and fuzzing.
Eigen::SparseMatrix<double> parse_sparse_triplets(const std::string& text, const std::string& name,
                                                  const std::vector<std::string>& ids);

}  // namespace planner
