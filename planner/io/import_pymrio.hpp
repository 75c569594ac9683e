#pragma once
// `planner import pymrio`: a folder as pymrio's IOSystem.save_all() (text format) writes it —
// Z.txt and Y.txt (tab-separated, region and sector header rows, region and sector label
// columns), x.txt optional, unit.txt optional, and one sub-folder per extension (satellite
// account) with F.txt — flattened into a single-region model: sector ids `region_sector`,
// every extension row (stressor, factor input) a resource with base-year totals.
#include <filesystem>
#include <string>
#include <vector>

#include "planner/io/import_model.hpp"

namespace planner {

/// One table of a pymrio text file: multi-level row and column labels and the numbers.
struct PymrioTable {
  std::vector<std::vector<std::string>> row_labels;  ///< per row, one label per index level
  std::vector<std::vector<std::string>> col_labels;  ///< per column, one label per header row
  std::vector<int> row_lines;                        ///< line of each row in the file
  int header_line = 1;                               ///< first line of the column headers
  Eigen::MatrixXd data;
};

/// Reads a pymrio text table with `col_levels` header rows (2 for Z, Y and F: region and
/// sector or category); the number of label columns is read off the first header row. An
/// empty, NaN, infinite or non-numeric cell is an Error (exit 2) naming file and line.
PymrioTable read_pymrio_table(const std::filesystem::path& file, int col_levels);

struct PymrioOptions {
  std::string name;   ///< model name; default the folder's name
  std::string unit;   ///< model unit; default the unit of unit.txt when all sectors share one
};

/// Reads the folder and flattens it; ids `region_sector` are sanitised to [a-z0-9_]+ and
/// collisions renamed with a note. Output x is x.txt when present (as pymrio uses it), else
/// row sums of Z and Y; final demand is the row sum of Y over every region and category.
ImportedModel import_pymrio(const std::filesystem::path& dir, const PymrioOptions& options);

}  // namespace planner
