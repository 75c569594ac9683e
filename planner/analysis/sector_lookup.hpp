#pragma once
// Sector ids named on a command line or in a request, resolved to indices with a message
// that lists the model's sectors when an id is unknown.
#include <string>

#include "planner/model/economy.hpp"

namespace planner::analysis {

/// Index of sector `id`; throws Error(usage) naming `where`, the id and the known sectors.
std::size_t sector_index_or_throw(const Economy& economy, const std::string& id, const std::string& where);

}  // namespace planner::analysis
