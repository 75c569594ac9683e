#pragma once
// The plan LP's row names (plan_lp_builder.hpp) read back: "balance[coal,3]", "capacity[grain,1]",
// "labour[4]", "goal[coal]", "hold[max-fulfilment]". One reading for the result, the diagnosis,
// the history test and the uncertainty run.
#include <optional>
#include <string>

namespace planner::lp {

struct RowName {
  std::string family;       ///< before '[': "balance", "capacity", "labour", "goal", …
  std::string id;           ///< the sector or goal inside the brackets ("" for "labour[4]")
  std::optional<int> year;  ///< the plan year after the last comma, or the bracket's number alone
};

RowName parse_row_name(const std::string& row);

}  // namespace planner::lp
