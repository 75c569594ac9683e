// CSV reading for model matrices and sector tables (spec §3).
// Dialect: RFC 4180 quoting ("a ""b"""), a UTF-8 byte-order mark and CRLF/CR line ends are
// tolerated, blank lines are skipped, spaces around unquoted cells are trimmed. There are
// no comment lines: spreadsheets and pandas do not write them, so a `#` line is data (and
// fails as an unknown id), and sources belong in the model's README or `source` fields.
#include "planner/io/csv.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "planner/io/csv_cells.hpp"
#include "planner/io/input_file.hpp"
#include "planner/io/sparse_triplets.hpp"
#include "planner/model/error.hpp"

namespace planner {
namespace {

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

std::string where_line(int line) { return fmt::format("line {}", line); }

/// Splits CSV text into records; `name` names the file in messages.
class CsvParser {
 public:
  CsvParser(const std::string& text, const std::string& name) : text_(text), name_(name) {
    if (text_.rfind("\xEF\xBB\xBF", 0) == 0) pos_ = 3;  // UTF-8 byte-order mark (Excel)
  }

  std::vector<CsvRecord> parse() {
    std::vector<CsvRecord> records;
    while (pos_ < text_.size()) {
      CsvRecord r = record();
      bool blank = r.cells.size() == 1 && r.cells[0].empty() && !last_cell_quoted_;
      if (!blank) records.push_back(std::move(r));
    }
    return records;
  }

 private:
  bool at_line_end() const { return pos_ >= text_.size() || text_[pos_] == '\n' || text_[pos_] == '\r'; }

  void skip_line_end() {
    if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
  }

  CsvRecord record() {
    CsvRecord r;
    r.line = line_;
    while (true) {
      r.cells.push_back(cell());
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      skip_line_end();
      return r;
    }
  }

  std::string cell() {
    last_cell_quoted_ = false;
    std::size_t start = pos_;
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '"') return quoted_cell();
    pos_ = start;
    std::string out;
    while (!at_line_end() && text_[pos_] != ',') {
      if (text_[pos_] == '"')
        throw_bad_input(name_, where_line(line_), "a quote (\") inside an unquoted cell; quote the whole cell");
      out += text_[pos_++];
    }
    return trim(out);
  }

  std::string quoted_cell() {
    last_cell_quoted_ = true;
    int opened = line_;
    ++pos_;  // opening quote
    std::string out;
    while (true) {
      if (pos_ >= text_.size())
        throw_bad_input(name_, where_line(opened), "a quoted cell is never closed (missing \")");
      char c = text_[pos_++];
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          out += '"';
          ++pos_;
          continue;
        }
        break;
      }
      if (c == '\n' || (c == '\r' && (pos_ >= text_.size() || text_[pos_] != '\n'))) ++line_;
      out += c;
    }
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
    if (!at_line_end() && text_[pos_] != ',')
      throw_bad_input(name_, where_line(line_), "unexpected text after a closing quote; expected , or end of line");
    return out;
  }

  const std::string& text_;
  std::string name_;
  std::size_t pos_ = 0;
  int line_ = 1;
  bool last_cell_quoted_ = false;
};

}  // namespace

std::optional<double> parse_number_cell(const std::string& cell) {
  std::string_view s = cell;
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return std::nullopt;
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

namespace {
/// True when the cell is written as a number that a double cannot hold (1e999, 1e-999).
bool out_of_range(const std::string& cell) {
  std::string_view s = cell;
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc::result_out_of_range && ptr == s.data() + s.size();
}
}  // namespace

double number_cell(const std::string& cell, const std::string& file, int line, const std::string& what,
                   bool nonnegative) {
  if (cell.empty()) return 0.0;  // empty cells are zero (spec §3)
  auto v = parse_number_cell(cell);
  if (!v && out_of_range(cell))
    throw_bad_input(file, where_line(line), fmt::format("{}: {} is out of the range of a double (about 1e-308…1e308)", what, cell));
  if (!v) throw_bad_input(file, where_line(line), fmt::format("{}: expected a number, got \"{}\"", what, cell));
  if (!std::isfinite(*v)) throw_bad_input(file, where_line(line), fmt::format("{}: expected a finite number, got {}", what, cell));
  if (nonnegative && *v < 0)
    throw_bad_input(file, where_line(line), fmt::format("{}: expected a number ≥ 0, got {}", what, cell));
  return *v;
}

std::vector<CsvRecord> parse_csv(const std::string& text, const std::string& name) {
  return CsvParser(text, name).parse();
}

std::vector<CsvRecord> read_csv_records(const std::filesystem::path& file) {
  return parse_csv(read_input_text(file, "CSV"), file.string());
}

LabelledCsv read_labelled_lines(const std::filesystem::path& file, bool nonnegative) {
  const std::string name = file.string();
  auto records = read_csv_records(file);
  if (records.empty()) throw_bad_input(name, "", "empty file; expected a header row `sector,<column ids…>`");
  LabelledCsv out;
  const CsvRecord& header = records.front();
  out.header_line = header.line;
  std::set<std::string> seen;
  for (std::size_t c = 1; c < header.cells.size(); ++c) {
    const std::string& id = header.cells[c];
    if (id.empty()) throw_bad_input(name, where_line(header.line), fmt::format("column {} has no id", c + 1));
    if (!seen.insert(id).second) throw_bad_input(name, where_line(header.line), fmt::format("duplicate column id \"{}\"", id));
    out.matrix.cols.push_back(id);
  }
  const std::size_t ncols = out.matrix.cols.size();
  if (ncols == 0) {
    const std::string& only = header.cells.front();
    const char* hint = only.find(';') != std::string::npos    ? " (the file seems to use ; between cells: save it comma-separated)"
                       : only.find('\t') != std::string::npos ? " (the file seems to use tabs between cells: save it comma-separated)"
                                                              : "";
    throw_bad_input(name, where_line(header.line),
                    fmt::format("the header names no columns; expected `sector,<column ids…>`{}", hint));
  }
  out.matrix.data = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(records.size() - 1), static_cast<Eigen::Index>(ncols));
  seen.clear();
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    const std::string& id = rec.cells[0];
    if (id.empty()) throw_bad_input(name, where_line(rec.line), "the row has no id in its first cell");
    if (!seen.insert(id).second) throw_bad_input(name, where_line(rec.line), fmt::format("duplicate row id \"{}\"", id));
    if (rec.cells.size() != ncols + 1)
      throw_bad_input(name, where_line(rec.line),
                      fmt::format("row \"{}\" has {} cells, the header has {}", id, rec.cells.size(), ncols + 1));
    for (std::size_t c = 0; c < ncols; ++c)
      out.matrix.data(static_cast<Eigen::Index>(r - 1), static_cast<Eigen::Index>(c)) =
          number_cell(rec.cells[c + 1], name, rec.line, fmt::format("row \"{}\", column \"{}\"", id, out.matrix.cols[c]),
                      nonnegative);
    out.matrix.rows.push_back(id);
    out.row_lines.push_back(rec.line);
  }
  return out;
}

LabelledMatrix read_labelled_csv(const std::filesystem::path& file) {
  return read_labelled_lines(file, /*nonnegative=*/false).matrix;
}

Eigen::MatrixXd read_sector_matrix(const std::filesystem::path& file, const std::vector<std::string>& ids) {
  const std::string name = file.string();
  LabelledCsv csv = read_labelled_lines(file, /*nonnegative=*/true);
  std::map<std::string, Eigen::Index> index;
  for (std::size_t i = 0; i < ids.size(); ++i) index[ids[i]] = static_cast<Eigen::Index>(i);

  const auto n = static_cast<Eigen::Index>(ids.size());
  std::vector<Eigen::Index> col_to(csv.matrix.cols.size());
  for (std::size_t c = 0; c < csv.matrix.cols.size(); ++c) {
    auto it = index.find(csv.matrix.cols[c]);
    if (it == index.end())
      throw_bad_input(name, where_line(csv.header_line), fmt::format("unknown column id \"{}\" (not a sector)", csv.matrix.cols[c]));
    col_to[c] = it->second;
  }
  std::set<std::string> cols(csv.matrix.cols.begin(), csv.matrix.cols.end());
  std::set<std::string> rows(csv.matrix.rows.begin(), csv.matrix.rows.end());
  for (const auto& id : ids)
    if (!cols.count(id))
      throw_bad_input(name, where_line(csv.header_line), fmt::format("no column for sector \"{}\" (the matrix must list every sector)", id));

  Eigen::MatrixXd out = Eigen::MatrixXd::Zero(n, n);
  for (std::size_t r = 0; r < csv.matrix.rows.size(); ++r) {
    auto it = index.find(csv.matrix.rows[r]);
    if (it == index.end())
      throw_bad_input(name, where_line(csv.row_lines[r]), fmt::format("unknown row id \"{}\" (not a sector)", csv.matrix.rows[r]));
    for (std::size_t c = 0; c < col_to.size(); ++c)
      out(it->second, col_to[c]) = csv.matrix.data(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c));
  }
  for (const auto& id : ids)
    if (!rows.count(id))
      throw_bad_input(name, "", fmt::format("no row for sector \"{}\" (the matrix must list every sector)", id));
  return out;
}

Eigen::MatrixXd read_triplet_matrix(const std::filesystem::path& file, const std::vector<std::string>& ids) {
  return Eigen::MatrixXd(read_sparse_triplets(file, ids));  // one reader of the format, the fast one
}

std::string csv_quoted(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string labelled_csv_text(const LabelledMatrix& m, const std::string& corner) {
  const auto cell = csv_quoted;
  std::string out = cell(corner);
  for (const auto& c : m.cols) out += "," + cell(c);
  out += "\n";
  for (Eigen::Index i = 0; i < m.data.rows(); ++i) {
    out += cell(m.rows[static_cast<std::size_t>(i)]);
    for (Eigen::Index j = 0; j < m.data.cols(); ++j) out += fmt::format(",{}", m.data(i, j));
    out += "\n";
  }
  return out;
}

}  // namespace planner
