#include "planner/uncertainty/uncertain_inputs.hpp"

#include <fmt/format.h>

#include "planner/model/error.hpp"

namespace planner::uncertainty {

Distribution distribution_of(const UncertainNumber& number) {
  Distribution d;
  d.kind = number.dist;
  d.value = number.value;
  d.low = number.low;
  d.high = number.high;
  d.sd = number.sd;
  d.gsd = number.gsd;
  return d;
}

UncertainInputs::UncertainInputs(std::vector<UncertainNumber> numbers, std::map<std::string, std::string> texts)
    : numbers_(std::move(numbers)), texts_(std::move(texts)), group_of_(numbers_.size()) {
  std::map<std::string, std::size_t> by_name;
  for (std::size_t i = 0; i < numbers_.size(); ++i) {
    const UncertainNumber& n = numbers_[i];
    if (n.group.empty()) {
      group_of_[i] = groups_.size();
      groups_.push_back({n.key, {i}});
      continue;
    }
    auto [it, fresh] = by_name.emplace(n.group, groups_.size());
    if (fresh) groups_.push_back({n.group, {}});
    InputGroup& g = groups_[it->second];
    if (!g.members.empty()) {
      const UncertainNumber& first = numbers_[g.members.front()];
      if (first.dist != n.dist)
        throw_bad_input(n.file, fmt::format("line {}: {}", n.line, n.key),
                        fmt::format("group \"{}\" mixes distributions: {} here, {} at {} (one draw serves a group, "
                                    "so its numbers share a kind)",
                                    n.group, to_string(n.dist), to_string(first.dist), first.where()));
    }
    g.members.push_back(i);
    group_of_[i] = it->second;
  }
}

std::vector<double> UncertainInputs::values(const std::vector<double>& u) const {
  if (u.size() != groups_.size())
    throw Error(ExitCode::usage, "", "", fmt::format("a point of {} values for {} inputs", u.size(), groups_.size()));
  std::vector<double> out(numbers_.size());
  for (std::size_t i = 0; i < numbers_.size(); ++i) out[i] = quantile(distribution_of(numbers_[i]), u[group_of_[i]]);
  return out;
}

}  // namespace planner::uncertainty
