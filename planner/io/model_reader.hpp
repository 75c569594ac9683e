#pragma once
// Reads a model TOML file (spec §3) into an Economy, validating every field.
#include <filesystem>
#include <string>

#include "planner/model/economy.hpp"

namespace planner {

/// Reads and validates a model file; throws Error (exit 2) naming file, line/key and what was expected.
Economy read_model(const std::filesystem::path& file);

/// Parses model TOML text; relative CSV paths resolve against `base_dir`. For tests and fuzzing.
Economy parse_model(const std::string& toml_text, const std::string& name, const std::filesystem::path& base_dir);

}  // namespace planner
