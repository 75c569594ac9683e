#include "planner/model/plan.hpp"

#include <array>
#include <utility>

namespace planner {
namespace {
constexpr std::array<std::pair<ObjectiveKind, const char*>, 7> kKinds{{
    {ObjectiveKind::max_capacity, "max-capacity"},
    {ObjectiveKind::max_output, "max-output"},
    {ObjectiveKind::max_resource, "max-resource"},
    {ObjectiveKind::min_resource, "min-resource"},
    {ObjectiveKind::max_fulfilment, "max-fulfilment"},
    {ObjectiveKind::max_consumption, "max-consumption"},
    {ObjectiveKind::min_shortfall, "min-shortfall"},
}};
}  // namespace

std::string to_string(ObjectiveKind kind) {
  for (const auto& [k, name] : kKinds)
    if (k == kind) return name;
  return "unknown";
}

std::optional<ObjectiveKind> objective_kind_from_string(const std::string& text) {
  for (const auto& [k, name] : kKinds)
    if (text == name) return k;
  return std::nullopt;
}

std::string to_string(SecondStage stage) {
  switch (stage) {
    case SecondStage::base_output: return "base-output";
    case SecondStage::prices: return "prices";
    case SecondStage::none: return "none";
  }
  return "unknown";
}

}  // namespace planner
