// libFuzzer harness of the model reader (planner/io/model_reader.cpp and the TOML, CSV and
// matrix helpers it calls). The input is the model TOML, optionally followed by CSV files
// it names (`#@file flows.csv` sections, see fuzz_files.hpp). Any input must give an
// Economy or a bad-input Error; an Economy read must be well-formed (consistent sizes,
// finite coefficients ≥ 0, depreciation in [0,1)).
#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "planner/io/model_reader.hpp"
#include "tests/fuzz/fuzz_files.hpp"

using namespace planner;

namespace {

bool finite_nonnegative(const Eigen::MatrixXd& m) { return m.allFinite() && (m.array() >= 0).all(); }

void check_economy(const Economy& e) {
  const auto n = static_cast<Eigen::Index>(e.size());
  if (n == 0) std::abort();
  if (e.technical.rows() != n || e.technical.cols() != n || e.capital.rows() != n || e.capital.cols() != n) std::abort();
  if (!finite_nonnegative(e.technical) || !finite_nonnegative(e.capital)) std::abort();
  for (const Sector& s : e.sectors)
    if (!std::isfinite(s.output) || s.output < 0 || !(s.depreciation >= 0 && s.depreciation < 1)) std::abort();
  for (const Resource& r : e.resources) {
    if (r.per_output.size() != n || r.per_capacity.size() != n) std::abort();
    if (!r.per_output.allFinite() || !r.per_capacity.allFinite()) std::abort();
    for (double a : r.available)
      if (!std::isfinite(a) || a < 0) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string text = fuzz::unpack(data, size);
  fuzz::expect_only_planner_errors([&] { check_economy(parse_model(text, "fuzz_model.toml", fuzz::work_dir())); });
  return 0;
}
