// `planner uncertainty --shard i/k` and `planner merge`: the shards of a run merged give
// byte for byte what the unsharded run writes (the oracle is the unsharded run), and shards
// of another run, a missing shard or a shard that does not exist are refused (exit 2).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli_run.hpp"
#include "scratch_dir.hpp"

namespace planner::test {
namespace {

const std::string plan = "plans/fyp1-gosplan-optimal.toml";

std::string shard(const std::filesystem::path& dir, int i, int seed = 9) {
  const std::string out = (dir / ("s" + std::to_string(i) + "-" + std::to_string(seed) + ".json")).string();
  const auto r = run_cli("uncertainty " + plan + " --samples 22 --seed " + std::to_string(seed) + " --shard " +
                         std::to_string(i) + "/4 --out " + out);
  EXPECT_EQ(r.code, 0) << r.err;
  return out;
}

TEST(UncertaintyShards, MergedShardsAreTheWholeRunByteForByte) {
  const auto dir = scratch_dir("uncertainty_shards");
  std::string shards;
  for (int i = 4; i >= 1; --i) shards += " " + shard(dir, i);  // any order
  for (const std::string format : {"csv", "json", "table"}) {
    const auto whole = run_cli("uncertainty " + plan + " --samples 22 --seed 9 --format " + format);
    const auto merged = run_cli("merge" + shards + " --format " + format);
    ASSERT_EQ(whole.code, 0) << whole.err;
    ASSERT_EQ(merged.code, 0) << merged.err;
    EXPECT_EQ(whole.out, merged.out) << format;
  }
}

TEST(UncertaintyShards, RefusesOtherRunsAMissingShardAndShardsThatDoNotExist) {
  const auto dir = scratch_dir("uncertainty_shards_bad");
  const std::string s1 = shard(dir, 1), s2 = shard(dir, 2), s3 = shard(dir, 3), s4 = shard(dir, 4);
  auto missing = run_cli("merge " + s1 + " " + s2 + " " + s4);
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("shard 3 of 4 is missing"), std::string::npos) << missing.err;
  const std::string other = shard(dir, 3, 10);
  auto mixed = run_cli("merge " + s1 + " " + s2 + " " + other + " " + s4);
  EXPECT_EQ(mixed.code, 2);
  EXPECT_NE(mixed.err.find("belongs to another run than"), std::string::npos) << mixed.err;
  EXPECT_NE(mixed.err.find("seed (10 vs 9)"), std::string::npos) << mixed.err;
  auto twice = run_cli("merge " + s1 + " " + s1 + " " + s3 + " " + s4);
  EXPECT_EQ(twice.code, 2);
  EXPECT_NE(twice.err.find("given twice"), std::string::npos) << twice.err;
  auto beyond = run_cli("uncertainty " + plan + " --samples 22 --shard 5/4");
  EXPECT_EQ(beyond.code, 2);
  EXPECT_NE(beyond.err.find("--shard: shard 5 of 4 does not exist"), std::string::npos) << beyond.err;
}

}  // namespace
}  // namespace planner::test
