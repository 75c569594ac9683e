#include "planner/io/plan_overrides.hpp"

#include <fmt/format.h>

#include <string>

namespace planner {
namespace {

using toml_fields::Fields;

std::size_t sector_or_fail(const Fields& f, const std::string& id, const Economy& e) {
  auto i = e.sector_index(id);
  if (!i) f.fail(id, fmt::format("no sector \"{}\" in the model", id));
  return *i;
}

/// [capacity]: a sector's opening capacity; only where the model gives one (a capacity on a
/// sector without would silently switch on a capacity limit the model never stated).
void apply_capacities(const Fields& top, Economy& e) {
  auto table = top.table("capacity");
  if (!table) return;
  for (auto&& [k, node] : table->table()) {
    const std::string id(k.str());
    Sector& s = e.sectors[sector_or_fail(*table, id, e)];
    if (!s.capacity) table->fail(id, fmt::format("sector \"{}\" has no capacity in the model to override", id));
    s.capacity = *table->nonnegative(id);
  }
}

/// [export_limit]: the most of a sector that may be sold abroad each year; only where the model
/// gives an export price (a limit on a good nobody may export would mean nothing) — a market
/// that takes less grain than requisitioning gave, say (plans/counterfactual/).
void apply_export_limits(const Fields& top, Economy& e) {
  auto table = top.table("export_limit");
  if (!table) return;
  for (auto&& [k, node] : table->table()) {
    const std::string id(k.str());
    Sector& s = e.sectors[sector_or_fail(*table, id, e)];
    if (!s.export_price) table->fail(id, fmt::format("sector \"{}\" has no export_price in the model, so no exports to limit", id));
    s.export_limit = *table->nonnegative(id);
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
  apply_capacities(top, e);
  apply_export_limits(top, e);
  apply_coefficients(top, "technical", e, e.technical);
  apply_coefficients(top, "capital", e, e.capital);
}

}  // namespace planner
