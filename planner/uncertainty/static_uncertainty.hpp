#pragma once
// `planner analyze MODEL --samples N`: the static quantities of a model over its uncertain
// numbers. Draw d reads the model's files with every uncertain number drawn at u[g] =
// uniform01(seed, d, g) (as the plan runs do), factorises I − A once, and takes the per-sector
// vectors that need only solves with that one LU: output x = L f for the model's final demand,
// output multipliers (column sums of L), backward and forward linkages (Rasmussen indices of
// L's column sums and of the Ghosh inverse's row sums, G·1 = diag(x̄)⁻¹ L x̄) and Leontief
// prices p = Lᵀ v. A draw whose A is not productive is counted with the reason, not dropped.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "planner/model/economy.hpp"
#include "planner/uncertainty/plan_uncertainty.hpp"
#include "planner/uncertainty/uncertain_inputs.hpp"

namespace planner::uncertainty {

/// The quantities, named as `analyze --format json` names them ("output" here is x = L f).
const std::vector<std::string>& static_quantities();

/// A model with its uncertain inputs, read once.
class UncertainModel {
 public:
  explicit UncertainModel(std::filesystem::path file);
  const std::filesystem::path& file() const { return file_; }
  const Economy& nominal() const { return nominal_; }
  const UncertainInputs& inputs() const { return inputs_; }
  /// The model at the point u: the nominal economy with the drawn entries put in place when
  /// every uncertain number is an entry of the technical ranges table (nothing is derived from
  /// them), else the files read again with the drawn values (derived figures follow).
  Economy at(const std::vector<double>& u) const;
  /// Always by reading the files again (what at() must equal).
  Economy read_at(const std::vector<double>& u) const;
  /// True when at() substitutes entries instead of reading.
  bool substitutes() const { return !entries_.empty(); }

 private:
  std::filesystem::path file_;
  Economy nominal_;
  UncertainInputs inputs_;
  std::vector<std::pair<Eigen::Index, Eigen::Index>> entries_;  ///< (row, column) of each number in A
};

struct StaticBand {
  std::string sector;
  std::string quantity;
  Band band{};
};

struct StaticUncertainty {
  std::string model;           ///< the model's name
  std::size_t samples = 0;
  std::uint64_t seed = 0;
  std::size_t numbers = 0, groups = 0;
  std::size_t solved = 0;      ///< draws with a productive A
  std::vector<StaticBand> bands;         ///< by quantity, then sector in model order
  std::vector<FailureCount> failures;    ///< most frequent first
};

/// N draws over `threads` threads (0: all cores); the same seed gives the same numbers on any
/// number of threads.
StaticUncertainty run_static(const UncertainModel& model, std::size_t samples, std::uint64_t seed, unsigned threads = 0,
                             const DrawProgress& progress = {});

/// CSV `sector,quantity,p5,p25,p50,p75,p95` (17 significant digits); JSON; an aligned table.
std::string to_csv(const StaticUncertainty& s);
nlohmann::json to_json(const StaticUncertainty& s);
std::string to_text(const StaticUncertainty& s, std::size_t top = 20);

}  // namespace planner::uncertainty
