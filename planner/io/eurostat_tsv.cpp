#include "planner/io/eurostat_tsv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "planner/io/input_file.hpp"
#include "planner/model/error.hpp"

namespace planner {
namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cell;
  std::istringstream in(s);
  while (std::getline(in, cell, sep)) out.push_back(cell);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string listed(const std::set<std::string>& codes) {
  std::vector<std::string> v(codes.begin(), codes.end());
  if (v.size() > 12) {
    v.resize(12);
    v.emplace_back("…");
  }
  return fmt::format("{}", fmt::join(v, ", "));
}

std::size_t dimension(const std::vector<std::string>& dims, const std::vector<std::string>& prefixes, const std::string& file,
                      const char* what) {
  for (std::size_t k = 0; k < dims.size(); ++k)
    for (const auto& p : prefixes)
      if (dims[k].rfind(p, 0) == 0) return k;
  throw_bad_input(file, "line 1", fmt::format("no {} dimension (one named {}…) among {}", what, fmt::join(prefixes, "… or "),
                                              fmt::join(dims, ", ")));
}

/// Codes taken when a dimension has several and the selection names none.
const std::map<std::string, std::string> kDefaults{{"unit", "MIO_EUR"}, {"stk_flow", "TOTAL"}, {"freq", "A"}};

}  // namespace

EurostatSlice read_eurostat_slice(const std::filesystem::path& path, const EurostatSelection& sel,
                                  const std::vector<std::string>& row_prefixes, const std::vector<std::string>& col_prefixes) {
  const std::string file = path.string();
  std::vector<std::string> lines = split(read_input_text(path, "Eurostat TSV"), '\n');
  if (!lines.empty() && lines[0].rfind("\xEF\xBB\xBF", 0) == 0) lines[0] = lines[0].substr(3);
  // (The BOM is dropped first: a first line of a BOM alone is an empty header, found by fuzz_eurostat_tsv.)
  if (lines.empty() || trim(lines[0]).empty()) throw_bad_input(file, "line 1", "the file is empty; expected an SDMX-TSV header");
  const auto header = split(lines[0], '\t');
  const auto slash = header.empty() ? std::string::npos : header[0].find('\\');
  if (slash == std::string::npos || header.size() < 2)
    throw_bad_input(file, "line 1",
                    "not Eurostat's SDMX-TSV layout: expected a header `dim,…,geo\\TIME_PERIOD<TAB>period<TAB>…` "
                    "(tab-separated, dimension codes joined by commas)");
  std::vector<std::string> dims;
  for (const auto& d : split(header[0].substr(0, slash), ',')) {
    std::string t = trim(d);
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    dims.push_back(t);
  }
  const auto geo_it = std::find(dims.begin(), dims.end(), "geo");
  if (geo_it == dims.end()) throw_bad_input(file, "line 1", fmt::format("no geo dimension among {}", fmt::join(dims, ", ")));
  const std::size_t geo = static_cast<std::size_t>(geo_it - dims.begin());
  const std::size_t rd = dimension(dims, row_prefixes, file, "product"), cd = dimension(dims, col_prefixes, file, "industry");
  std::size_t period = 0;
  std::set<std::string> periods;
  for (std::size_t k = 1; k < header.size(); ++k) {
    periods.insert(trim(header[k]));
    if (trim(header[k]) == sel.period) period = k;
  }
  if (period == 0)
    throw_bad_input(file, "line 1", fmt::format("no period {} in the file; it has {}", sel.period, listed(periods)));

  // Pass 1: the series of the geo, and the codes of every other dimension among them.
  struct Series {
    int line;
    std::vector<std::string> codes, cells;
  };
  std::vector<Series> series;
  std::set<std::string> geos;
  std::vector<std::set<std::string>> codes(dims.size());
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (trim(lines[i]).empty()) continue;
    const int line = static_cast<int>(i + 1);
    auto cells = split(lines[i], '\t');
    auto key = split(cells[0], ',');
    if (key.size() != dims.size())
      throw_bad_input(file, fmt::format("line {}", line),
                      fmt::format("the series key \"{}\" has {} codes; the header names {} dimensions", cells[0], key.size(),
                                  dims.size()));
    for (auto& k : key) k = trim(k);
    geos.insert(key[geo]);
    if (key[geo] != sel.geo) continue;
    for (std::size_t d = 0; d < dims.size(); ++d) codes[d].insert(key[d]);
    series.push_back({line, std::move(key), std::move(cells)});
  }
  if (series.empty()) throw_bad_input(file, "", fmt::format("no series for geo \"{}\"; the file has {}", sel.geo, listed(geos)));
  std::vector<std::string> chosen(dims.size());
  for (std::size_t d = 0; d < dims.size(); ++d) {
    if (d == geo || d == rd || d == cd) continue;
    const auto s = sel.select.find(dims[d]);
    const auto def = kDefaults.find(dims[d]);
    if (s != sel.select.end()) {
      if (!codes[d].count(s->second))
        throw_bad_input(file, "", fmt::format("no {} = {} for geo {}; the file has {}", dims[d], s->second, sel.geo, listed(codes[d])));
      chosen[d] = s->second;
    } else if (codes[d].size() == 1) {
      chosen[d] = *codes[d].begin();
    } else if (def != kDefaults.end() && codes[d].count(def->second)) {
      chosen[d] = def->second;
    } else {
      throw_bad_input(file, "", fmt::format("dimension {} has several codes for geo {} ({}): choose one with --select {}=CODE",
                                            dims[d], sel.geo, listed(codes[d]), dims[d]));
    }
  }

  // Pass 2: the slice.
  EurostatSlice out;
  out.row_dim = dims[rd];
  out.col_dim = dims[cd];
  std::map<std::string, std::size_t> row_at, col_at;
  struct Cell {
    std::string row, col;
    double value;
  };
  std::vector<Cell> cells;
  for (const auto& s : series) {
    bool take = true;
    for (std::size_t d = 0; d < dims.size(); ++d)
      if (!chosen[d].empty() && s.codes[d] != chosen[d]) take = false;
    if (!take) continue;
    const std::string& r = s.codes[rd];
    const std::string& c = s.codes[cd];
    const std::string where = fmt::format("line {}", s.line);
    if (!out.line_of.emplace(std::pair{r, c}, s.line).second)
      throw_bad_input(file, where, fmt::format("a second series for {} × {} (also line {})", r, c, out.line_of.at({r, c})));
    const std::string cell = period < s.cells.size() ? trim(s.cells[period]) : ":";
    if (cell.empty() || cell[0] == ':')
      throw_bad_input(file, where,
                      fmt::format("no value (\"{}\") for {} × {} in {} {}: Eurostat marks a figure not available or "
                                  "confidential with `:`; a table with gaps cannot be converted",
                                  cell.empty() ? ":" : cell, r, c, sel.geo, sel.period));
    const std::string number = cell.substr(0, cell.find(' '));  // flags follow a space: "12.3 e"
    const auto v = parse_number_cell(number);
    if (!v || !std::isfinite(*v))
      throw_bad_input(file, where, fmt::format("the {} cell of {} × {} is \"{}\", not a number (with flags after a space)",
                                               sel.period, r, c, cell));
    if (row_at.emplace(r, row_at.size()).second) {
      out.table.matrix.rows.push_back(r);
      out.table.row_lines.push_back(s.line);
    }
    if (col_at.emplace(c, col_at.size()).second) out.table.matrix.cols.push_back(c);
    cells.push_back({r, c, *v});
  }
  out.table.matrix.data = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(row_at.size()), static_cast<Eigen::Index>(col_at.size()));
  for (const auto& c : cells)
    out.table.matrix.data(static_cast<Eigen::Index>(row_at[c.row]), static_cast<Eigen::Index>(col_at[c.col])) = c.value;
  return out;
}

}  // namespace planner
