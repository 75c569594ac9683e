#include "planner/io/import_model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <system_error>

#include "planner/io/csv.hpp"
#include "planner/io/model_writer.hpp"
#include "planner/model/error.hpp"

namespace planner {
namespace {

namespace fs = std::filesystem;

std::string number(double v) { return fmt::format("{}", v); }
std::string toml_string(const std::string& s) { return toml_quoted(s); }

/// A comment text on one line (line breaks would end the TOML comment).
std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\r', ' ');
  return s;
}

std::string model_toml(const ImportedModel& m) {
  std::string out;
  out += "# Imported by `planner import` from " + one_line(m.source) + ".\n";
  out += "# Sectors (sectors.csv): output x and final demand f; flows.csv: intermediate flows Z (A = Z / x).\n";
  out += "# Resources: the table's primary-input rows as base-year totals (per_output = total / output).\n";
  for (const auto& n : m.notes) out += "# note: " + one_line(n) + "\n";
  out += "name = " + toml_string(m.name) + "\n";
  out += "unit = " + toml_string(m.unit) + "\n";
  out += "source = " + toml_string(m.source) + "\n";
  out += "sectors_file = \"sectors.csv\"\n\n";
  out += "[technical]\nflows = \"flows.csv\"\n";
  for (const auto& r : m.resources) {
    out += "\n[[resource]]\n";
    out += "id = " + toml_string(r.id) + "\n";
    out += "name = " + toml_string(r.name) + "\n";
    if (!r.unit.empty()) out += "unit = " + toml_string(r.unit) + "\n";
    if (r.value_added) out += "value_added = true\n";
    out += "\n[resource.total]\n";
    for (std::size_t j = 0; j < m.sectors.size(); ++j) {
      double v = r.total[static_cast<Eigen::Index>(j)];
      if (v != 0) out += m.sectors[j].id + " = " + number(v) + "\n";
    }
  }
  return out;
}

std::string sectors_csv(const ImportedModel& m) {
  std::string out = "id,name,output,demand\n";
  for (const auto& s : m.sectors)
    out += s.id + "," + csv_quoted(s.name) + "," + number(s.output) + "," + number(s.demand) + "\n";
  return out;
}

std::string flows_csv(const ImportedModel& m) {
  std::string out = "sector";
  for (const auto& s : m.sectors) out += "," + s.id;
  out += "\n";
  for (std::size_t i = 0; i < m.sectors.size(); ++i) {
    out += m.sectors[i].id;
    for (std::size_t j = 0; j < m.sectors.size(); ++j)
      out += "," + number(m.flows(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)));
    out += "\n";
  }
  return out;
}

}  // namespace

std::string sanitise_id(const std::string& label) {
  std::string id;
  bool gap = false;
  for (unsigned char c : label) {
    char l = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) {
      if (gap && !id.empty()) id += '_';
      id += l;
      gap = false;
    } else {
      gap = true;
    }
  }
  return id.empty() ? "x" : id;
}

void make_unique_ids(std::vector<std::string>& ids, const std::vector<std::string>& labels, const std::string& what,
                     std::vector<std::string>& taken, std::vector<std::string>& notes) {
  std::set<std::string> used(taken.begin(), taken.end());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (used.insert(ids[i]).second) continue;
    std::string base = ids[i];
    for (int k = 2;; ++k) {
      std::string candidate = fmt::format("{}_{}", base, k);
      if (used.insert(candidate).second) {
        notes.push_back(fmt::format("{} \"{}\" would have the id \"{}\", already taken; it is \"{}\"", what,
                                    i < labels.size() ? labels[i] : base, base, candidate));
        ids[i] = candidate;
        break;
      }
    }
  }
  taken.assign(used.begin(), used.end());
}

std::vector<std::pair<std::string, std::string>> model_folder_files(const ImportedModel& model) {
  return {{"model.toml", model_toml(model)}, {"sectors.csv", sectors_csv(model)}, {"flows.csv", flows_csv(model)}};
}

void write_model_folder(const ImportedModel& model, const fs::path& dir, bool force) {
  write_model_files(model_folder_files(model), dir, force);
}

}  // namespace planner
