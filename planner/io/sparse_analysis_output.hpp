#pragma once
// Output of the sparse analysis (analysis/sparse_analysis.hpp), written straight to text
// because it is large (n = 10⁶ sectors: ~10⁶ lines of CSV, ~100 MB of JSON):
// - JSON: one object with the spec §4 keys that exist without n×n matrices — `sectors`,
//   `output`, `final_demand`, `required_output` (x = L·f), `output_multipliers`,
//   `backward_linkage(_raw)`, `forward_linkage(_raw)` and `key_sectors` (when every output > 0),
//   `input_multipliers`, `productive`, `spectral_radius` — plus `analysis` ("sparse"),
//   `nonzeros`, `spectral_radius_bounds` [lower, upper], `solves` (quantity, method,
//   iterations, residual) and `residual`. Labelled vectors keep the sectors' order.
// - CSV: one row per sector (sector, every per-sector result), or `sector,<what>` for one.
// (The table / Markdown summary is planner/cli/analyze.cpp's, as the dense one is.)
#include <optional>
#include <string>
#include <vector>

#include "planner/analysis/sparse_analysis.hpp"

namespace planner {

/// The per-sector quantities `--what` may name for a sparse analysis.
const std::vector<std::string>& sparse_quantity_names();

/// The JSON text (all keys, or `{"<what>": …}` for one).
std::string sparse_analysis_json(const analysis::SparseAnalysis& a, const std::optional<std::string>& what);

/// The CSV text (every per-sector column, or `sector,<what>`), full round-trip precision.
std::string sparse_analysis_csv(const analysis::SparseAnalysis& a, const std::optional<std::string>& what);

}  // namespace planner
