#include "planner/io/sectors_csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "planner/io/csv.hpp"
#include "planner/io/csv_cells.hpp"
#include "planner/io/sector_checks.hpp"
#include "planner/model/error.hpp"

namespace planner {
namespace {

constexpr std::array<const char*, 14> kColumns{"id",           "name",         "unit",         "groups",
                                               "output",       "stock",        "capacity",     "depreciation",
                                               "demand",       "export_price", "export_limit", "import_price",
                                               "import_limit", "source"};

std::vector<std::string> split_groups(const std::string& cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= cell.size()) {
    std::size_t end = cell.find(';', start);
    if (end == std::string::npos) end = cell.size();
    std::string g = cell.substr(start, end - start);
    g.erase(0, g.find_first_not_of(' '));
    g.erase(g.find_last_not_of(' ') + 1);
    if (!g.empty()) out.push_back(g);
    start = end + 1;
  }
  return out;
}

/// Sets one field of `s` from its cell.
void set_field(Sector& s, const std::string& column, const std::string& cell, const std::string& file, int line) {
  auto number = [&] { return number_cell(cell, file, line, fmt::format("column \"{}\"", column), false); };
  auto optional_number = [&]() -> std::optional<double> {
    if (cell.empty()) return std::nullopt;
    return number();
  };
  if (column == "id") s.id = cell;
  else if (column == "name") s.name = cell;
  else if (column == "unit") s.unit = cell;
  else if (column == "groups") s.groups = split_groups(cell);
  else if (column == "source") s.source = cell;
  else if (column == "output") s.output = number();
  else if (column == "stock") s.stock = number();
  else if (column == "capacity") s.capacity = optional_number();
  else if (column == "depreciation") s.depreciation = number();
  else if (column == "demand") s.demand = number();
  else if (column == "export_price") s.export_price = optional_number();
  else if (column == "export_limit") s.export_limit = optional_number();
  else if (column == "import_price") s.import_price = optional_number();
  else if (column == "import_limit") s.import_limit = optional_number();
}

}  // namespace

std::vector<Sector> read_sectors_csv(const std::filesystem::path& file, const std::string& model_unit) {
  const std::string name = file.string();
  auto records = read_csv_records(file);
  if (records.empty()) throw_bad_input(name, "", "empty file; expected a header starting with `id`");
  const CsvRecord& header = records.front();
  const std::string at_header = fmt::format("line {}", header.line);
  std::map<std::string, int> seen;
  for (const auto& col : header.cells) {
    if (std::find(kColumns.begin(), kColumns.end(), col) == kColumns.end()) {
      std::string allowed;
      for (auto c : kColumns) allowed += (allowed.empty() ? "" : ",") + std::string(c);
      throw_bad_input(name, at_header, fmt::format("unknown column \"{}\"; allowed columns: {}", col, allowed));
    }
    if (seen[col]++) throw_bad_input(name, at_header, fmt::format("duplicate column \"{}\"", col));
  }
  if (!seen.count("id")) throw_bad_input(name, at_header, "no `id` column");

  std::vector<Sector> sectors;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    const std::string at = fmt::format("line {}", rec.line);
    if (rec.cells.size() != header.cells.size())
      throw_bad_input(name, at, fmt::format("row has {} cells, the header has {}", rec.cells.size(), header.cells.size()));
    Sector s;
    for (std::size_t c = 0; c < rec.cells.size(); ++c) set_field(s, header.cells[c], rec.cells[c], name, rec.line);
    if (s.name.empty()) s.name = s.id;
    if (s.unit.empty()) s.unit = model_unit;
    check_sector(s, [&](const std::string& field, const std::string& message) {
      throw_bad_input(name, at, fmt::format("sector \"{}\", column \"{}\": {}", s.id, field, message));
    });
    sectors.push_back(std::move(s));
  }
  return sectors;
}

}  // namespace planner
