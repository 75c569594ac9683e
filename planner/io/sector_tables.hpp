#pragma once
// Private to planner/io: a model's sectors from its [[sector]] tables and/or `sectors_file`,
// shared by the dense and the sparse model readers (same keys, checks and messages).
#include <filesystem>
#include <string>
#include <vector>

#include "planner/io/toml_fields.hpp"
#include "planner/model/economy.hpp"

namespace planner {

/// The sectors of the model whose top-level table is `top`: the CSV's first, then the
/// [[sector]] tables; ids unique, at least one sector. Throws Error naming file, line and key.
std::vector<Sector> read_sectors(const toml_fields::Fields& top, const std::string& model_unit,
                                 const std::filesystem::path& base_dir);

}  // namespace planner
