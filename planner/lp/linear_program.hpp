#pragma once
// A solver-neutral linear program in the style of HiGHS' HighsLp: plain column-wise sparse
// arrays, bounds, a sense, an objective offset for constant terms, and row/column names.
// `LpBuilder` is the JuMP-like way to write one (named variables and rows); no solver here.
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace planner::lp {

inline constexpr double kInf = std::numeric_limits<double>::infinity();

enum class Sense { minimise, maximise };

/// One coefficient of a row: column index and value.
struct Term {
  int column = 0;
  double value = 0.0;
};

/// min/max  col_cost·x + offset  s.t.  row_lower ≤ A x ≤ row_upper,  col_lower ≤ x ≤ col_upper.
struct LinearProgram {
  int num_col = 0;
  int num_row = 0;
  Sense sense = Sense::minimise;
  double offset = 0.0;                 ///< constant added to the objective value
  std::vector<double> col_cost, col_lower, col_upper;
  std::vector<double> row_lower, row_upper;
  std::vector<int> a_start;            ///< column j's entries are [a_start[j], a_start[j+1])
  std::vector<int> a_index;            ///< row index of each entry
  std::vector<double> a_value;         ///< coefficient of each entry
  std::vector<std::string> col_names, row_names;

  /// Index of the column with this name, or nullopt.
  std::optional<int> column(const std::string& name) const;
  /// Index of the row with this name, or nullopt.
  std::optional<int> row(const std::string& name) const;
  /// Objective value of the point x, offset included.
  double objective_value(const std::vector<double>& x) const;
  /// Row activities A x.
  std::vector<double> row_activity(const std::vector<double>& x) const;
  /// Rebuilds the name lookups; call after filling the name arrays by hand (build() does it).
  void index_names();

 private:
  std::unordered_map<std::string, int> col_by_name_, row_by_name_;
};

/// Builds a LinearProgram one named variable and row at a time (duplicate names throw).
class LpBuilder {
 public:
  LpBuilder() = default;
  /// Reopens a finished LP for edits (adding rows or columns, changing the objective).
  explicit LpBuilder(const LinearProgram& lp);

  /// Adds a variable lb ≤ x ≤ ub with objective coefficient `cost`; returns its index.
  int add_variable(const std::string& name, double lb, double ub, double cost = 0.0);
  /// Adds a row lb ≤ Σ terms ≤ ub (terms on the same column are summed); returns its index.
  int add_row(const std::string& name, const std::vector<Term>& terms, double lb, double ub);
  /// Adds `value` to the coefficient of column `col` in row `row`.
  void add_coefficient(int row, int col, double value);

  /// Sets the objective sense.
  void set_sense(Sense sense) { sense_ = sense; }
  /// Sets the constant term of the objective.
  void set_offset(double offset) { offset_ = offset; }
  /// Adds `cost` to column `col`'s objective coefficient.
  void add_cost(int col, double cost) { cost_.at(static_cast<std::size_t>(col)) += cost; }
  /// Sets every objective coefficient to zero and the offset to 0.
  void clear_objective();
  /// Changes a column's bounds.
  void set_bounds(int col, double lb, double ub);

  /// Index of the column with this name, or nullopt.
  std::optional<int> column(const std::string& name) const;
  /// Index of the row with this name, or nullopt.
  std::optional<int> row(const std::string& name) const;
  int num_col() const { return static_cast<int>(cost_.size()); }
  int num_row() const { return static_cast<int>(row_lower_.size()); }

  /// The finished column-wise LP (entries of each column sorted by row, zeros dropped).
  LinearProgram build() const;

 private:
  Sense sense_ = Sense::minimise;
  double offset_ = 0.0;
  std::vector<double> cost_, col_lower_, col_upper_, row_lower_, row_upper_;
  std::vector<std::vector<std::pair<int, double>>> entries_;  // per column: (row, value)
  std::vector<std::string> col_names_, row_names_;
  std::unordered_map<std::string, int> col_by_name_, row_by_name_;
};

}  // namespace planner::lp
