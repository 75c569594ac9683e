#include "planner/lp/row_name.hpp"

#include <algorithm>
#include <cctype>

namespace planner::lp {
namespace {

std::optional<int> whole_number(const std::string& s) {
  if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); }))
    return std::nullopt;
  return std::stoi(s);
}

}  // namespace

RowName parse_row_name(const std::string& row) {
  RowName r;
  const auto open = row.find('[');
  r.family = row.substr(0, open);
  const auto close = row.rfind(']');
  if (open == std::string::npos || close == std::string::npos || close < open) return r;
  const std::string inside = row.substr(open + 1, close - open - 1);
  const auto comma = inside.rfind(',');
  if (comma != std::string::npos) {
    r.id = inside.substr(0, comma);
    r.year = whole_number(inside.substr(comma + 1));
  } else if ((r.year = whole_number(inside))) {
    r.id.clear();
  } else {
    r.id = inside;
  }
  return r;
}

}  // namespace planner::lp
