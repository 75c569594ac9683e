#include "planner/io/matrix_ranges.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <set>

#include "planner/io/csv.hpp"
#include "planner/io/uncertain_reading.hpp"
#include "planner/model/error.hpp"

namespace planner {
namespace {

/// The cell as a TOML value: a number where it reads as one, else a string (so the
/// uncertain-number checks say "expected a number, got \"abc\"").
void put_cell(toml::table& t, const std::string& key, const std::string& cell, bool numeric) {
  if (cell.empty()) return;
  if (numeric) {
    char* end = nullptr;
    const double v = std::strtod(cell.c_str(), &end);
    if (end && *end == '\0') {
      t.insert(key, v);
      return;
    }
  }
  t.insert(key, cell);
}

}  // namespace

void apply_matrix_ranges(const std::filesystem::path& file, const std::vector<std::string>& ids,
                         const std::string& name, Eigen::MatrixXd& matrix) {
  const std::string f = file.string();
  const auto records = read_csv_records(file);
  if (records.empty()) throw_bad_input(f, "", "empty ranges file; expected the header row,column,value,low,high,dist,…");
  std::map<std::string, std::size_t> column;
  const std::set<std::string> known{"row", "column", "value", "low", "high", "dist", "sd", "gsd", "group", "reason"};
  for (std::size_t c = 0; c < records[0].cells.size(); ++c) {
    const std::string& h = records[0].cells[c];
    if (!known.count(h))
      throw_bad_input(f, fmt::format("line {}", records[0].line),
                      fmt::format("unknown column \"{}\"; allowed: row, column, value, low, high, dist, sd, gsd, group, reason", h));
    if (!column.emplace(h, c).second)
      throw_bad_input(f, fmt::format("line {}", records[0].line), fmt::format("column \"{}\" appears twice", h));
  }
  for (const char* required : {"row", "column", "value", "dist"})
    if (!column.count(required))
      throw_bad_input(f, fmt::format("line {}", records[0].line), fmt::format("missing column \"{}\"", required));
  auto index_of = [&](const std::string& id) -> std::optional<Eigen::Index> {
    for (std::size_t i = 0; i < ids.size(); ++i)
      if (ids[i] == id) return static_cast<Eigen::Index>(i);
    return std::nullopt;
  };
  std::set<std::pair<Eigen::Index, Eigen::Index>> seen;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    const std::string at = fmt::format("line {}", rec.line);
    if (rec.cells.size() != records[0].cells.size())
      throw_bad_input(f, at, fmt::format("expected {} cells like the header, got {}", records[0].cells.size(), rec.cells.size()));
    auto cell = [&](const std::string& key) -> std::string {
      auto it = column.find(key);
      return it == column.end() ? std::string() : rec.cells[it->second];
    };
    const auto i = index_of(cell("row"));
    if (!i) throw_bad_input(f, at, fmt::format("row: no sector \"{}\" in this model", cell("row")));
    const auto j = index_of(cell("column"));
    if (!j) throw_bad_input(f, at, fmt::format("column: no sector \"{}\" in this model", cell("column")));
    if (!seen.insert({*i, *j}).second)
      throw_bad_input(f, at, fmt::format("the entry ({}, {}) is given twice", cell("row"), cell("column")));
    toml::table t;
    for (const char* k : {"value", "low", "high", "sd", "gsd"}) put_cell(t, k, cell(k), true);
    for (const char* k : {"dist", "group", "reason"}) put_cell(t, k, cell(k), false);
    const std::string key = fmt::format("{}.ranges[{},{}]", name, cell("row"), cell("column"));
    UncertainNumber u;
    try {
      u = parse_uncertain_number(t, f, key, 0.0);
    } catch (const Error& e) {
      throw_bad_input(f, fmt::format("{}: {}", at, e.where()), e.message());
    }
    u.line = rec.line;
    const double entry = matrix(*i, *j);
    if (std::abs(u.value - entry) > 1e-12 * std::max(1.0, std::abs(entry)))
      throw_bad_input(f, fmt::format("{}: {}", at, key),
                      fmt::format("value {} differs from the {} matrix's entry {}; the ranges file must repeat the entry",
                                  u.value, name, entry));
    matrix(*i, *j) = take_uncertain_number(std::move(u));
  }
}

}  // namespace planner
