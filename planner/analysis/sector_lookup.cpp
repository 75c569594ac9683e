#include "planner/analysis/sector_lookup.hpp"

#include "planner/model/error.hpp"

namespace planner::analysis {

std::size_t sector_index_or_throw(const Economy& economy, const std::string& id, const std::string& where) {
  if (auto i = economy.sector_index(id)) return *i;
  std::string known;
  for (const auto& s : economy.sectors) known += (known.empty() ? "" : ", ") + s.id;
  throw Error(ExitCode::usage, "", where, "unknown sector '" + id + "' (the model's sectors: " + known + ")");
}

}  // namespace planner::analysis
