#pragma once
// Reads a model file (spec §3) whose technical coefficients are a triplet CSV into a
// SparseEconomy, never forming an n×n dense matrix: for national and multi-region tables
// of 10⁴–10⁶ sectors. Only what static analysis uses is read: sectors (`sectors_file` and/or
// [[sector]]), [technical] (`triplets` only, and `lag`) and [[resource]]. [capital] and [trade]
// are accepted and not read (`planner check` / `solve` read them, with the dense reader).
#include <filesystem>
#include <string>

#include "planner/model/sparse_economy.hpp"

namespace planner {

/// True when the model's [technical] table names a `triplets` file (reads the TOML only, no CSV).
bool technical_is_triplets(const std::filesystem::path& model_file);

/// Reads and validates a model file whose [technical] is `triplets`; throws Error (exit 2)
/// naming file, line/key and what was expected, as read_model does.
SparseEconomy read_sparse_model(const std::filesystem::path& file);

/// Parses model TOML text; relative CSV paths resolve against `base_dir`. For tests.
SparseEconomy parse_sparse_model(const std::string& toml_text, const std::string& name,
                                 const std::filesystem::path& base_dir);

}  // namespace planner
