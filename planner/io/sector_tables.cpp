#include "planner/io/sector_tables.hpp"

#include <fmt/format.h>

#include <unordered_set>

#include "planner/io/coefficient_matrix.hpp"
#include "planner/io/sector_checks.hpp"
#include "planner/io/sectors_csv.hpp"

namespace planner {
namespace {

using toml_fields::Fields;

Sector read_sector(const Fields& f, const std::string& model_unit) {
  f.allow_only({"id", "name", "unit", "groups", "output", "stock", "capacity", "depreciation", "demand",
                "export_price", "export_limit", "import_price", "import_limit", "price", "source"});
  Sector s;
  s.id = f.required_string("id");
  s.name = f.string("name").value_or(s.id);
  s.unit = f.string("unit").value_or(model_unit);
  s.groups = f.string_list("groups").value_or(std::vector<std::string>{});
  s.output = f.number("output").value_or(0.0);
  s.stock = f.number("stock").value_or(0.0);
  s.capacity = f.number("capacity");
  s.depreciation = f.number("depreciation").value_or(0.0);
  s.demand = f.number("demand").value_or(0.0);
  s.export_price = f.number("export_price");
  s.export_limit = f.number("export_limit");
  s.import_price = f.number("import_price");
  s.import_limit = f.number("import_limit");
  s.price = f.number("price");
  if (s.price && !(*s.price > 0.0)) f.fail("price", fmt::format("a price must be > 0, got {}", *s.price));
  s.source = f.string("source").value_or("");
  for (const auto& g : s.groups)
    if (g.empty()) f.fail("groups", "a group name is empty");
  check_sector(s, [&](const std::string& field, const std::string& message) { f.fail(field, message); });
  return s;
}

}  // namespace

std::vector<Sector> read_sectors(const Fields& top, const std::string& model_unit, const std::filesystem::path& base_dir) {
  std::vector<Sector> sectors;
  if (top.has("sectors_file")) sectors = read_sectors_csv(resolve_data_file(top, "sectors_file", base_dir), model_unit);
  std::unordered_set<std::string> ids;
  ids.reserve(sectors.size());
  for (const auto& s : sectors)
    if (!ids.insert(s.id).second) top.fail("sectors_file", fmt::format("duplicate sector id \"{}\"", s.id));
  if (const toml::node* n = top.node("sector")) {
    const toml::array* list = n->as_array();
    if (!list || !list->is_array_of_tables())
      top.fail("sector", "expected [[sector]] tables (an array of tables), got " + toml_fields::describe(*n));
    for (std::size_t i = 0; i < list->size(); ++i) {
      Fields f = top.child((*list)[i], "sector", fmt::format("sector[{}]", i + 1));
      sectors.push_back(read_sector(f, model_unit));
      // Checked here too so the message names the [[sector]] table's own line.
      if (!ids.insert(sectors.back().id).second)
        f.fail("id", fmt::format("duplicate sector id \"{}\"", sectors.back().id));
    }
  }
  if (sectors.empty()) top.fail("", "the model has no sectors; add [[sector]] tables or sectors_file = \"sectors.csv\"");
  return sectors;
}

}  // namespace planner
