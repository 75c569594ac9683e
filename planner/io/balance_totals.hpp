#pragma once
// The targets of `planner balance`: a CSV with the header `<id>,row_total,column_total`
// (columns in any order after the first), one line per label of the matrix. A label that is
// only a row leaves column_total empty and vice versa; a square matrix has one line per
// sector with both. docs/file-formats.md ("Balancing totals").
#include <Eigen/Dense>
#include <filesystem>
#include <string>
#include <vector>

namespace planner {

struct BalanceTotals {
  Eigen::VectorXd row_totals;     ///< u, ordered like `rows`
  Eigen::VectorXd column_totals;  ///< v, ordered like `cols`
};

/// Reads the totals for a matrix with these row and column labels. Throws Error (exit 2)
/// naming the file, line and label for an unknown or repeated label, a bad number, and a
/// row or column of the matrix without its total.
BalanceTotals read_balance_totals(const std::filesystem::path& file, const std::vector<std::string>& rows,
                                  const std::vector<std::string>& cols);

}  // namespace planner
