#pragma once
// Private to planner/io: the value rules of a sector (spec §3), shared by the [[sector]]
// tables of a model and its sectors CSV so both give the same message for the same mistake.
#include <functional>
#include <string>

#include "planner/model/economy.hpp"

namespace planner {

/// Calls `fail(field, message)` for the first rule the sector breaks: id [a-z0-9_]+;
/// output, stock, capacity, demand, prices and limits finite and ≥ 0; depreciation in
/// [0,1); a trade limit only with its price. `fail` must throw.
void check_sector(const Sector& sector, const std::function<void(const std::string& field, const std::string& message)>& fail);

}  // namespace planner
