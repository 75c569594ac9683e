#pragma once
// A model's final demand by category for `planner decompose --final-demand`: a labelled CSV
// `sector,<category ids…>` (the layout of `planner import sut --final-demand`), one row per
// sector of the model, whose row sums are the model's demand (docs/file-formats.md).
#include <filesystem>

#include "planner/model/economy.hpp"
#include "planner/model/final_demand_categories.hpp"

namespace planner {

/// Reads Y for `e` (rows reordered to e's sectors). Throws Error (exit 2) naming the file and
/// line for an unknown or missing sector, a bad cell, or a row whose sum differs from the
/// model's demand by more than 1e-9 relative.
FinalDemandCategories read_final_demand_categories(const std::filesystem::path& file, const Economy& e);

}  // namespace planner
