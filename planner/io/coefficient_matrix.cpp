#include "planner/io/coefficient_matrix.hpp"

#include <fmt/format.h>

#include <cmath>

#include "planner/io/csv.hpp"
#include "planner/io/matrix_ranges.hpp"
#include "planner/model/error.hpp"

namespace planner {
namespace {

using toml_fields::Fields;

std::vector<std::string> ids_of(const std::vector<Sector>& sectors) {
  std::vector<std::string> ids;
  for (const auto& s : sectors) ids.push_back(s.id);
  return ids;
}

/// `rows = { coal = [0.1, 0.5, 0.4], … }`: one row per sector, values in sector order.
Eigen::MatrixXd read_inline_rows(const Fields& rows, const std::vector<Sector>& sectors) {
  const auto n = static_cast<Eigen::Index>(sectors.size());
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(n, n);
  std::vector<bool> given(sectors.size(), false);
  for (auto&& [k, node] : rows.table()) {
    const std::string id(k.str());
    std::optional<std::size_t> i;
    for (std::size_t s = 0; s < sectors.size(); ++s)
      if (sectors[s].id == id) i = s;
    if (!i) rows.fail(id, fmt::format("no sector \"{}\"", id));
    const toml::array* a = node.as_array();
    if (!a) rows.fail(id, fmt::format("expected a list of {} numbers (one per sector), got {}", n, toml_fields::describe(node)));
    if (static_cast<Eigen::Index>(a->size()) != n)
      rows.fail(id, fmt::format("expected {} numbers (one per sector, in sector order), got {}", n, a->size()));
    for (Eigen::Index j = 0; j < n; ++j) {
      const toml::node& cell = (*a)[static_cast<std::size_t>(j)];
      const std::string at = fmt::format("[{}] (column \"{}\")", j, sectors[static_cast<std::size_t>(j)].id);
      m(static_cast<Eigen::Index>(*i), j) = rows.element(cell, id, at, fmt::format("[{}]", j), 0.0);
    }
    given[*i] = true;
  }
  for (std::size_t s = 0; s < sectors.size(); ++s)
    if (!given[s]) rows.fail("", fmt::format("no row for sector \"{}\" (list every sector; use zeros for none)", sectors[s].id));
  return m;
}

/// A = Z / x̄ column by column; a column with flows needs a positive base-year output.
Eigen::MatrixXd coefficients_from_flows(const Fields& table, const Eigen::MatrixXd& z, const std::vector<Sector>& sectors) {
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(z.rows(), z.cols());
  for (Eigen::Index j = 0; j < z.cols(); ++j) {
    const Sector& s = sectors[static_cast<std::size_t>(j)];
    if (z.col(j).isZero(0.0)) continue;
    if (!(s.output > 0))
      table.fail("flows", fmt::format("sector \"{}\" has flows into it but output {} (A = Z / output needs output > 0)",
                                      s.id, s.output));
    a.col(j) = z.col(j) / s.output;
    if (!a.col(j).allFinite())
      table.fail("flows", fmt::format("sector \"{}\": flows / output {} give a coefficient beyond the range of a double; "
                                      "check the units of the flows and of the output",
                                      s.id, s.output));
  }
  return a;
}

}  // namespace

std::filesystem::path resolve_data_file(const Fields& fields, std::string_view key, const std::filesystem::path& base_dir) {
  std::filesystem::path p = fields.required_string(key);
  if (p.is_relative()) p = base_dir / p;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(p, ec)) fields.fail(key, fmt::format("file not found: {}", p.string()));
  return p;
}

CoefficientMatrix read_coefficient_matrix(const Fields& table, const std::vector<Sector>& sectors,
                                          const std::filesystem::path& base_dir, bool technical) {
  if (technical) table.allow_only({"lag", "file", "triplets", "rows", "flows", "ranges"});
  else table.allow_only({"lag", "file", "triplets", "rows", "ranges"});  // capital flows / x̄ is no per-capacity coefficient
  CoefficientMatrix out;
  out.lag = table.integer("lag", 0, technical ? 1 : 100).value_or(0);
  const std::string source = technical ? table.one_of({"file", "triplets", "rows", "flows"}, true)
                                       : table.one_of({"file", "triplets", "rows"}, true);
  const auto ids = ids_of(sectors);
  if (source == "file") {
    out.values = read_sector_matrix(resolve_data_file(table, "file", base_dir), ids);
  } else if (source == "triplets") {
    out.values = read_triplet_matrix(resolve_data_file(table, "triplets", base_dir), ids);
  } else if (source == "rows") {
    out.values = read_inline_rows(*table.table("rows"), sectors);
  } else {
    Eigen::MatrixXd z = read_sector_matrix(resolve_data_file(table, "flows", base_dir), ids);
    out.values = coefficients_from_flows(table, z, sectors);
    out.flows = std::move(z);
  }
  if (table.has("ranges")) {
    if (source == "flows")
      table.fail("ranges", "ranges give coefficients' distributions; with flows, A is derived (give file, triplets or rows)");
    apply_matrix_ranges(resolve_data_file(table, "ranges", base_dir), ids, technical ? "technical" : "capital", out.values);
  }
  return out;
}

}  // namespace planner
