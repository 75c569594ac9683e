#pragma once
// A slice of a Monte Carlo run, for runs spread over a cluster: `planner uncertainty …
// --shard i/k` computes draws [⌊(i−1)N/k⌋, ⌊iN/k⌋) (the same draws the whole run makes, since a
// draw depends on (seed, d) only) and writes them raw in a shard file; `planner merge` checks
// that the shards belong to one run and are all there, and summarises them into exactly what
// the unsharded run writes.
//
// Shard file (JSON): {"format": "planner-uncertainty-shard", "version": 1, "seed", "samples",
// "shard", "shards", "first", "base_year", "plans": [{"file", "fingerprint", "draws": [{status, objective,
// targets, goals, binding: [[row, price]…], failure}…]}]}. Doubles are written to 17
// significant digits, so they read back exactly.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "planner/uncertainty/plan_draws.hpp"

namespace planner::uncertainty {

/// Shard i of k (1-based), as `--shard i/k` writes it; rejects anything else with a bad-input Error.
struct ShardSpec {
  std::size_t index = 1;
  std::size_t count = 1;
  /// The draws of this shard within a run of `samples`: [first, first + size).
  std::size_t first(std::size_t samples) const { return samples * (index - 1) / count; }
  std::size_t size(std::size_t samples) const { return samples * index / count - first(samples); }
};
ShardSpec parse_shard(const std::string& text);

/// A fingerprint of the texts a plan was read from and of its base-year closure (FNV-1a):
/// shards of changed files must not merge.
std::uint64_t fingerprint(const UncertainPlan& plan);

struct ShardPlan {
  std::string file;
  std::uint64_t fingerprint = 0;
  std::vector<PlanDraw> draws;
};

struct Shard {
  std::uint64_t seed = 0;
  std::size_t samples = 0;
  ShardSpec spec;
  std::vector<ShardPlan> plans;
  BaseYearClosure closure = BaseYearClosure::hold_use;
};

nlohmann::json to_json(const Shard& shard);
/// Reads a shard file's JSON; `name` names the file in messages.
Shard shard_from_json(const nlohmann::json& j, const std::string& name);

/// The draws of every plan, in draw order, from shards of one run: same seed, sample count,
/// shard count, plans and fingerprints, every shard once. Throws a bad-input Error naming the
/// file that differs or the shard that is missing.
std::vector<std::vector<PlanDraw>> merge_shards(const std::vector<Shard>& shards, const std::vector<std::string>& names);

}  // namespace planner::uncertainty
