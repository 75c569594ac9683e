// Writes a random productive input–output model folder for bench/run_peers.py (same
// arguments, same bytes; the matrix is bench/random_economy.hpp's):
//   DIR/model.toml     sectors_file = "sectors.csv", [technical] triplets = "technical.csv",
//                      one resource (labour, 0.5 per unit of s0's output)
//   DIR/sectors.csv    id,output,demand          (ids s0 … s{N−1})
//   DIR/technical.csv  row,col,value             (K nonzeros per column)
//   DIR/technical.coo  the same triplets in binary for the Python peers: int64 n, int64 nnz,
//                      then int32 rows[nnz], int32 cols[nnz], float64 values[nnz]
//   DIR/demand.f64     final demand f, float64[n]
// Usage: generate_io_model DIR N K [SEED] [--no-csv]   (--no-csv: only the binary files)
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "random_economy.hpp"

namespace {

std::FILE* open(const std::filesystem::path& p) {
  std::FILE* f = std::fopen(p.c_str(), "wb");
  if (!f) {
    std::perror(p.c_str());
    std::exit(2);
  }
  return f;
}

template <typename T>
void write(std::FILE* f, const std::vector<T>& v) {
  if (!v.empty() && std::fwrite(v.data(), sizeof(T), v.size(), f) != v.size()) {
    std::perror("write");
    std::exit(2);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s DIR N K [SEED] [--no-csv]\n", argv[0]);
    return 1;
  }
  const std::filesystem::path dir = argv[1];
  const std::int64_t n = std::atoll(argv[2]), k = std::atoll(argv[3]);
  const std::uint64_t seed = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 1;
  const bool csv = !(argc > 5 && std::strcmp(argv[5], "--no-csv") == 0);
  if (n < 1 || k < 1 || k > n || n > 2000000000) {
    std::fprintf(stderr, "need 1 ≤ K ≤ N < 2e9\n");
    return 1;
  }
  std::filesystem::create_directories(dir);
  std::vector<char> buffer(1 << 22);

  if (csv) {
    std::FILE* m = open(dir / "model.toml");
    std::fprintf(m,
                 "name = \"Random sparse economy: %lld sectors, %lld inputs per sector (seed %llu)\"\n"
                 "unit = \"value\"\nsectors_file = \"sectors.csv\"\n\n[technical]\ntriplets = \"technical.csv\"\n\n"
                 "[[resource]]\nid = \"labour\"\nper_output = { s0 = 0.5 }\n",
                 static_cast<long long>(n), static_cast<long long>(k), static_cast<unsigned long long>(seed));
    std::fclose(m);
    std::FILE* s = open(dir / "sectors.csv");
    std::setvbuf(s, buffer.data(), _IOFBF, buffer.size());
    std::fprintf(s, "id,output,demand\n");
    for (std::int64_t i = 0; i < n; ++i)
      std::fprintf(s, "s%lld,%.17g,%.17g\n", static_cast<long long>(i), bench::sector_output(i), bench::sector_demand(i));
    std::fclose(s);
  }

  std::vector<std::int32_t> rows, cols;
  std::vector<double> values;
  rows.reserve(static_cast<std::size_t>(n * k));
  cols.reserve(static_cast<std::size_t>(n * k));
  values.reserve(static_cast<std::size_t>(n * k));
  bench::random_technical(n, k, seed, [&](std::int64_t j, const bench::Column& c) {
    for (std::size_t q = 0; q < c.rows.size(); ++q) {
      rows.push_back(c.rows[q]);
      cols.push_back(static_cast<std::int32_t>(j));
      values.push_back(c.values[q]);
    }
  });
  if (csv) {
    std::FILE* t = open(dir / "technical.csv");
    std::setvbuf(t, buffer.data(), _IOFBF, buffer.size());
    std::fprintf(t, "row,col,value\n");
    for (std::size_t p = 0; p < values.size(); ++p) std::fprintf(t, "s%d,s%d,%.17g\n", rows[p], cols[p], values[p]);
    std::fclose(t);
  }
  std::FILE* b = open(dir / "technical.coo");
  const std::int64_t header[2] = {n, static_cast<std::int64_t>(values.size())};
  std::fwrite(header, sizeof header, 1, b);
  write(b, rows);
  write(b, cols);
  write(b, values);
  std::fclose(b);
  std::vector<double> demand(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) demand[static_cast<std::size_t>(i)] = bench::sector_demand(i);
  std::FILE* d = open(dir / "demand.f64");
  write(d, demand);
  std::fclose(d);
  return 0;
}
