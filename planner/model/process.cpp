#include "planner/model/process.hpp"

#include <algorithm>

namespace planner {
namespace {

double by_year(const std::vector<double>& values, int t) {
  return values[static_cast<std::size_t>(std::clamp(t, 0, static_cast<int>(values.size()) - 1))];
}

}  // namespace

double by_year_or_one(const std::vector<double>& values, int t) { return values.empty() ? 1.0 : by_year(values, t); }

std::string to_string(ProcessKind kind) {
  switch (kind) {
    case ProcessKind::make: return "make";
    case ProcessKind::import: return "import";
    case ProcessKind::export_: return "export";
  }
  return "make";
}

double Process::currency_in(int t) const { return currency.empty() ? 0.0 : by_year(currency, t); }

std::optional<double> Process::capacity_in(int t) const {
  if (capacity.empty()) return std::nullopt;
  return by_year(capacity, t);
}

}  // namespace planner
