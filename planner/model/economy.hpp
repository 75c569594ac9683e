#pragma once
// An economy as the model file describes it (spec §3): sectors, the technical and capital
// coefficient matrices with their lags, and resources (primary inputs). No I/O, no solver.
#include <Eigen/Dense>
#include <optional>
#include <string>
#include <vector>

#include "planner/model/process.hpp"

namespace planner {

struct Sector {
  std::string id;                   ///< [a-z0-9_]+, unique
  std::string name;                 ///< display name (defaults to id)
  std::string unit;                 ///< unit of quantities (defaults to the model unit)
  std::vector<std::string> groups;  ///< e.g. "heavy"; used by group goals and reports
  double output = 0.0;              ///< base-year output x̄
  double stock = 0.0;               ///< opening stock s̄
  std::optional<double> capacity;   ///< opening capacity k̄
  double depreciation = 0.0;        ///< δ in [0,1)
  double demand = 0.0;              ///< exogenous final demand per demand year
  std::optional<double> export_price, export_limit, import_price, import_limit;
  /// Price per unit in the model's value unit (e.g. 1926/27 rubles): weights of the plan
  /// LP's second stage when a plan asks for `second_stage = "prices"`.
  std::optional<double> price;
  std::string source;               ///< where the sector's figures come from (free text)

  /// Its name (the id when it has none) without a parenthetical gloss, for sentences.
  std::string short_name() const;
};

/// A display name without its parenthetical gloss: "Grain (agriculture)" → "Grain".
std::string without_gloss(std::string name);

/// A primary input (labour, foreign currency, value added, emissions …).
struct Resource {
  std::string id;
  std::string name;
  std::string unit;
  /// Availability per year: empty = unlimited; one value = every year; else years 0…H.
  std::vector<double> available;
  Eigen::VectorXd per_output;    ///< l_r, one per sector (zeros where not given)
  int per_output_lag = 0;        ///< ℓr
  Eigen::VectorXd per_capacity;  ///< c_r, one per sector
  int per_capacity_lag = 0;      ///< ℓrc
  /// True for value-added rows (`value_added = true`): they make up v of the price model.
  bool value_added = false;

  bool unlimited() const { return available.empty(); }
  /// Availability in year t (t beyond the list repeats its last value).
  double available_in(int t) const;
};

struct Economy {
  std::string name;
  std::string unit;
  int base_year = 0;        ///< calendar label of year 0
  std::string file;         ///< the model file it was read from (for messages)
  std::vector<Sector> sectors;

  Eigen::MatrixXd technical;  ///< A (n×n): input of row sector per unit of column's output
  int technical_lag = 0;      ///< ℓA ∈ {0,1}
  Eigen::MatrixXd capital;    ///< Bk (n×n): input per unit of new capacity (zeros if none)
  int capital_lag = 0;        ///< ℓB ≥ 0
  /// Intermediate flows Z when the file gave them (A was derived as Z / x̄).
  std::optional<Eigen::MatrixXd> flows;

  std::vector<Resource> resources;
  /// Foreign credit per plan year: one value = every year; else a list by year.
  std::vector<double> credit{0.0};
  /// Techniques (`[[process]]`, docs/file-formats.md): empty = one implicit technique per product.
  /// A product with a `make` process is made only by its make processes (its column of A and
  /// its per-output resource coefficients are then zero); trade processes add to a product's own.
  std::vector<Process> processes;

  std::size_t size() const { return sectors.size(); }
  /// Index of the sector with this id, or nullopt.
  std::optional<std::size_t> sector_index(const std::string& id) const;
  /// Index of the resource with this id, or nullopt.
  std::optional<std::size_t> resource_index(const std::string& id) const;
  /// Sector ids in order.
  std::vector<std::string> sector_ids() const;
  /// Base-year outputs x̄ as a vector.
  Eigen::VectorXd outputs() const;
  /// Exogenous final demand d as a vector.
  Eigen::VectorXd demands() const;
  /// True when any sector declares an opening capacity.
  bool has_capacities() const;
  /// Indices of the `make` processes of sector j (empty: the sector's implicit technique).
  std::vector<std::size_t> make_processes(std::size_t j) const;
  /// Index of the process with this id, or nullopt.
  std::optional<std::size_t> process_index(const std::string& id) const;
  /// The process that is sector j's own export (import) (`implicit = true`), or nullopt.
  std::optional<std::size_t> sector_trade_process(std::size_t j, ProcessKind kind) const;
  /// Foreign currency per unit of process p's activity in plan year t: its `price` or
  /// `currency`, or for a sector_trade process the sector's price × its price index.
  double process_currency(std::size_t p, int t) const;
  /// Upper bound on process p's activity in year t (a sector_trade process: the sector's limit).
  std::optional<double> process_capacity(std::size_t p, int t) const;
  /// Price per unit of sector j's exports (imports) in plan year t, moving with the price index
  /// of the process that takes them; nullopt when the sector is not exported (imported).
  std::optional<double> export_price_in(std::size_t j, int t) const;
  std::optional<double> import_price_in(std::size_t j, int t) const;
  /// Credit allowed in plan year t.
  double credit_in(int t) const;
};

}  // namespace planner
