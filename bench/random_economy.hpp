#pragma once
// The benchmarks' random productive economy, shared by generate_io_model (which writes it
// for `planner analyze` and the Python peers) and the *_perftest programs (which build it in
// memory), so project and peers work on the same matrix. Deterministic: the same (n, k, seed)
// gives the same matrix on every platform (no std:: distributions).
#include <cstdint>
#include <random>
#include <vector>

namespace bench {

/// Uniform double in [0,1) from 53 random bits.
inline double unit(std::mt19937_64& g) { return static_cast<double>(g() >> 11) * 0x1.0p-53; }

/// One column of A: k distinct rows (all rows when k = n) with weights summing to a column
/// total drawn uniformly from [0.3, 0.7] — so every column sum is < 1 and ρ(A) ≤ 0.7.
struct Column {
  std::vector<std::int32_t> rows;
  std::vector<double> values;
};

/// Calls `emit(j, column)` for j = 0 … n−1.
template <typename Emit>
void random_technical(std::int64_t n, std::int64_t k, std::uint64_t seed, Emit&& emit) {
  std::mt19937_64 g(seed);
  Column c;
  for (std::int64_t j = 0; j < n; ++j) {
    c.rows.clear();
    if (k >= n) {
      for (std::int64_t r = 0; r < n; ++r) c.rows.push_back(static_cast<std::int32_t>(r));
    } else {
      while (static_cast<std::int64_t>(c.rows.size()) < k) {
        auto r = static_cast<std::int32_t>(g() % static_cast<std::uint64_t>(n));
        bool fresh = true;
        for (auto q : c.rows) fresh = fresh && q != r;
        if (fresh) c.rows.push_back(r);
      }
    }
    c.values.resize(c.rows.size());
    double sum = 0;
    for (auto& v : c.values) sum += (v = 0.05 + unit(g));
    const double total = 0.3 + 0.4 * unit(g);
    for (auto& v : c.values) v = v / sum * total;
    emit(j, c);
  }
}

/// Base-year output in [10, 100) and final demand in [1, 10) of sector i (seeded by i).
inline double sector_output(std::int64_t i) {
  std::mt19937_64 g(static_cast<std::uint64_t>(i) * 2654435761ULL + 1);
  return 10.0 + 90.0 * unit(g);
}
inline double sector_demand(std::int64_t i) {
  std::mt19937_64 g(static_cast<std::uint64_t>(i) * 2654435761ULL + 2);
  return 1.0 + 9.0 * unit(g);
}

}  // namespace bench
