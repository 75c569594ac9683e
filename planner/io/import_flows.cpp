// Splits a statistical office's flows CSV into Z, final demand, primary inputs and totals.
// The naming rule (when the options do not say):
// - sectors are the labels that are both a row and a column (the square block Z);
// - a row or column labelled output, total_output, gross_output or x (after sanitising) is
//   the total output; other labels starting with "total" or holding "intermediate" are
//   subtotals and left out;
// - every other column is final demand, every other row a primary input.
// Columns left of the label column and the name column are text and not read.
#include "planner/io/import_flows.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>

#include "planner/io/csv.hpp"
#include "planner/io/csv_cells.hpp"
#include "planner/model/error.hpp"

namespace planner {
namespace {

bool is_total_label(const std::string& label) {
  const std::string id = sanitise_id(label);
  return id == "output" || id == "total_output" || id == "gross_output" || id == "x";
}

bool is_subtotal_label(const std::string& label) {
  const std::string id = sanitise_id(label);
  return id.rfind("total", 0) == 0 || id.find("intermediate") != std::string::npos;
}

/// Index of `given` among `labels` (restricted to `candidates`): exact match first, then by sanitised id.
std::optional<std::size_t> find_label(const std::vector<std::string>& labels, const std::vector<std::size_t>& candidates,
                                      const std::string& given) {
  for (auto i : candidates)
    if (labels[i] == given) return i;
  for (auto i : candidates)
    if (sanitise_id(labels[i]) == sanitise_id(given)) return i;
  return std::nullopt;
}

std::string list_labels(const std::vector<std::string>& labels, const std::vector<std::size_t>& idx) {
  std::string out;
  for (auto i : idx) out += (out.empty() ? "" : ", ") + labels[i];
  return out;
}

struct Table {
  std::string file;
  std::vector<std::string> col_labels;  // all header cells
  std::vector<std::size_t> data_cols;   // columns holding numbers
  std::vector<std::string> row_labels;
  std::vector<CsvRecord> rows;
  int header_line = 1;

  std::string at_header() const { return fmt::format("line {}", header_line); }
  double cell(std::size_t row, std::size_t col, bool nonnegative) const {
    return number_cell(rows[row].cells[col], file, rows[row].line,
                       fmt::format("row \"{}\", column \"{}\"", row_labels[row], col_labels[col]), nonnegative);
  }
};

Table read_table(const std::filesystem::path& path, const FlowsLayout& layout) {
  Table t;
  t.file = path.string();
  std::vector<CsvRecord> records = read_csv_records(path);
  if (records.empty()) throw_bad_input(t.file, "", "empty file; expected a header row of column labels");
  const CsvRecord& header = records.front();
  t.header_line = header.line;
  t.col_labels = header.cells;
  std::vector<std::size_t> all(t.col_labels.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  std::size_t label_col = 0;
  if (!layout.label_col.empty()) {
    auto c = find_label(t.col_labels, all, layout.label_col);
    if (!c) throw_bad_input(t.file, t.at_header(), fmt::format("--label-col: no column \"{}\"; columns: {}", layout.label_col, list_labels(t.col_labels, all)));
    label_col = *c;
  }
  std::optional<std::size_t> name_col;
  if (!layout.name_col.empty()) {
    name_col = find_label(t.col_labels, all, layout.name_col);
    if (!name_col) throw_bad_input(t.file, t.at_header(), fmt::format("--name-col: no column \"{}\"; columns: {}", layout.name_col, list_labels(t.col_labels, all)));
  }
  std::set<std::string> seen;
  for (std::size_t c = label_col + 1; c < t.col_labels.size(); ++c) {
    if (name_col && c == *name_col) continue;
    if (t.col_labels[c].empty()) throw_bad_input(t.file, t.at_header(), fmt::format("column {} has no label", c + 1));
    if (!seen.insert(t.col_labels[c]).second)
      throw_bad_input(t.file, t.at_header(), fmt::format("duplicate column label \"{}\"", t.col_labels[c]));
    t.data_cols.push_back(c);
  }
  seen.clear();
  for (std::size_t r = 1; r < records.size(); ++r) {
    CsvRecord& rec = records[r];
    const std::string at = fmt::format("line {}", rec.line);
    if (rec.cells.size() != header.cells.size())
      throw_bad_input(t.file, at, fmt::format("row has {} cells, the header has {}", rec.cells.size(), header.cells.size()));
    const std::string& label = rec.cells[label_col];
    if (label.empty()) throw_bad_input(t.file, at, fmt::format("the row has no label in column \"{}\"", t.col_labels[label_col]));
    if (!seen.insert(label).second) throw_bad_input(t.file, at, fmt::format("duplicate row label \"{}\"", label));
    t.row_labels.push_back(label);
    t.rows.push_back(std::move(rec));
  }
  if (t.rows.empty()) throw_bad_input(t.file, "", "no rows below the header");
  if (name_col) {
    for (auto& r : t.rows) r.cells.push_back(r.cells[*name_col]);  // keep the display name at the end
  }
  return t;
}

}  // namespace

ImportedModel import_flows_csv(const std::filesystem::path& path, const FlowsLayout& layout) {
  const Table t = read_table(path, layout);
  const std::string& file = t.file;
  std::vector<std::size_t> row_idx(t.rows.size());
  for (std::size_t i = 0; i < row_idx.size(); ++i) row_idx[i] = i;

  auto resolve = [&](const std::vector<std::string>& given, bool rows, const char* option) {
    std::vector<std::size_t> out;
    const auto& labels = rows ? t.row_labels : t.col_labels;
    const auto& candidates = rows ? row_idx : t.data_cols;
    for (const auto& g : given) {
      auto i = find_label(labels, candidates, g);
      if (!i)
        throw_bad_input(file, rows ? "" : t.at_header(),
                        fmt::format("{}: no {} labelled \"{}\"; {}s: {}", option, rows ? "row" : "column", g,
                                    rows ? "row" : "column", list_labels(labels, candidates)));
      out.push_back(*i);
    }
    return out;
  };
  std::set<std::size_t> skip_rows, skip_cols;
  for (auto i : resolve(layout.skip_rows, true, "--skip-rows")) skip_rows.insert(i);
  for (auto i : resolve(layout.skip_cols, false, "--skip-cols")) skip_cols.insert(i);

  auto pick_total = [&](const std::string& given, bool rows, const char* option) -> std::optional<std::size_t> {
    if (!given.empty()) return resolve({given}, rows, option).front();
    for (auto i : rows ? row_idx : t.data_cols)
      if (!(rows ? skip_rows : skip_cols).count(i) && is_total_label(rows ? t.row_labels[i] : t.col_labels[i])) return i;
    return std::nullopt;
  };
  const auto total_row = pick_total(layout.total_row, true, "--total-row");
  const auto total_col = pick_total(layout.total_col, false, "--total-col");

  // Sectors: rows that are also columns, matched by label (or sanitised label).
  std::vector<std::size_t> sector_rows, sector_cols;
  if (!layout.sectors.empty()) {
    for (const auto& s : layout.sectors) {
      auto r = find_label(t.row_labels, row_idx, s);
      auto c = find_label(t.col_labels, t.data_cols, s);
      if (!r && !c) throw_bad_input(file, "", fmt::format("--sectors: no row or column labelled \"{}\"", s));
      if (!r || !c)
        throw_bad_input(file, r ? fmt::format("line {}", t.rows[*r].line) : t.at_header(),
                        fmt::format("the flows block is not square: sector \"{}\" is a {} but not a {}", s,
                                    r ? "row" : "column", r ? "column" : "row"));
      sector_rows.push_back(*r);
      sector_cols.push_back(*c);
    }
  } else {
    for (auto r : row_idx) {
      if (skip_rows.count(r) || r == total_row) continue;
      std::vector<std::size_t> cols;
      for (auto c : t.data_cols)
        if (!skip_cols.count(c) && c != total_col) cols.push_back(c);
      auto c = find_label(t.col_labels, cols, t.row_labels[r]);
      if (!c) continue;
      sector_rows.push_back(r);
      sector_cols.push_back(*c);
    }
    if (sector_rows.empty())
      throw_bad_input(file, t.at_header(),
                      "no row label is also a column label, so there is no square flows block; name the sectors with "
                      "--sectors (or the label column with --label-col)");
  }
  std::set<std::size_t> is_sector_row(sector_rows.begin(), sector_rows.end());
  std::set<std::size_t> is_sector_col(sector_cols.begin(), sector_cols.end());
  if (is_sector_col.size() != sector_cols.size() || is_sector_row.size() != sector_rows.size())
    throw_bad_input(file, "", "--sectors names the same row or column twice");

  ImportedModel m;
  std::vector<std::string> ignored;
  auto rest = [&](bool rows, const std::vector<std::string>& given, const char* option) {
    if (!given.empty()) {
      auto out = resolve(given, rows, option);
      for (auto i : out)
        if ((rows ? is_sector_row : is_sector_col).count(i) || i == (rows ? total_row : total_col))
          throw_bad_input(file, "", fmt::format("{}: \"{}\" is a sector or the total, not a {}", option,
                                                rows ? t.row_labels[i] : t.col_labels[i],
                                                rows ? "primary-input row" : "final-demand column"));
      return out;
    }
    std::vector<std::size_t> out;
    for (auto i : rows ? row_idx : t.data_cols) {
      if ((rows ? is_sector_row : is_sector_col).count(i) || i == (rows ? total_row : total_col) ||
          (rows ? skip_rows : skip_cols).count(i))
        continue;
      const std::string& label = rows ? t.row_labels[i] : t.col_labels[i];
      if (is_subtotal_label(label)) {
        ignored.push_back(fmt::format("{} \"{}\" (a subtotal by its name)", rows ? "row" : "column", label));
        continue;
      }
      out.push_back(i);
    }
    return out;
  };
  const auto fd_cols = rest(false, layout.final_demand_cols, "--final-demand-cols");
  const auto primary_rows = rest(true, layout.primary_rows, "--primary-rows");

  // Numbers.
  const auto n = static_cast<Eigen::Index>(sector_rows.size());
  m.flows.resize(n, n);
  Eigen::VectorXd f = Eigen::VectorXd::Zero(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto r = sector_rows[static_cast<std::size_t>(i)];
    for (Eigen::Index j = 0; j < n; ++j) m.flows(i, j) = t.cell(r, sector_cols[static_cast<std::size_t>(j)], true);
    for (auto c : fd_cols) f[i] += t.cell(r, c, false);
  }
  const Eigen::VectorXd sums = m.flows.rowwise().sum() + f;
  std::optional<Eigen::VectorXd> row_total, col_total;
  if (total_row) {
    Eigen::VectorXd v(n);
    for (Eigen::Index j = 0; j < n; ++j) v[j] = t.cell(*total_row, sector_cols[static_cast<std::size_t>(j)], false);
    row_total = v;
    m.balance.push_back({fmt::format("row \"{}\"", t.row_labels[*total_row]), v, sums - v});
  }
  if (total_col) {
    Eigen::VectorXd v(n);
    for (Eigen::Index i = 0; i < n; ++i) v[i] = t.cell(sector_rows[static_cast<std::size_t>(i)], *total_col, false);
    col_total = v;
    m.balance.push_back({fmt::format("column \"{}\"", t.col_labels[*total_col]), v, sums - v});
  }
  Eigen::VectorXd x = sums;
  if (layout.output_from == "total-row") {
    if (!row_total) throw_bad_input(file, "", "--output-from total-row: the table has no total-output row (name it with --total-row)");
    x = *row_total;
  } else if (layout.output_from == "total-col") {
    if (!col_total) throw_bad_input(file, "", "--output-from total-col: the table has no total-output column (name it with --total-col)");
    x = *col_total;
  } else if (layout.output_from != "sums") {
    throw Error(ExitCode::usage, "", "--output-from", "expected sums, total-row or total-col");
  }

  // Sectors.
  std::vector<std::string> ids, labels;
  for (auto r : sector_rows) {
    labels.push_back(t.row_labels[r]);
    ids.push_back(sanitise_id(t.row_labels[r]));
  }
  std::vector<std::string> taken;
  make_unique_ids(ids, labels, "sector", taken, m.notes);
  const bool has_names = !layout.name_col.empty();
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto k = static_cast<std::size_t>(i);
    const auto& rec = t.rows[sector_rows[k]];
    ImportedSector s{ids[k], has_names ? rec.cells.back() : labels[k], x[i], f[i]};
    if (s.name.empty()) s.name = labels[k];
    if (!(x[i] > 0) && (m.flows.col(i).sum() > 0 || m.flows.row(i).sum() > 0))
      throw_bad_input(file, fmt::format("line {}", rec.line),
                      fmt::format("sector \"{}\" has output x = {} (row sum of Z + final demand{}); a sector with flows "
                                  "needs output > 0", labels[k], x[i], layout.output_from == "sums" ? "" : ", or the total given"));
    if (f[i] < 0) {
      m.notes.push_back(fmt::format("sector \"{}\": final demand {} is negative (net of stock changes or re-exports); "
                                    "written as demand 0, output keeps the table's value",
                                    labels[k], f[i]));
      s.demand = 0;
    }
    m.sectors.push_back(std::move(s));
  }

  // Primary inputs as resources.
  std::vector<std::size_t> va_rows = resolve(layout.value_added_rows, true, "--value-added-rows");
  for (auto r : va_rows)
    if (std::find(primary_rows.begin(), primary_rows.end(), r) == primary_rows.end())
      throw_bad_input(file, "", fmt::format("--value-added-rows: \"{}\" is not one of the primary-input rows", t.row_labels[r]));
  std::vector<std::string> resource_ids, resource_labels;
  std::vector<Eigen::VectorXd> totals;
  std::vector<bool> value_added;
  for (auto r : primary_rows) {
    Eigen::VectorXd v(n);
    for (Eigen::Index j = 0; j < n; ++j) v[j] = t.cell(r, sector_cols[static_cast<std::size_t>(j)], false);
    Eigen::Index neg = -1;
    for (Eigen::Index j = 0; j < n && neg < 0; ++j)
      if (v[j] < 0) neg = j;
    if (neg >= 0) {
      m.notes.push_back(fmt::format("row \"{}\" left out: resources are ≥ 0 and it has {} for \"{}\" (line {})",
                                    t.row_labels[r], v[neg], labels[static_cast<std::size_t>(neg)], t.rows[r].line));
      continue;
    }
    for (Eigen::Index j = 0; j < n; ++j)
      if (v[j] > 0 && !(x[j] > 0))
        throw_bad_input(file, fmt::format("line {}", t.rows[r].line),
                        fmt::format("row \"{}\" has {} for sector \"{}\", whose output is {}; per unit of output needs output > 0",
                                    t.row_labels[r], v[j], labels[static_cast<std::size_t>(j)], x[j]));
    resource_labels.push_back(t.row_labels[r]);
    resource_ids.push_back(sanitise_id(t.row_labels[r]));
    totals.push_back(v);
    value_added.push_back(std::find(va_rows.begin(), va_rows.end(), r) != va_rows.end());
  }
  make_unique_ids(resource_ids, resource_labels, "primary-input row", taken, m.notes);
  for (std::size_t k = 0; k < resource_ids.size(); ++k)
    m.resources.push_back({resource_ids[k], resource_labels[k], "", value_added[k], totals[k]});

  m.notes.insert(m.notes.begin(),
                 fmt::format("sectors: {}; final demand: {}; primary inputs: {}; output x: {}",
                             list_labels(t.row_labels, sector_rows),
                             fd_cols.empty() ? std::string("none") : list_labels(t.col_labels, fd_cols),
                             primary_rows.empty() ? std::string("none") : list_labels(t.row_labels, primary_rows),
                             layout.output_from == "sums" ? std::string("row sums of Z + final demand")
                                                          : layout.output_from));
  for (const auto& s : ignored) m.notes.push_back("left out " + s);
  m.name = layout.name.empty() ? path.stem().string() : layout.name;
  m.unit = layout.unit;
  m.source = file;
  return m;
}

}  // namespace planner
