#pragma once
// Sector id → position for readers that look ids up millions of times (a triplet CSV of 10⁷
// entries names 2·10⁷ ids). An open-addressing table of (hash tag, position) pairs over the
// caller's ids: a lookup touches one 8-byte slot and then the id itself, where
// std::unordered_map's buckets and nodes cost more cache misses — a third of `planner analyze`'s
// time at n = 10⁶ (docs/performance.md).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace planner {

class IdIndex {
 public:
  /// Indexes ids (which must outlive the index); of equal ids the first is found.
  explicit IdIndex(const std::vector<std::string>& ids);
  /// Position of id in ids, or −1 when it is not there.
  std::int32_t find(std::string_view id) const { return find(id, hash(id)); }
  /// The same, with h = hash(id) computed before (see prefetch).
  std::int32_t find(std::string_view id, std::size_t h) const;

  static std::size_t hash(std::string_view id);
  /// Asks the memory for the slot of an id hashed h: a reader that looks ids up a few lines
  /// ahead of using them hides the cache miss each random lookup costs.
  void prefetch(std::size_t h) const { __builtin_prefetch(&slots_[h & mask_]); }

 private:
  struct Slot {
    std::uint32_t tag = 0;       // the hash's high bits: most mismatches end here
    std::int32_t position = -1;  // −1: empty
  };
  const std::vector<std::string>* ids_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

}  // namespace planner
