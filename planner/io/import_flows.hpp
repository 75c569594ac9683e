#pragma once
// `planner import flows`: the common statistical-office layout of an input–output table as
// one CSV — a square block of intermediate flows Z (sector rows sell to sector columns),
// final-demand columns to its right, primary-input rows (value added, wages, employment …)
// below it, and optionally a total-output row and/or column. docs/file-formats.md
// ("Importing tables") states the rules that tell those parts apart.
#include <filesystem>
#include <string>
#include <vector>

#include "planner/io/import_model.hpp"

namespace planner {

/// Which rows and columns of the CSV are what. Labels may be given as written in the file or
/// as their sanitised id; an empty list means "use the naming rule".
struct FlowsLayout {
  std::string label_col;                         ///< column of row labels; default the first
  std::string name_col;                          ///< optional column of display names
  std::vector<std::string> sectors;              ///< default: labels that are both a row and a column
  std::vector<std::string> final_demand_cols;    ///< default: every other data column
  std::vector<std::string> primary_rows;         ///< default: every other row
  std::vector<std::string> value_added_rows;     ///< primary rows that make up v of the price model
  std::vector<std::string> skip_rows, skip_cols; ///< rows and columns to leave out
  std::string total_row, total_col;              ///< default: labelled output/total_output/gross_output/x
  std::string output_from = "sums";              ///< sums (x = Z·1 + f) | total-row | total-col
  std::string name;                              ///< model name; default the file's stem
  std::string unit;                              ///< model unit
};

/// Reads the CSV and splits it by `layout`; throws Error (exit 2) naming file, line and
/// label for a bad cell (text, NaN, infinite, negative flow), an unknown label or a table
/// without a square sector block.
ImportedModel import_flows_csv(const std::filesystem::path& file, const FlowsLayout& layout);

}  // namespace planner
