#include "planner/lp/leontief_crash.hpp"

#include <fmt/format.h>

namespace planner::lp {

StartingBasis leontief_crash_basis(const Plan& plan, const PlanLp& plan_lp) {
  const LinearProgram& lp = plan_lp.lp;
  const PlanColumns& cols = plan_lp.columns;
  StartingBasis basis;
  basis.num_row = lp.num_row;
  basis.num_col = lp.num_col;
  std::vector<char> used(static_cast<std::size_t>(lp.num_col), 0);
  auto pair = [&](int column, const std::string& row_name) {
    if (column < 0 || used[static_cast<std::size_t>(column)]) return;
    if (std::optional<int> row = lp.row(row_name)) {
      basis.basic.emplace_back(column, *row);
      used[static_cast<std::size_t>(column)] = 1;
    }
  };
  // PlanColumns tables hold years 0…H for every sector (−1 where a variable does not exist).
  const auto H = static_cast<std::size_t>(plan.horizon());
  for (std::size_t i = 0; i < plan.economy.size(); ++i) {
    const std::string& id = plan.economy.sectors[i].id;
    for (std::size_t t = 1; t <= H; ++t) pair(cols.output[i][t], fmt::format("balance[{},{}]", id, t));
    pair(cols.output[i][H], fmt::format("terminal[{}]", id));  // when year H has no balance row
    pair(cols.stock[i][1], fmt::format("balance[{},0]", id));
  }
  return basis;
}

}  // namespace planner::lp
