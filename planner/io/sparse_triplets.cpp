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
#include <cstring>
#include <fstream>
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

/// Lines in text (an upper bound on its entries), counted with memchr.
std::size_t line_count(std::string_view text) {
  std::size_t lines = 1;
  for (const char* p = text.data(), *end = text.data() + text.size();
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr; ++p)
    ++lines;
  return lines;
}

class TripletBuilder {
 public:
  TripletBuilder(const std::string& name, const std::vector<std::string>& ids) : name_(name), n_(ids.size()), index_(ids) {
    if (n_ > static_cast<std::size_t>(INT32_MAX)) throw_bad_input(name_, "", "more than 2³¹ − 1 sectors");  // entries hold int32 ids
  }

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

  /// The column id of the line before points into text about to be reused: look the next one up.
  void forget_column() {
    last_col_ = {};
    last_col_index_ = -1;
  }

  /// Room for the entries of `lines` lines, so that the list never doubles (at 10⁷ entries a
  /// doubling holds 1.5× the list twice over for a moment).
  void reserve(std::size_t lines) { entries_.reserve(lines); }

  /// The entries gathered, as a compressed column-major matrix. Spends the builder: the entries
  /// go while the matrix is filled, so the peak is the entries and the matrix, not two copies of
  /// the entries.
  Eigen::SparseMatrix<double> build(const std::vector<std::string>& ids) {
    forget_column();  // its view points into text the caller may already have freed
    const auto n = static_cast<std::int64_t>(n_);
    const std::size_t m = entries_.size();
    // Counting sort by column straight into the matrix' arrays (each entry's line beside it, for
    // the duplicate message); then each column sorted by row, duplicates refused, zeros dropped.
    std::vector<std::int64_t> start(static_cast<std::size_t>(n) + 1, 0);
    for (const Entry& e : entries_) ++start[static_cast<std::size_t>(e.col) + 1];
    for (std::int64_t j = 0; j < n; ++j) start[static_cast<std::size_t>(j + 1)] += start[static_cast<std::size_t>(j)];
    Eigen::SparseMatrix<double> a(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
    a.resizeNonZeros(static_cast<Eigen::Index>(m));
    auto* outer = a.outerIndexPtr();
    auto* inner = a.innerIndexPtr();
    double* values = a.valuePtr();
    std::vector<std::int32_t> lines(m);
    {
      std::vector<std::int64_t> next(start.begin(), start.end() - 1);
      for (const Entry& e : entries_) {
        const auto p = static_cast<std::size_t>(next[static_cast<std::size_t>(e.col)]++);
        inner[p] = e.row;
        values[p] = e.value;
        lines[p] = e.line;
      }
    }
    std::vector<Entry>().swap(entries_);
    std::vector<Entry> column;  // one column's entries, sorted apart from the arrays they are compacted into
    std::size_t k = 0;
    for (std::int64_t j = 0; j < n; ++j) {
      const auto b = static_cast<std::size_t>(start[static_cast<std::size_t>(j)]);
      const auto e = static_cast<std::size_t>(start[static_cast<std::size_t>(j + 1)]);
      column.clear();
      for (std::size_t p = b; p < e; ++p) column.push_back({inner[p], static_cast<std::int32_t>(j), lines[p], values[p]});
      std::sort(column.begin(), column.end(),
                [](const Entry& x, const Entry& y) { return x.row != y.row ? x.row < y.row : x.line < y.line; });
      outer[j] = static_cast<int>(k);
      for (std::size_t q = 0; q < column.size(); ++q) {
        const Entry& c = column[q];
        if (q > 0 && c.row == column[q - 1].row)
          throw_bad_input(name_, where_line(c.line),
                          fmt::format("entry ({}, {}) is given twice (first on line {})", ids[static_cast<std::size_t>(c.row)],
                                      ids[static_cast<std::size_t>(j)], column[q - 1].line));
        if (c.value == 0.0) continue;
        inner[k] = c.row;  // k ≤ b + q: only this column's own (copied) slots or earlier ones
        values[k] = c.value;
        ++k;
      }
    }
    outer[n] = static_cast<int>(k);
    a.resizeNonZeros(static_cast<Eigen::Index>(k));
    if (k < m) a.data().squeeze();  // explicit zeros were dropped: give their room back
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
/// The text may come in chunks, each ending at a line end (read_sparse_triplets streams a file).
class PlainLines {
 public:
  explicit PlainLines(TripletBuilder& builder) : builder_(builder) {}

  /// Reads the lines of `chunk`, which ends at a line end or at the end of the text. Lines may
  /// wait (as views into the chunk) until the next feed or flush.
  void feed(std::string_view text) {
    if (first_ && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    first_ = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
      ++line_;
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
      if (!seen_header_) {
        builder_.header(cell[0], cell[1], cell[2], cells, line_);
        seen_header_ = true;
      } else {
        if (split_ - added_ == kLookAhead) add_oldest();
        ahead_[split_++ % kLookAhead] = {{cell[0], cell[1], cell[2]}, cells, line_, builder_.prefetch_row(cell[0])};
      }
    }
  }

  /// Hands every waiting line to the builder: the chunk they point into may then be reused.
  void flush() {
    while (added_ < split_) add_oldest();
    builder_.forget_column();
  }

  /// The end of the text.
  void finish() {
    flush();
    if (!seen_header_) builder_.header("", "", "", 0, 0);
  }

 private:
  void add_oldest() {
    const PendingLine& p = ahead_[added_++ % kLookAhead];
    builder_.add(p.cell[0], p.cell[1], p.cell[2], p.cells, p.line, p.row_hash);
  }

  TripletBuilder& builder_;
  std::array<PendingLine, kLookAhead> ahead_;
  std::size_t split_ = 0, added_ = 0;  // lines split so far, lines handed to the builder
  int line_ = 0;
  bool seen_header_ = false, first_ = true;
};

TripletBuilder collect_plain(std::string_view text, const std::string& name, const std::vector<std::string>& ids) {
  TripletBuilder builder(name, ids);
  builder.reserve(line_count(text));
  PlainLines lines(builder);
  lines.feed(text);
  lines.finish();
  return builder;
}

/// Quoted cells: the general CSV parser, then the same checks.
TripletBuilder collect_quoted(const std::string& text, const std::string& name, const std::vector<std::string>& ids) {
  TripletBuilder builder(name, ids);
  auto records = parse_csv(text, name);
  builder.reserve(records.size());
  if (records.empty()) builder.header("", "", "", 0, 0);
  for (std::size_t k = 0; k < records.size(); ++k) {
    const CsvRecord& r = records[k];
    auto cell = [&](std::size_t c) { return c < r.cells.size() ? std::string_view(r.cells[c]) : std::string_view(); };
    if (k == 0) builder.header(cell(0), cell(1), cell(2), static_cast<int>(r.cells.size()), r.line);
    else builder.add(cell(0), cell(1), cell(2), static_cast<int>(r.cells.size()), r.line, IdIndex::hash(cell(0)));
  }
  return builder;
}

/// Every entry of the text, checked, in a builder ready to build.
TripletBuilder collect(const std::string& text, const std::string& name, const std::vector<std::string>& ids) {
  if (text.find('"') != std::string::npos) return collect_quoted(text, name, ids);
  return collect_plain(text, name, ids);
}

}  // namespace

Eigen::SparseMatrix<double> parse_sparse_triplets(const std::string& text, const std::string& name,
                                                  const std::vector<std::string>& ids) {
  return collect(text, name, ids).build(ids);
}

Eigen::SparseMatrix<double> read_sparse_triplets(const std::filesystem::path& file, const std::vector<std::string>& ids,
                                                 std::size_t chunk_bytes) {
  // Streamed in chunks of whole lines, so the text (0.37 GB at n = 10⁶) is never held at once;
  // a file with a quote anywhere is read whole and goes through the general parser instead.
  std::ifstream in = open_input_file(file, "triplet");
  const std::string name = file.string();
  std::error_code ec;
  const bool regular = std::filesystem::is_regular_file(file, ec);
  const std::uintmax_t file_size = regular ? std::filesystem::file_size(file, ec) : 0;
  const bool sized = regular && !ec;  // a pipe, or a size that could not be read: chunks from the start
  TripletBuilder builder(name, ids);
  PlainLines lines(builder);
  // A small file gets a buffer of its size (+1, so that one read reaches its end), not a chunk's.
  std::size_t buffer_bytes = std::max<std::size_t>(chunk_bytes, 1);
  if (sized) buffer_bytes = static_cast<std::size_t>(std::min<std::uintmax_t>(buffer_bytes, file_size + 1));
  std::string buffer(buffer_bytes, '\0');
  std::size_t kept = 0;  // bytes of an unfinished line carried to the front of the buffer
  bool first = true;
  while (true) {
    in.read(buffer.data() + kept, static_cast<std::streamsize>(buffer.size() - kept));
    const std::size_t size = kept + static_cast<std::size_t>(in.gcount());
    const bool at_end = size < buffer.size();
    std::string_view chunk(buffer.data(), size);
    if (chunk.find('"', kept) != std::string_view::npos)  // (the kept bytes were looked at before)
      return parse_sparse_triplets(read_input_text(file, "triplet"), name, ids);
    std::size_t cut = size;
    if (!at_end) {
      const std::size_t last = chunk.rfind('\n');
      if (last == std::string_view::npos) {  // one line longer than the buffer (or only CRs): read more
        kept = size;
        buffer.resize(buffer.size() * 2);
        continue;
      }
      cut = last + 1;
    }
    if (first && sized && cut > 0)  // room for the whole file's entries, judged by this chunk's lines
      builder.reserve(static_cast<std::size_t>(static_cast<double>(line_count(chunk.substr(0, cut))) *
                                               (static_cast<double>(file_size) / static_cast<double>(cut)) * 1.02) + 16);
    first = false;
    lines.feed(chunk.substr(0, cut));
    lines.flush();
    if (at_end) break;
    std::memmove(buffer.data(), buffer.data() + cut, size - cut);
    kept = size - cut;
  }
  lines.finish();
  std::string().swap(buffer);
  return builder.build(ids);
}

}  // namespace planner
