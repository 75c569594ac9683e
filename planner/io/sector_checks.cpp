#include "planner/io/sector_checks.hpp"

#include <fmt/format.h>

#include <cmath>

#include "planner/io/toml_fields.hpp"

namespace planner {

void check_sector(const Sector& s, const std::function<void(const std::string&, const std::string&)>& fail) {
  if (!toml_fields::is_valid_id(s.id))
    fail("id", fmt::format("expected an id of lower-case letters, digits and _ ([a-z0-9_]+), got \"{}\"", s.id));
  auto nonnegative = [&](const char* field, double v) {
    if (!std::isfinite(v)) fail(field, fmt::format("expected a finite number, got {}", v));
    if (v < 0) fail(field, fmt::format("expected a number ≥ 0, got {}", v));
  };
  auto optional_nonnegative = [&](const char* field, const std::optional<double>& v) {
    if (v) nonnegative(field, *v);
  };
  nonnegative("output", s.output);
  nonnegative("stock", s.stock);
  optional_nonnegative("capacity", s.capacity);
  nonnegative("demand", s.demand);
  if (!std::isfinite(s.depreciation) || s.depreciation < 0 || s.depreciation >= 1)
    fail("depreciation", fmt::format("expected a number in [0,1), got {}", s.depreciation));
  optional_nonnegative("export_price", s.export_price);
  optional_nonnegative("export_limit", s.export_limit);
  optional_nonnegative("import_price", s.import_price);
  optional_nonnegative("import_limit", s.import_limit);
  // A limit without a price would be silently ignored by the plan LP.
  if (s.export_limit && !s.export_price) fail("export_limit", "export_limit needs an export_price");
  if (s.import_limit && !s.import_price) fail("import_limit", "import_limit needs an import_price");
}

}  // namespace planner
