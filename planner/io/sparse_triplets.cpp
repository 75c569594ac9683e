// The fast path reads plain lines (`id,id,number`, no quotes) with std::from_chars and a flat
// id hash (id_index.hpp), reusing the column of the line before (files list a column's
// entries together, so half the lookups go); any quote in the text sends the whole file
// through the RFC 4180 parser of csv.hpp, so quoting, BOM, CRLF and blank lines behave
// exactly as elsewhere.
#include "planner/io/sparse_triplets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <string_view>

#include "planner/io/csv.hpp"
#include "planner/io/csv_cells.hpp"
#include "planner/io/id_index.hpp"
#include "planner/io/input_file.hpp"
#include "planner/model/error.hpp"

namespace planner {
namespace {

struct Entry {
  std::int32_t row, col, line;
  double value;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string where_line(int line) { return fmt::format("line {}", line); }

class TripletBuilder {
 public:
  TripletBuilder(const std::string& name, const std::vector<std::string>& ids) : name_(name), n_(ids.size()), index_(ids) {}

  void header(std::string_view a, std::string_view b, std::string_view c, int cells, int line) {
    if (cells != 3 || a != "row" || b != "col" || c != "value")
      throw_bad_input(name_, line ? where_line(line) : "", "expected the header `row,col,value`");
  }

  /// Hashes the row id of a line read ahead and asks the memory for its slot (see parse_plain).
  std::size_t prefetch_row(std::string_view row) const {
    const std::size_t h = IdIndex::hash(row);
    index_.prefetch(h);
    return h;
  }

  void add(std::string_view row, std::string_view col, std::string_view value, int cells, int line, std::size_t row_hash) {
    if (cells != 3) throw_bad_input(name_, where_line(line), fmt::format("expected 3 cells (row,col,value), got {}", cells));
    const std::int32_t i = lookup(row, "row", line, row_hash);
    if (col != last_col_ || last_col_index_ < 0) {
      last_col_index_ = lookup(col, "col", line, IdIndex::hash(col));
      last_col_ = col;
    }
    const std::int32_t j = last_col_index_;
    double v = 0;
    std::string_view s = value;
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || ptr != s.data() + s.size() || !(v >= 0) || v > 1.7976931348623157e308)
      v = number_cell(std::string(value), name_, line, "value", /*nonnegative=*/true);  // throws with the usual message (or 0 for empty)
    entries_.push_back({i, j, line, v});
  }

  Eigen::SparseMatrix<double> build(const std::vector<std::string>& ids) {
    const auto n = static_cast<std::int64_t>(n_);
    // Counting sort by column, then by row within a column; neighbours that match are duplicates.
    std::vector<std::int64_t> start(static_cast<std::size_t>(n) + 1, 0);
    for (const Entry& e : entries_) ++start[static_cast<std::size_t>(e.col) + 1];
    for (std::int64_t j = 0; j < n; ++j) start[static_cast<std::size_t>(j + 1)] += start[static_cast<std::size_t>(j)];
    std::vector<Entry> sorted(entries_.size());
    {
      std::vector<std::int64_t> next(start.begin(), start.end() - 1);
      for (const Entry& e : entries_) sorted[static_cast<std::size_t>(next[static_cast<std::size_t>(e.col)]++)] = e;
    }
    entries_.clear();
    entries_.shrink_to_fit();
    std::size_t nnz = 0;
    for (std::int64_t j = 0; j < n; ++j) {
      auto b = sorted.begin() + start[static_cast<std::size_t>(j)], e = sorted.begin() + start[static_cast<std::size_t>(j + 1)];
      std::sort(b, e, [](const Entry& x, const Entry& y) { return x.row != y.row ? x.row < y.row : x.line < y.line; });
      for (auto it = b; it != e; ++it) {
        if (it != b && it->row == (it - 1)->row)
          throw_bad_input(name_, where_line(it->line),
                          fmt::format("entry ({}, {}) is given twice (first on line {})", ids[static_cast<std::size_t>(it->row)],
                                      ids[static_cast<std::size_t>(j)], (it - 1)->line));
        if (it->value != 0.0) ++nnz;
      }
    }
    Eigen::SparseMatrix<double> a(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
    a.resizeNonZeros(static_cast<Eigen::Index>(nnz));
    auto* outer = a.outerIndexPtr();
    auto* inner = a.innerIndexPtr();
    double* values = a.valuePtr();
    std::size_t k = 0;
    for (std::int64_t j = 0; j < n; ++j) {
      outer[j] = static_cast<int>(k);
      for (std::int64_t p = start[static_cast<std::size_t>(j)]; p < start[static_cast<std::size_t>(j + 1)]; ++p) {
        const Entry& e = sorted[static_cast<std::size_t>(p)];
        if (e.value == 0.0) continue;
        inner[k] = e.row;
        values[k] = e.value;
        ++k;
      }
    }
    outer[n] = static_cast<int>(k);
    return a;
  }

 private:
  std::int32_t lookup(std::string_view id, const char* what, int line, std::size_t hash) const {
    const std::int32_t position = index_.find(id, hash);
    if (position < 0) throw_bad_input(name_, where_line(line), fmt::format("unknown {} id \"{}\" (not a sector)", what, id));
    return position;
  }

  std::string name_;
  std::size_t n_;
  IdIndex index_;
  std::vector<Entry> entries_;
  std::string_view last_col_;          // the column id of the line before (valid while the text is)
  std::int32_t last_col_index_ = -1;
};

/// A data line split into cells, waiting for its lookups.
struct PendingLine {
  std::string_view cell[3];
  int cells = 0, line = 0;
  std::size_t row_hash = 0;
};

/// Lines split ahead of their lookups: enough to cover a memory access (~100 ns) with the
/// splitting of the lines in between.
constexpr std::size_t kLookAhead = 16;

/// Fast path: no quotes anywhere. Cells are split on commas and trimmed; blank lines skipped.
/// Lines are handed to the builder in order, kLookAhead behind the splitting, whose prefetch
/// of each row id's slot has then arrived; errors are the same, found in the same order.
Eigen::SparseMatrix<double> parse_plain(std::string_view text, const std::string& name, const std::vector<std::string>& ids) {
  TripletBuilder builder(name, ids);
  std::array<PendingLine, kLookAhead> ahead;
  std::size_t split = 0, added = 0;  // lines split so far, lines handed to the builder
  const auto add_oldest = [&] {
    const PendingLine& p = ahead[added++ % kLookAhead];
    builder.add(p.cell[0], p.cell[1], p.cell[2], p.cells, p.line, p.row_hash);
  };
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::size_t pos = 0;
  int line = 0;
  bool seen_header = false;
  while (pos < text.size()) {
    ++line;
    std::size_t end = pos;  // a plain loop: find_first_of calls memchr once per character
    while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
    std::string_view rec = text.substr(pos, end - pos);
    pos = end;
    if (pos < text.size() && text[pos] == '\r') ++pos;
    if (pos < text.size() && text[pos] == '\n') ++pos;
    if (rec.empty()) continue;  // blank line
    std::string_view cell[3];
    int cells = 0;
    std::size_t c = 0;
    while (true) {
      std::size_t comma = rec.find(',', c);
      std::string_view v = rec.substr(c, comma == std::string_view::npos ? std::string_view::npos : comma - c);
      if (cells < 3) cell[cells] = trim(v);
      ++cells;
      if (comma == std::string_view::npos) break;
      c = comma + 1;
    }
    if (!seen_header) {
      builder.header(cell[0], cell[1], cell[2], cells, line);
      seen_header = true;
    } else {
      if (split - added == kLookAhead) add_oldest();
      ahead[split++ % kLookAhead] = {{cell[0], cell[1], cell[2]}, cells, line, builder.prefetch_row(cell[0])};
    }
  }
  while (added < split) add_oldest();
  if (!seen_header) builder.header("", "", "", 0, 0);
  return builder.build(ids);
}

/// Quoted cells: the general CSV parser, then the same checks.
Eigen::SparseMatrix<double> parse_quoted(const std::string& text, const std::string& name, const std::vector<std::string>& ids) {
  TripletBuilder builder(name, ids);
  auto records = parse_csv(text, name);
  if (records.empty()) builder.header("", "", "", 0, 0);
  for (std::size_t k = 0; k < records.size(); ++k) {
    const CsvRecord& r = records[k];
    auto cell = [&](std::size_t c) { return c < r.cells.size() ? std::string_view(r.cells[c]) : std::string_view(); };
    if (k == 0) builder.header(cell(0), cell(1), cell(2), static_cast<int>(r.cells.size()), r.line);
    else builder.add(cell(0), cell(1), cell(2), static_cast<int>(r.cells.size()), r.line, IdIndex::hash(cell(0)));
  }
  return builder.build(ids);
}

}  // namespace

Eigen::SparseMatrix<double> parse_sparse_triplets(const std::string& text, const std::string& name,
                                                  const std::vector<std::string>& ids) {
  if (ids.size() > static_cast<std::size_t>(INT32_MAX)) throw_bad_input(name, "", "more than 2³¹ − 1 sectors");
  if (text.find('"') != std::string::npos) return parse_quoted(text, name, ids);
  return parse_plain(text, name, ids);
}

Eigen::SparseMatrix<double> read_sparse_triplets(const std::filesystem::path& file, const std::vector<std::string>& ids) {
  return parse_sparse_triplets(read_input_text(file, "triplet"), file.string(), ids);
}

}  // namespace planner
