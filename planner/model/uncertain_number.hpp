#pragma once
// A number a model or plan file gives with a distribution instead of a single value
// (docs/file-formats.md, "Uncertain numbers"): `{ value = 0.30, low = 0.22, high = 0.38,
// dist = "triangular" }` in place of the number, or a row of a matrix's ranges CSV.
// The files' readers use `value`; the uncertainty layer draws from the distribution.
#include <limits>
#include <string>

namespace planner {

enum class UncertainDist {
  uniform,     ///< on [low, high]
  triangular,  ///< on [low, high], mode = value
  normal,      ///< mean = value, sd; truncated to [low, high]
  lognormal,   ///< median = value, geometric sd gsd > 1; truncated to [low, high]
};

/// "uniform", "triangular", "normal", "lognormal".
std::string to_string(UncertainDist dist);

struct UncertainNumber {
  std::string file;   ///< the file that gave it
  std::string key;    ///< its key path, e.g. "sector[2].capacity" or "technical.ranges[coal,steel]"
  int line = 0;       ///< its line in the file
  UncertainDist dist = UncertainDist::uniform;
  double value = 0.0;  ///< the nominal number every deterministic command uses
  double low = -std::numeric_limits<double>::infinity();   ///< lower end / truncation
  double high = std::numeric_limits<double>::infinity();   ///< upper end / truncation
  double sd = 0.0;     ///< normal
  double gsd = 1.0;    ///< lognormal
  std::string group;   ///< numbers of one group share one draw ("" = its own)
  std::string reason;  ///< why this range (free text)

  /// "models/x/model.toml:line 14: sector[2].capacity", for messages and reports.
  std::string where() const;
};

}  // namespace planner
