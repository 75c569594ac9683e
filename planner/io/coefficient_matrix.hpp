#pragma once
// Private to planner/io: a model's [technical] or [capital] table (spec §3) — a lag and
// exactly one source of coefficients: `file` (labelled CSV), `triplets` (row,col,value
// CSV), inline `rows = { id = [...] }` in sector order, or (technical only) `flows`, the
// intermediate flows Z from which A = Z / x̄.
#include <Eigen/Dense>
#include <filesystem>
#include <optional>
#include <vector>

#include "planner/io/toml_fields.hpp"
#include "planner/model/economy.hpp"

namespace planner {

struct CoefficientMatrix {
  Eigen::MatrixXd values;               ///< n×n, ordered like the sectors
  int lag = 0;
  std::optional<Eigen::MatrixXd> flows; ///< Z when the table gave `flows`
};

/// Reads [technical] (`technical` = true: lag 0 or 1, `flows` allowed) or [capital]
/// (lag 0…100). Relative CSV paths resolve against `base_dir`.
CoefficientMatrix read_coefficient_matrix(const toml_fields::Fields& table, const std::vector<Sector>& sectors,
                                          const std::filesystem::path& base_dir, bool technical);

/// `key` of `fields` as a path: relative ones resolve against `base_dir`; a missing file is
/// an error naming the key.
std::filesystem::path resolve_data_file(const toml_fields::Fields& fields, std::string_view key,
                                        const std::filesystem::path& base_dir);

}  // namespace planner
