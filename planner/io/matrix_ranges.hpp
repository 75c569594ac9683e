#pragma once
// A coefficient matrix's ranges table (docs/file-formats.md, "Uncertain numbers"): a CSV
// beside the model, `ranges = "technical_ranges.csv"` in [technical] or [capital], one row
// per uncertain entry: `row,column,value,low,high,dist,sd,gsd,group,reason` (row, column,
// value and dist required; the others may be absent columns or empty cells).
#include <Eigen/Dense>
#include <filesystem>
#include <string>
#include <vector>

namespace planner {

/// Checks every row of the ranges file (known ids, `value` equal to the matrix's entry, a
/// valid distribution, no entry twice) and puts each entry's value, or the draw's, into
/// `matrix` (uncertain_reading.hpp). `name` ("technical", "capital") names the entries.
void apply_matrix_ranges(const std::filesystem::path& file, const std::vector<std::string>& ids,
                         const std::string& name, Eigen::MatrixXd& matrix);

}  // namespace planner
