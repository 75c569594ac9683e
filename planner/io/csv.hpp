#pragma once
// Labelled CSV matrices (spec §3): first row `sector,<col ids…>`, later rows
// `<row id>,<numbers…>`; or triplets `row,col,value`. Ids are matched by name.
#include <Eigen/Dense>
#include <filesystem>
#include <string>
#include <vector>

namespace planner {

/// A matrix with row and column labels, as read from or written to CSV/JSON.
struct LabelledMatrix {
  std::vector<std::string> rows;
  std::vector<std::string> cols;
  Eigen::MatrixXd data;
};

/// Raw rows of a CSV file (RFC 4180 quoting, BOM and CRLF tolerated), each with its line number.
struct CsvRecord {
  int line = 0;
  std::vector<std::string> cells;
};
/// Reads every record of a CSV file; throws Error (exit 2) naming file and line.
std::vector<CsvRecord> read_csv_records(const std::filesystem::path& file);
/// Parses CSV text (for tests and fuzzing); `name` is used in messages.
std::vector<CsvRecord> parse_csv(const std::string& text, const std::string& name);

/// Reads a labelled matrix file as it stands (labels in file order, empty cells = 0).
LabelledMatrix read_labelled_csv(const std::filesystem::path& file);

/// Reads a labelled square matrix and orders it by `ids` (rows and columns); a missing,
/// duplicate or unknown id is an error naming file, line and id. Cells must be finite and ≥ 0.
Eigen::MatrixXd read_sector_matrix(const std::filesystem::path& file, const std::vector<std::string>& ids);

/// A CSV cell, quoted when it holds a comma, quote or line break.
std::string csv_quoted(const std::string& s);

/// A labelled matrix as CSV text: header `<corner>,<col ids…>`, then `<row id>,<numbers…>`
/// with shortest round-trip numbers (cells with a comma or quote are quoted).
std::string labelled_csv_text(const LabelledMatrix& m, const std::string& corner = "sector");

/// Reads a triplet CSV (`row,col,value`) into a dense matrix ordered by `ids`.
Eigen::MatrixXd read_triplet_matrix(const std::filesystem::path& file, const std::vector<std::string>& ids);

}  // namespace planner
