#include "planner/model/uncertain_number.hpp"

#include <fmt/format.h>

namespace planner {

std::string to_string(UncertainDist dist) {
  switch (dist) {
    case UncertainDist::uniform: return "uniform";
    case UncertainDist::triangular: return "triangular";
    case UncertainDist::normal: return "normal";
    case UncertainDist::lognormal: return "lognormal";
  }
  return "uniform";
}

std::string UncertainNumber::where() const {
  return line > 0 ? fmt::format("{}:line {}: {}", file, line, key) : fmt::format("{}: {}", file, key);
}

}  // namespace planner
