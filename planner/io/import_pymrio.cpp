// pymrio's text layout, as pandas DataFrame.to_csv(sep="\t") writes a labelled matrix:
//   region      <tab> <tab> reg1 <tab> reg1 …      one header row per column level, its
//   sector      <tab> <tab> food <tab> mining …    first cell the level's name
//   region <tab> sector <tab> <tab> …              the index names (absent when unnamed)
//   reg1 <tab> food <tab> 23697.221 <tab> …        label cells, then numbers
// x.txt and unit.txt have one column: a single header row `region sector indout`.
#include "planner/io/import_pymrio.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>

#include "planner/io/csv_cells.hpp"
#include "planner/io/input_file.hpp"
#include "planner/model/error.hpp"

namespace planner {
namespace {

namespace fs = std::filesystem;

struct Line {
  int number;
  std::vector<std::string> cells;
};

/// Splits a tab-separated line; a cell in double quotes may hold tabs ("" is a quote).
std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') cells.back() += '"', ++i;
      else if (c == '"') quoted = false;
      else cells.back() += c;
    } else if (c == '"' && cells.back().empty()) {
      quoted = true;
    } else if (c == '\t') {
      cells.emplace_back();
    } else {
      cells.back() += c;
    }
  }
  return cells;
}

std::vector<Line> read_lines(const fs::path& file) {
  std::ifstream in = open_input_file(file, "pymrio table");
  std::vector<Line> lines;
  std::string text;
  int number = 0;
  while (std::getline(in, text)) {
    ++number;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (number == 1 && text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    if (text.find_first_not_of(" \t") == std::string::npos) continue;
    lines.push_back({number, split_tabs(text)});
  }
  if (lines.empty()) throw_bad_input(file.string(), "", "empty file; expected a tab-separated pymrio table");
  return lines;
}

double number_at(const std::string& cell, const fs::path& file, int line, const std::string& what) {
  if (cell.empty())
    throw_bad_input(file.string(), fmt::format("line {}", line), fmt::format("{}: empty cell (NaN in pandas); expected a number", what));
  auto v = parse_number_cell(cell);
  if (!v) throw_bad_input(file.string(), fmt::format("line {}", line), fmt::format("{}: expected a number, got \"{}\"", what, cell));
  if (!std::isfinite(*v))
    throw_bad_input(file.string(), fmt::format("line {}", line), fmt::format("{}: expected a finite number, got \"{}\"", what, cell));
  return *v;
}

std::string joined(const std::vector<std::string>& labels, const std::string& sep) {
  std::string out;
  for (const auto& l : labels) out += (out.empty() ? "" : sep) + l;
  return out;
}

/// A one-column table (x.txt, unit.txt): labels → (cell, line).
struct Keyed {
  std::map<std::string, std::pair<std::string, int>> values;
};

Keyed read_keyed(const fs::path& file) {
  auto lines = read_lines(file);
  const std::size_t width = lines.front().cells.size();
  if (width < 2) throw_bad_input(file.string(), fmt::format("line {}", lines.front().number), "expected label columns and one value column");
  Keyed k;
  for (std::size_t r = 1; r < lines.size(); ++r) {
    const auto& l = lines[r];
    if (l.cells.size() != width)
      throw_bad_input(file.string(), fmt::format("line {}", l.number), fmt::format("row has {} cells, the header has {}", l.cells.size(), width));
    std::vector<std::string> labels(l.cells.begin(), l.cells.end() - 1);
    if (!k.values.emplace(joined(labels, " / "), std::make_pair(l.cells.back(), l.number)).second)
      throw_bad_input(file.string(), fmt::format("line {}", l.number), fmt::format("duplicate row \"{}\"", joined(labels, " / ")));
  }
  return k;
}

std::string label_of(const std::vector<std::string>& levels) { return joined(levels, " / "); }

/// For each column of `t`, its index among `rows` (labels of Z's rows); unknown labels are errors.
std::vector<Eigen::Index> match_columns(const PymrioTable& t, const std::map<std::string, Eigen::Index>& rows,
                                        const fs::path& file, const std::string& of_what) {
  std::vector<Eigen::Index> out;
  std::vector<bool> seen(rows.size(), false);
  for (const auto& c : t.col_labels) {
    auto it = rows.find(label_of(c));
    if (it == rows.end())
      throw_bad_input(file.string(), fmt::format("line {}", t.header_line),
                      fmt::format("column \"{}\" is not a {}", label_of(c), of_what));
    if (seen[static_cast<std::size_t>(it->second)])
      throw_bad_input(file.string(), fmt::format("line {}", t.header_line), fmt::format("duplicate column \"{}\"", label_of(c)));
    seen[static_cast<std::size_t>(it->second)] = true;
    out.push_back(it->second);
  }
  return out;
}

}  // namespace

PymrioTable read_pymrio_table(const fs::path& file, int col_levels) {
  const std::string name = file.string();
  auto lines = read_lines(file);
  PymrioTable t;
  t.header_line = lines.front().number;
  const auto& first = lines.front().cells;
  std::size_t nidx = 0;
  for (std::size_t c = 1; c < first.size() && nidx == 0; ++c)
    if (!first[c].empty()) nidx = c;
  if (nidx == 0) throw_bad_input(name, fmt::format("line {}", t.header_line), "no column labels in the first row");
  const std::size_t width = first.size();
  if (lines.size() < static_cast<std::size_t>(col_levels))
    throw_bad_input(name, "", fmt::format("expected {} header rows of column labels", col_levels));
  t.col_labels.assign(width - nidx, {});
  for (int h = 0; h < col_levels; ++h) {
    const Line& l = lines[static_cast<std::size_t>(h)];
    if (l.cells.size() != width)
      throw_bad_input(name, fmt::format("line {}", l.number), fmt::format("header row has {} cells, the first has {}", l.cells.size(), width));
    for (std::size_t c = nidx; c < width; ++c) {
      if (l.cells[c].empty())
        throw_bad_input(name, fmt::format("line {}", l.number), fmt::format("column {} has no label in this header row", c + 1));
      t.col_labels[c - nidx].push_back(l.cells[c]);
    }
  }
  std::size_t r = static_cast<std::size_t>(col_levels);
  auto data_empty = [&](const Line& l) {
    return std::all_of(l.cells.begin() + static_cast<std::ptrdiff_t>(std::min(nidx, l.cells.size())), l.cells.end(),
                       [](const std::string& s) { return s.empty(); });
  };
  if (r < lines.size() && data_empty(lines[r])) ++r;  // the index-name row
  std::vector<std::vector<double>> values;
  std::map<std::string, int> seen;
  for (; r < lines.size(); ++r) {
    const Line& l = lines[r];
    const std::string at = fmt::format("line {}", l.number);
    if (l.cells.size() != width)
      throw_bad_input(name, at, fmt::format("row has {} cells, the header has {}", l.cells.size(), width));
    std::vector<std::string> labels(l.cells.begin(), l.cells.begin() + static_cast<std::ptrdiff_t>(nidx));
    if (std::all_of(labels.begin(), labels.end(), [](const std::string& s) { return s.empty(); }))
      throw_bad_input(name, at, "the row has no label");
    auto [it, fresh] = seen.emplace(label_of(labels), l.number);
    if (!fresh) throw_bad_input(name, at, fmt::format("duplicate row \"{}\" (first on line {})", label_of(labels), it->second));
    std::vector<double> row;
    for (std::size_t c = nidx; c < width; ++c)
      row.push_back(number_at(l.cells[c], file, l.number,
                              fmt::format("row \"{}\", column \"{}\"", label_of(labels), label_of(t.col_labels[c - nidx]))));
    t.row_labels.push_back(std::move(labels));
    t.row_lines.push_back(l.number);
    values.push_back(std::move(row));
  }
  t.data.resize(static_cast<Eigen::Index>(values.size()), static_cast<Eigen::Index>(width - nidx));
  for (std::size_t i = 0; i < values.size(); ++i)
    for (std::size_t j = 0; j < values[i].size(); ++j)
      t.data(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = values[i][j];
  return t;
}

ImportedModel import_pymrio(const fs::path& dir_in, const PymrioOptions& options) {
  fs::path dir = dir_in;
  if (!dir.has_filename()) dir = dir.parent_path();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw_bad_input(dir.string(), "", "not a folder; expected a pymrio folder with Z.txt and Y.txt");
  for (const char* f : {"Z.txt", "Y.txt"})
    if (!fs::is_regular_file(dir / f, ec))
      throw_bad_input(dir.string(), "", fmt::format("no {} in the folder; expected a pymrio folder as IOSystem.save_all() writes it", f));

  ImportedModel m;
  const fs::path z_file = dir / "Z.txt";
  PymrioTable z = read_pymrio_table(z_file, 2);
  const auto n = static_cast<Eigen::Index>(z.row_labels.size());
  if (z.data.cols() != n)
    throw_bad_input(z_file.string(), fmt::format("line {}", z.header_line),
                    fmt::format("Z is not square: {} rows and {} columns", n, z.data.cols()));
  std::map<std::string, Eigen::Index> rows;
  for (Eigen::Index i = 0; i < n; ++i) rows[label_of(z.row_labels[static_cast<std::size_t>(i)])] = i;
  const auto z_cols = match_columns(z, rows, z_file, "row of Z (Z's rows and columns must be the same sectors)");
  m.flows.resize(n, n);
  for (Eigen::Index j = 0; j < n; ++j) m.flows.col(z_cols[static_cast<std::size_t>(j)]) = z.data.col(j);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j)
      if (z.data(i, j) < 0)
        throw_bad_input(z_file.string(), fmt::format("line {}", z.row_lines[static_cast<std::size_t>(i)]),
                        fmt::format("row \"{}\", column \"{}\": flows must be ≥ 0, got {}", label_of(z.row_labels[static_cast<std::size_t>(i)]),
                                    label_of(z.col_labels[static_cast<std::size_t>(j)]), z.data(i, j)));

  // Rows of another table in Z's row order; unknown or missing rows are errors.
  auto match_rows = [&](const std::vector<std::vector<std::string>>& labels, const std::vector<int>& lines,
                        const fs::path& file) {
    std::vector<Eigen::Index> out;
    for (std::size_t k = 0; k < labels.size(); ++k) {
      auto it = rows.find(label_of(labels[k]));
      if (it == rows.end())
        throw_bad_input(file.string(), fmt::format("line {}", lines[k]), fmt::format("row \"{}\" is not a sector of Z.txt", label_of(labels[k])));
      out.push_back(it->second);
    }
    if (static_cast<Eigen::Index>(out.size()) != n)
      throw_bad_input(file.string(), "", fmt::format("{} rows, Z.txt has {} sectors", out.size(), n));
    return out;
  };

  const fs::path y_file = dir / "Y.txt";
  PymrioTable y = read_pymrio_table(y_file, 2);
  const auto y_rows = match_rows(y.row_labels, y.row_lines, y_file);
  Eigen::VectorXd f = Eigen::VectorXd::Zero(n);
  for (std::size_t k = 0; k < y_rows.size(); ++k) f[y_rows[k]] = y.data.row(static_cast<Eigen::Index>(k)).sum();
  const Eigen::VectorXd sums = m.flows.rowwise().sum() + f;
  Eigen::VectorXd x = sums;
  if (fs::is_regular_file(dir / "x.txt", ec)) {
    const fs::path x_file = dir / "x.txt";
    Keyed k = read_keyed(x_file);
    std::vector<std::vector<std::string>> labels;
    std::vector<int> lines;
    std::vector<double> values;
    for (const auto& [label, cell] : k.values) {
      labels.push_back({label});
      lines.push_back(cell.second);
      values.push_back(number_at(cell.first, x_file, cell.second, fmt::format("row \"{}\"", label)));
    }
    auto idx = match_rows(labels, lines, x_file);
    for (std::size_t i = 0; i < idx.size(); ++i) x[idx[i]] = values[i];
    m.balance.push_back({"x.txt", x, sums - x});
  }

  // Sectors.
  std::vector<std::string> ids, labels;
  for (const auto& l : z.row_labels) {
    labels.push_back(label_of(l));
    ids.push_back(sanitise_id(joined(l, "_")));
  }
  std::vector<std::string> taken;
  make_unique_ids(ids, labels, "sector", taken, m.notes);
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto k = static_cast<std::size_t>(i);
    ImportedSector s{ids[k], labels[k], x[i], f[i]};
    if (!(x[i] > 0) && m.flows.col(i).sum() > 0)
      throw_bad_input(z_file.string(), fmt::format("line {}", z.row_lines[k]),
                      fmt::format("sector \"{}\" buys inputs but has output x = {}; A = Z / x needs output > 0", labels[k], x[i]));
    if (f[i] < 0) {
      m.notes.push_back(fmt::format("sector \"{}\": final demand {} is negative; written as demand 0, output keeps its value", labels[k], f[i]));
      s.demand = 0;
    }
    m.sectors.push_back(std::move(s));
  }

  // Units: the model unit from unit.txt when every sector has the same one.
  m.unit = options.unit;
  if (m.unit.empty() && fs::is_regular_file(dir / "unit.txt", ec)) {
    Keyed u = read_keyed(dir / "unit.txt");
    std::string common;
    bool same = true;
    for (const auto& [label, cell] : u.values) {
      if (common.empty()) common = cell.first;
      else if (cell.first != common) same = false;
    }
    if (same) m.unit = common;
  }

  // Extensions: every sub-folder with F.txt, in name order.
  std::vector<fs::path> extensions;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_directory() && fs::is_regular_file(entry.path() / "F.txt")) extensions.push_back(entry.path());
  std::sort(extensions.begin(), extensions.end());
  std::vector<std::string> resource_ids, resource_labels;
  for (const auto& ext : extensions) {
    const std::string ext_name = ext.filename().string();
    const std::string ext_id = sanitise_id(ext_name);
    const bool value_added = ext_id.find("factor_input") != std::string::npos || ext_id.find("value_added") != std::string::npos;
    const fs::path f_file = ext / "F.txt";
    PymrioTable table = read_pymrio_table(f_file, 2);
    if (table.data.cols() != n)
      throw_bad_input(f_file.string(), fmt::format("line {}", table.header_line),
                      fmt::format("{} columns, Z.txt has {} sectors", table.data.cols(), n));
    const auto cols = match_columns(table, rows, f_file, "sector of Z.txt");
    std::optional<Keyed> units;
    if (fs::is_regular_file(ext / "unit.txt", ec)) units = read_keyed(ext / "unit.txt");
    for (std::size_t r = 0; r < table.row_labels.size(); ++r) {
      const std::string label = label_of(table.row_labels[r]);
      Eigen::VectorXd total = Eigen::VectorXd::Zero(n);
      for (Eigen::Index j = 0; j < n; ++j) total[cols[static_cast<std::size_t>(j)]] = table.data(static_cast<Eigen::Index>(r), j);
      if ((total.array() < 0).any()) {
        m.notes.push_back(fmt::format("{} row \"{}\" left out: resources are ≥ 0 and it has negative entries (line {})",
                                      f_file.string(), label, table.row_lines[r]));
        continue;
      }
      for (Eigen::Index j = 0; j < n; ++j)
        if (total[j] > 0 && !(x[j] > 0)) {
          m.notes.push_back(fmt::format("{} row \"{}\": sector \"{}\" has output 0, its {} is left out (pymrio's S is 0 there)",
                                        f_file.string(), label, labels[static_cast<std::size_t>(j)], total[j]));
          total[j] = 0;
        }
      ImportedResource res{"", label + " (" + ext_name + ")", "", value_added, total};
      if (units) {
        auto it = units->values.find(label);
        if (it != units->values.end()) res.unit = it->second.first;
      }
      resource_ids.push_back(sanitise_id(joined(table.row_labels[r], "_")));
      resource_labels.push_back(label);
      m.resources.push_back(std::move(res));
    }
  }
  make_unique_ids(resource_ids, resource_labels, "stressor", taken, m.notes);
  for (std::size_t k = 0; k < resource_ids.size(); ++k) m.resources[k].id = resource_ids[k];

  m.notes.insert(m.notes.begin(),
                 fmt::format("{} sectors (region_sector); final demand: row sums of Y over {} columns; output x: {}; "
                             "{} resources from {} extension(s)",
                             n, y.data.cols(), m.balance.empty() ? "row sums of Z and Y" : "x.txt", m.resources.size(),
                             extensions.size()));
  m.name = options.name.empty() ? dir.filename().string() : options.name;
  m.source = dir.string();
  return m;
}

}  // namespace planner
