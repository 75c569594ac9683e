#pragma once
// Private to planner/io: CSV cells as numbers, and labelled matrices with the line of each
// row, so the readers can name the line of a bad id or cell.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "planner/io/csv.hpp"

namespace planner {

/// A labelled CSV as read, with the line of the header and of every row.
struct LabelledCsv {
  LabelledMatrix matrix;
  int header_line = 1;
  std::vector<int> row_lines;
};

/// Reads a labelled CSV; duplicate/empty ids, ragged rows and bad numbers are errors.
/// With `nonnegative`, negative cells are errors too.
LabelledCsv read_labelled_lines(const std::filesystem::path& file, bool nonnegative);

/// The cell as a number ("+1", "1e-3" …), or nullopt when it is not one. Accepts nan/inf.
std::optional<double> parse_number_cell(const std::string& cell);

/// The cell as a finite number (empty = 0), ≥ 0 when `nonnegative`; else an Error naming
/// `file`, `line` and `what` (e.g. `row "coal", column "steel"`).
double number_cell(const std::string& cell, const std::string& file, int line, const std::string& what,
                   bool nonnegative);

}  // namespace planner
