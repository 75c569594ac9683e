#include "planner/lp/linear_program.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace planner::lp {
namespace {
std::optional<int> find(const std::unordered_map<std::string, int>& names, const std::string& name) {
  auto it = names.find(name);
  if (it == names.end()) return std::nullopt;
  return it->second;
}
}  // namespace

std::optional<int> LinearProgram::column(const std::string& name) const {
  return find(col_by_name_, name);
}

std::optional<int> LinearProgram::row(const std::string& name) const {
  return find(row_by_name_, name);
}

void LinearProgram::index_names() {
  col_by_name_.clear();
  row_by_name_.clear();
  for (int j = 0; j < static_cast<int>(col_names.size()); ++j) col_by_name_[col_names[j]] = j;
  for (int i = 0; i < static_cast<int>(row_names.size()); ++i) row_by_name_[row_names[i]] = i;
}

double LinearProgram::objective_value(const std::vector<double>& x) const {
  double z = offset;
  for (int j = 0; j < num_col; ++j) z += col_cost[j] * x[j];
  return z;
}

std::vector<double> LinearProgram::row_activity(const std::vector<double>& x) const {
  std::vector<double> ax(static_cast<std::size_t>(num_row), 0.0);
  for (int j = 0; j < num_col; ++j)
    for (int k = a_start[j]; k < a_start[j + 1]; ++k) ax[a_index[k]] += a_value[k] * x[j];
  return ax;
}

LpBuilder::LpBuilder(const LinearProgram& lp)
    : sense_(lp.sense),
      offset_(lp.offset),
      cost_(lp.col_cost),
      col_lower_(lp.col_lower),
      col_upper_(lp.col_upper),
      row_lower_(lp.row_lower),
      row_upper_(lp.row_upper),
      entries_(static_cast<std::size_t>(lp.num_col)),
      col_names_(lp.col_names),
      row_names_(lp.row_names) {
  for (int j = 0; j < lp.num_col; ++j) {
    for (int k = lp.a_start[j]; k < lp.a_start[j + 1]; ++k) entries_[j].emplace_back(lp.a_index[k], lp.a_value[k]);
    col_by_name_[col_names_[j]] = j;
  }
  for (int i = 0; i < lp.num_row; ++i) row_by_name_[row_names_[i]] = i;
}

int LpBuilder::add_variable(const std::string& name, double lb, double ub, double cost) {
  int j = num_col();
  if (!col_by_name_.emplace(name, j).second) throw std::logic_error("duplicate LP column name " + name);
  cost_.push_back(cost);
  col_lower_.push_back(lb);
  col_upper_.push_back(ub);
  entries_.emplace_back();
  col_names_.push_back(name);
  return j;
}

int LpBuilder::add_row(const std::string& name, const std::vector<Term>& terms, double lb, double ub) {
  int i = num_row();
  if (!row_by_name_.emplace(name, i).second) throw std::logic_error("duplicate LP row name " + name);
  row_lower_.push_back(lb);
  row_upper_.push_back(ub);
  row_names_.push_back(name);
  for (const Term& t : terms) add_coefficient(i, t.column, t.value);
  return i;
}

void LpBuilder::add_coefficient(int row, int col, double value) {
  if (col < 0 || col >= num_col() || row < 0 || row >= num_row()) throw std::logic_error("LP coefficient out of range");
  auto& column = entries_[static_cast<std::size_t>(col)];
  // Rows are added in order, so a repeated (row, col) pair is almost always the last entry.
  for (auto it = column.rbegin(); it != column.rend(); ++it)
    if (it->first == row) {
      it->second += value;
      return;
    }
  column.emplace_back(row, value);
}

void LpBuilder::clear_objective() {
  std::fill(cost_.begin(), cost_.end(), 0.0);
  offset_ = 0.0;
}

void LpBuilder::set_bounds(int col, double lb, double ub) {
  col_lower_.at(static_cast<std::size_t>(col)) = lb;
  col_upper_.at(static_cast<std::size_t>(col)) = ub;
}

std::optional<int> LpBuilder::column(const std::string& name) const { return find(col_by_name_, name); }
std::optional<int> LpBuilder::row(const std::string& name) const { return find(row_by_name_, name); }

LinearProgram LpBuilder::build() const {
  LinearProgram lp;
  lp.num_col = num_col();
  lp.num_row = num_row();
  lp.sense = sense_;
  lp.offset = offset_;
  lp.col_cost = cost_;
  lp.col_lower = col_lower_;
  lp.col_upper = col_upper_;
  lp.row_lower = row_lower_;
  lp.row_upper = row_upper_;
  lp.col_names = col_names_;
  lp.row_names = row_names_;
  lp.a_start.reserve(static_cast<std::size_t>(lp.num_col) + 1);
  lp.a_start.push_back(0);
  for (const auto& column : entries_) {
    auto sorted = column;
    std::sort(sorted.begin(), sorted.end());
    for (const auto& [row, value] : sorted) {
      if (value == 0.0) continue;
      lp.a_index.push_back(row);
      lp.a_value.push_back(value);
    }
    lp.a_start.push_back(static_cast<int>(lp.a_index.size()));
  }
  lp.index_names();
  return lp;
}

}  // namespace planner::lp
