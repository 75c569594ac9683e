#include "planner/io/id_index.hpp"

#include <functional>

namespace planner {

IdIndex::IdIndex(const std::vector<std::string>& ids) : ids_(&ids) {
  std::size_t capacity = 8;
  while (capacity < 2 * ids.size()) capacity *= 2;  // at most half full: short probe runs
  slots_.resize(capacity);
  mask_ = capacity - 1;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::size_t h = hash(ids[i]);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    std::size_t k = h & mask_;
    bool seen = false;
    for (; slots_[k].position >= 0; k = (k + 1) & mask_)
      if (slots_[k].tag == tag && ids[static_cast<std::size_t>(slots_[k].position)] == ids[i]) seen = true;
    if (!seen) slots_[k] = {tag, static_cast<std::int32_t>(i)};
  }
}

std::size_t IdIndex::hash(std::string_view id) { return std::hash<std::string_view>{}(id); }

std::int32_t IdIndex::find(std::string_view id, std::size_t h) const {
  const auto tag = static_cast<std::uint32_t>(h >> 32);
  for (std::size_t k = h & mask_; slots_[k].position >= 0; k = (k + 1) & mask_)
    if (slots_[k].tag == tag && (*ids_)[static_cast<std::size_t>(slots_[k].position)] == id) return slots_[k].position;
  return -1;
}

}  // namespace planner
