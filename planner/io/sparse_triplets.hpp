#pragma once
// A triplet CSV (spec §3: header `row,col,value`, one nonzero a line) read straight into a
// compressed sparse matrix, for tables far too large to hold dense (n = 10⁶ sectors,
// 10⁷ nonzeros, a 367 MB file: the file is streamed 16 MB at a time, and the entries (24 bytes
// each) and then the matrix (12 bytes each) are what is held); the dense models' reader
// (csv.hpp read_triplet_matrix) is this one made dense. Ids are matched by name; an unknown id, a second entry for one
// cell, a negative, non-finite or unreadable value is an Error naming the file and line.
// Zero values are checked and dropped.
#include <Eigen/SparseCore>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace planner {

/// Bytes of a triplet file held at once while it is read.
inline constexpr std::size_t kTripletChunkBytes = std::size_t{1} << 24;

/// Reads a triplet CSV into an n×n column-major sparse matrix ordered by `ids` (n = ids.size()),
/// `chunk_bytes` of it at a time (tests pass a few bytes to cross every line end).
Eigen::SparseMatrix<double> read_sparse_triplets(const std::filesystem::path& file, const std::vector<std::string>& ids,
                                                 std::size_t chunk_bytes = kTripletChunkBytes);

/// Parses triplet CSV text (`name` names it in messages); for tests and fuzzing.
Eigen::SparseMatrix<double> parse_sparse_triplets(const std::string& text, const std::string& name,
                                                  const std::vector<std::string>& ids);

}  // namespace planner
