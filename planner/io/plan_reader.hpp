#pragma once
// Reads a plan TOML file (spec §3): loads its model (path relative to the plan file),
// applies the plan's demand and resource overrides, resolves goals and actuals.
#include <filesystem>
#include <string>

#include "planner/model/plan.hpp"

namespace planner {

/// Reads and validates a plan file and its model; throws Error (exit 2) naming file and key.
Plan read_plan(const std::filesystem::path& file);

/// Parses plan TOML text; the model path resolves against `base_dir`. For tests and fuzzing.
Plan parse_plan(const std::string& toml_text, const std::string& name, const std::filesystem::path& base_dir);

}  // namespace planner
