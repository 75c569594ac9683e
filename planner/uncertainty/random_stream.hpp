#pragma once
// A counter-based random stream: the u of (seed, draw, input) is a pure function of the three
// numbers, not of any generator state. A Monte Carlo draw therefore sees the same numbers
// whichever thread computes it, in whatever order, on any platform: results do not depend on
// the thread count, a run can be split into shards and merged, and one draw can be replayed.
//
// Header-only: planner/uncertainty/ is not yet among the layers the top-level CMakeLists.txt
// globs into planner_lib, so everything in this folder is inline until it is.
#include <cstdint>

namespace planner::uncertainty {

namespace detail {

/// SplitMix64's output function (Steele, Lea & Flood 2014; the finaliser of Java's
/// SplittableRandom): a bijection of 64-bit words whose every input bit flips each output bit
/// with probability ≈ ½. Only unsigned arithmetic, so identical on every platform.
constexpr std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

/// The three counters absorbed one after the other, each through a full SplitMix64 round, so
/// (seed, draw, input) and any permutation of it give unrelated words. For a fixed seed and draw
/// the map input → word is a bijection (and likewise draw → word), so no two inputs of a draw share
/// a number.
constexpr std::uint64_t mix3(std::uint64_t seed, std::uint64_t draw, std::uint64_t input) {
  std::uint64_t h = splitmix64(seed);
  h = splitmix64(h ^ draw);
  return splitmix64(h ^ input);
}

}  // namespace detail

/// A uniform number strictly inside (0, 1) for input `input` of Monte Carlo draw `draw` under
/// `seed`: the top 52 bits of the mixed word m give (m + ½)·2⁻⁵², an odd multiple of 2⁻⁵³, so the
/// smallest value is 2⁻⁵³ and the largest 1 − 2⁻⁵³, both exact; quantile functions never see 0
/// or 1 (no infinite normal quantiles).
constexpr double uniform01(std::uint64_t seed, std::uint64_t draw, std::uint64_t input) {
  const std::uint64_t top52 = detail::mix3(seed, draw, input) >> 12;
  return (static_cast<double>(top52) + 0.5) * 0x1.0p-52;
}

}  // namespace planner::uncertainty
