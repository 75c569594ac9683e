#include "planner/report/comparison_solve.hpp"

#include <cctype>
#include <cmath>

#include "planner/lp/solve_plan.hpp"

namespace planner {

namespace {

std::vector<std::string> split_args(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    auto comma = s.find(',', start);
    out.push_back(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

bool is_int(const std::string& s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i])) && !(i == 0 && s[i] == '-')) return false;
  return s != "-";
}

std::map<std::string, std::map<int, double>> series_map(const lp::Series& s) {
  std::map<std::string, std::map<int, double>> out;
  for (std::size_t k = 0; k < s.ids.size(); ++k) out[s.ids[k]] = s.values[k];
  return out;
}

}  // namespace

BindingConstraint describe_row(const Plan& plan, const std::string& row, double shadow_price) {
  BindingConstraint b;
  b.row = row;
  b.shadow_price = shadow_price;
  b.kind = "other";
  b.year = -1;
  auto open = row.find('[');
  auto close = row.rfind(']');
  if (open == std::string::npos || close == std::string::npos || close < open) return b;
  std::string family = row.substr(0, open);
  auto args = split_args(row.substr(open + 1, close - open - 1));
  const Economy& e = plan.economy;
  if ((family == "balance" || family == "capacity" || family == "floor") && args.size() == 2 && is_int(args[1])) {
    b.kind = family;
    b.subject = args[0];
    b.year = std::stoi(args[1]);
  } else if (family == "currency" && args.size() == 1 && is_int(args[0])) {
    b.kind = "trade";
    b.year = std::stoi(args[0]);
  } else if (family == "terminal" && args.size() == 1) {
    b.kind = "terminal";
    b.subject = args[0];
    b.year = plan.horizon();
  } else if (family == "goal" || family == "fulfilment_goal" || family == "shortfall_goal") {
    b.kind = "goal";
    // goal[<goal id>] or, for a member of an unweighted group goal, goal[<goal id>,<sector>].
    const std::string& id = args.front();
    for (const auto& g : plan.goals)
      if (g.id == id) {
        b.subject = args.size() > 1 ? args.back() : (g.sector.empty() ? g.id : g.sector);
        b.year = g.year > 0 ? g.year : plan.years;
        if (!g.sector.empty() || args.size() > 1) break;
        b.subject_name = g.id;
        b.unit = "unit of the weighted sum";
      }
  } else if (e.resource_index(family) && args.size() == 1 && is_int(args[0])) {
    b.kind = "resource";
    b.subject = family;
    b.year = std::stoi(args[0]);
  }
  return b;
}

SolveSummary summarise(const Plan& plan, const lp::PlanResult& r) {
  SolveSummary s;
  s.status = r.status;
  if (r.diagnosis) s.diagnosis = r.diagnosis->summary;
  else if (!r.message.empty()) s.diagnosis = r.message;
  s.fulfilment = r.fulfilment;
  s.output = series_map(r.output);
  s.imports = series_map(r.imports);
  s.exports = series_map(r.exports);
  for (const auto& b : r.binding) {
    if (std::fabs(b.shadow_price) <= 1e-9) continue;            // binds without a valuation
    if (b.row.rfind("hold[", 0) == 0) continue;                  // lexicographic artefact
    s.binding.push_back(describe_row(plan, b.row, b.shadow_price));
  }
  return s;
}

SolveSummary solve_for_comparison(const Plan& plan) { return summarise(plan, lp::solve_plan(plan)); }

}  // namespace planner
