#pragma once
// A technique (Kantorovich's "method", Koopmans' activity): one way of making, importing or
// exporting a product. A product without processes is made by its one implicit technique —
// its column of A and its resource coefficients — exactly as before processes existed.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace planner {

enum class ProcessKind {
  make,     ///< inputs, capital and primary factors turn into the product
  import,   ///< the product bought abroad for foreign currency (`price` per unit)
  export_,  ///< the product sold abroad: uses it up and earns foreign currency (`price` per unit)
};

/// values[t] (t beyond the list repeats its last value), or 1 for an empty list.
double by_year_or_one(const std::vector<double>& values, int t);

/// "make", "import", "export" as written in model files.
std::string to_string(ProcessKind kind);

struct Process {
  std::string id;                 ///< [a-z0-9_]+, unique among processes
  std::string name;               ///< display name (defaults to id)
  std::string product;            ///< the sector it makes (or trades)
  std::size_t sector = 0;         ///< index of `product`
  ProcessKind kind = ProcessKind::make;
  /// Units of the product per unit of activity (make processes): activity can be measured in the
  /// process's own unit, e.g. machine-days as in Kantorovich's examples. Trade processes: 1.
  double output = 1.0;
  /// Current inputs per unit of activity: (sector index, amount), used with the model's technical lag.
  std::vector<std::pair<std::size_t, double>> inputs;
  /// Inputs per unit of added activity (new capacity of this technique), with the capital lag.
  std::vector<std::pair<std::size_t, double>> capital;
  /// Primary factors per unit of activity: (resource index, amount), with each resource's lag.
  std::vector<std::pair<std::size_t, double>> resources;
  /// Foreign currency per unit of activity by plan year (one value = every year; empty = none):
  /// spent by make and import processes, earned by export processes.
  std::vector<double> currency;
  /// Upper bound on the activity by plan year (one value = every year; empty = none).
  std::vector<double> capacity;
  /// Activity in the base year when known (year 0 otherwise splits the base output freely).
  std::optional<double> base;
  /// Import/export with `implicit = true`: the process *is* its sector's own export (import), so
  /// the sector has no trade variable of its own. Its price is the sector's export_price
  /// (import_price) times `price_index` by year and its capacity the sector's export_limit
  /// (import_limit), both read when the LP is built, so a plan's [export_limit] still applies.
  bool sector_trade = false;
  /// Multiplier of the sector's price by year 0, 1, … (sector_trade only; empty = 1 every year).
  std::vector<double> price_index;
  /// The file and "line N: process[k].price" (or price_index) where a trade process's price was
  /// given, for messages about the list.
  std::string price_file, price_where;
  std::string source;

  /// Currency per unit in plan year t (t beyond the list repeats its last value); 0 when none.
  double currency_in(int t) const;
  /// Capacity in plan year t, or nullopt when unlimited.
  std::optional<double> capacity_in(int t) const;
};

}  // namespace planner
