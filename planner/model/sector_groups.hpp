#pragma once
// Whether a sector belongs to a group of the model (`groups = [...]`, spec §2): plan goals by
// group, the consumption sectors of the cost frontier, aggregation all ask it.
#include <algorithm>
#include <string_view>

#include "planner/model/economy.hpp"

namespace planner {

inline bool in_group(const Sector& s, std::string_view group) {
  return std::find(s.groups.begin(), s.groups.end(), group) != s.groups.end();
}

}  // namespace planner
