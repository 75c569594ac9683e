#include "planner/io/balance_totals.hpp"

#include <fmt/format.h>

#include <map>
#include <optional>

#include "planner/io/csv.hpp"
#include "planner/io/csv_cells.hpp"
#include "planner/model/error.hpp"

namespace planner {

BalanceTotals read_balance_totals(const std::filesystem::path& file, const std::vector<std::string>& rows,
                                  const std::vector<std::string>& cols) {
  const std::string name = file.string();
  const auto records = read_csv_records(file);
  if (records.empty()) throw_bad_input(name, "", "the file is empty; expected the header id,row_total,column_total");
  const auto& header = records.front();
  std::optional<std::size_t> row_col, col_col;
  for (std::size_t c = 1; c < header.cells.size(); ++c) {
    if (header.cells[c] == "row_total") row_col = c;
    else if (header.cells[c] == "column_total") col_col = c;
    else
      throw_bad_input(name, fmt::format("line {}", header.line),
                      fmt::format("unknown column \"{}\"; expected row_total and column_total", header.cells[c]));
  }
  if (!row_col || !col_col)
    throw_bad_input(name, fmt::format("line {}", header.line), "expected the header id,row_total,column_total");

  std::map<std::string, std::size_t> row_at, col_at;
  for (std::size_t i = 0; i < rows.size(); ++i) row_at[rows[i]] = i;
  for (std::size_t j = 0; j < cols.size(); ++j) col_at[cols[j]] = j;
  BalanceTotals t{Eigen::VectorXd::Zero(static_cast<Eigen::Index>(rows.size())),
                  Eigen::VectorXd::Zero(static_cast<Eigen::Index>(cols.size()))};
  std::vector<bool> row_seen(rows.size()), col_seen(cols.size());
  std::map<std::string, int> line_of;
  for (std::size_t k = 1; k < records.size(); ++k) {
    const auto& rec = records[k];
    const std::string where = fmt::format("line {}", rec.line);
    if (rec.cells.size() != header.cells.size())
      throw_bad_input(name, where, fmt::format("{} cells, the header has {}", rec.cells.size(), header.cells.size()));
    const std::string& id = rec.cells[0];
    if (auto [it, fresh] = line_of.emplace(id, rec.line); !fresh)
      throw_bad_input(name, where, fmt::format("\"{}\" is listed twice (also line {})", id, it->second));
    const auto r = row_at.find(id);
    const auto c = col_at.find(id);
    if (r == row_at.end() && c == col_at.end())
      throw_bad_input(name, where, fmt::format("\"{}\" is neither a row nor a column of the matrix", id));
    const std::string& rc = rec.cells[*row_col];
    const std::string& cc = rec.cells[*col_col];
    if (!rc.empty()) {
      if (r == row_at.end()) throw_bad_input(name, where, fmt::format("\"{}\" has a row_total but is not a row of the matrix", id));
      t.row_totals[static_cast<Eigen::Index>(r->second)] = number_cell(rc, name, rec.line, fmt::format("\"{}\" row_total", id), false);
      row_seen[r->second] = true;
    }
    if (!cc.empty()) {
      if (c == col_at.end()) throw_bad_input(name, where, fmt::format("\"{}\" has a column_total but is not a column of the matrix", id));
      t.column_totals[static_cast<Eigen::Index>(c->second)] = number_cell(cc, name, rec.line, fmt::format("\"{}\" column_total", id), false);
      col_seen[c->second] = true;
    }
  }
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (!row_seen[i]) throw_bad_input(name, "", fmt::format("no row_total for row \"{}\" of the matrix", rows[i]));
  for (std::size_t j = 0; j < cols.size(); ++j)
    if (!col_seen[j]) throw_bad_input(name, "", fmt::format("no column_total for column \"{}\" of the matrix", cols[j]));
  return t;
}

}  // namespace planner
