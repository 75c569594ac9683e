#include "planner/io/plan_overrides.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>

namespace planner {
namespace {

using toml_fields::Fields;

std::size_t sector_or_fail(const Fields& f, const std::string& id, const Economy& e) {
  auto i = e.sector_index(id);
  if (!i) f.fail(id, fmt::format("no sector \"{}\" in the model", id));
  return *i;
}

/// `[key] = { sector = value ≥ 0 }` sets `field` of each sector named, only where the model already
/// gives `requires` (else `missing` says why not):
/// - [capacity]: the opening capacity, only where the model gives one (a capacity on a sector
///   without would silently switch on a capacity limit the model never stated);
/// - [export_limit]: the most that may be sold abroad each year, only where the model gives an
///   export price (a limit on a good nobody may export would mean nothing) — a market that takes
///   less grain than requisitioning gave, say (plans/counterfactual/).
void apply_sector_values(const Fields& top, const char* key, Economy& e, std::optional<double> Sector::*field,
                         std::optional<double> Sector::*requires_, const char* missing) {
  auto table = top.table(key);
  if (!table) return;
  for (auto&& [k, node] : table->table()) {
    const std::string id(k.str());
    Sector& s = e.sectors[sector_or_fail(*table, id, e)];
    if (!(s.*requires_)) table->fail(id, fmt::format("sector \"{}\" {}", id, missing));
    s.*field = *table->nonnegative(id);
  }
}

/// [technical] / [capital]: `row = { col = value }`, each a coefficient ≥ 0.
void apply_coefficients(const Fields& top, const char* key, const Economy& e, Eigen::MatrixXd& m) {
  auto table = top.table(key);
  if (!table) return;
  for (auto&& [k, node] : table->table()) {
    const std::string row(k.str());
    const std::size_t i = sector_or_fail(*table, row, e);
    Fields cols = table->child(node, row, table->key_path(row));
    for (auto&& [c, value] : cols.table()) {
      const std::string col(c.str());
      const std::size_t j = sector_or_fail(cols, col, e);
      m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = *cols.nonnegative(col);
    }
  }
}

}  // namespace

void apply_model_overrides(const Fields& top, Economy& e) {
  apply_sector_values(top, "capacity", e, &Sector::capacity, &Sector::capacity, "has no capacity in the model to override");
  apply_sector_values(top, "export_limit", e, &Sector::export_limit, &Sector::export_price,
                      "has no export_price in the model, so no exports to limit");
  apply_coefficients(top, "technical", e, e.technical);
  apply_coefficients(top, "capital", e, e.capital);
}

}  // namespace planner
