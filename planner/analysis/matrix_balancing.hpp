#pragma once
// Matrix balancing (Miller & Blair 2009, §7.4): scale a matrix's rows and columns until its
// row and column sums equal given totals. RAS for nonnegative matrices; GRAS (Junius &
// Oosterhaven 2003, in the formulation of Lenzen, Wood & Gallego 2007 and Temurshoev, Miller
// & Bouwmeester 2013) for matrices with negative entries (subsidies, changes in inventories):
// positive cells are multiplied by r_i s_j, negative cells divided by it, so every cell keeps
// its sign and zeros stay zero. On a nonnegative matrix GRAS is RAS.
#include <Eigen/Dense>
#include <string>
#include <vector>

namespace planner::analysis {

enum class BalanceMethod { ras, gras };

struct BalanceOptions {
  BalanceMethod method = BalanceMethod::ras;
  double tolerance = 1e-10;   ///< stop when max |sum − total| ≤ tolerance · max(1, max |total|)
  int max_iterations = 10000; ///< one iteration = a row scaling then a column scaling
  /// Labels and file for messages (rows/cols may be empty: then positions are named).
  std::vector<std::string> row_ids, col_ids;
  std::string source;         ///< the totals file, named by the errors
};

struct BalanceResult {
  Eigen::MatrixXd balanced;   ///< the matrix with the required row and column sums
  Eigen::VectorXd r, s;       ///< row and column multipliers (RAS: balanced = diag(r) Z diag(s))
  int iterations = 0;
  double max_residual = 0;    ///< max |row or column sum − total| at the end
  double threshold = 0;       ///< tolerance · max(1, max |total|): what max_residual had to reach
  std::vector<double> residual_history;  ///< max residual after each iteration
};

/// Balances `z` to row totals `u` and column totals `v`. Throws Error (exit 2) naming
/// `options.source` when the totals' sums differ (relative 1e-9), when RAS gets a negative
/// cell or total, when a row or column cannot reach its total by its sign pattern (an
/// all-zero row with a nonzero total; GRAS: a total of the wrong sign for its cells), and
/// when the iteration does not converge within max_iterations (naming the worst row or
/// column and its residual).
BalanceResult balance_matrix(const Eigen::MatrixXd& z, const Eigen::VectorXd& u, const Eigen::VectorXd& v,
                             const BalanceOptions& options);

/// "ras" / "gras".
std::string to_string(BalanceMethod method);

}  // namespace planner::analysis
