#pragma once
// A labelled table of text cells rendered for a terminal (aligned columns), Markdown or CSV.
// Numbers are formatted by the caller so each report chooses its precision.
#include <string>
#include <vector>

namespace planner {

class Table {
 public:
  enum class Align { left, right };

  /// A table with these column headers; first column left-aligned, the rest right-aligned.
  explicit Table(std::vector<std::string> headers);

  /// Sets a column's alignment.
  void align(std::size_t column, Align a);
  /// Appends a row (padded with empty cells when short).
  void add_row(std::vector<std::string> cells);
  /// Appends a horizontal rule (terminal only; ignored by Markdown and CSV).
  void add_rule();
  /// Title printed above the table (terminal: plain line; Markdown: heading).
  void set_title(std::string title) { title_ = std::move(title); }

  /// Aligned plain-text rendering for a terminal.
  std::string to_text() const;
  /// GitHub-flavoured Markdown table.
  std::string to_markdown() const;
  /// RFC 4180 CSV (quotes cells that need it); the title is not written.
  std::string to_csv() const;

  std::size_t rows() const { return rows_.size(); }

 private:
  std::string title_;
  std::vector<std::string> headers_;
  std::vector<Align> aligns_;
  std::vector<std::vector<std::string>> rows_;  // an empty vector marks a rule
};

/// A number for a table: fixed with `decimals`, or scientific when very large/small.
std::string format_number(double value, int decimals = 3);

/// Quotes a CSV cell when it holds a comma, quote or newline.
std::string csv_cell(const std::string& cell);

}  // namespace planner
