#include "planner/io/import_model.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <set>
#include <system_error>

#include "planner/io/model_reader.hpp"
#include "planner/io/output.hpp"
#include "planner/model/error.hpp"

namespace planner {
namespace {

namespace fs = std::filesystem;

/// Shortest text that reads back as the same double.
std::string number(double v) { return fmt::format("{}", v); }

/// A TOML basic string with quotes, backslashes and control characters escaped.
std::string toml_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7f) out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
    else out += static_cast<char>(c);
  }
  return out + "\"";
}

/// A CSV cell, quoted when it holds a comma, quote or line break.
std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

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
    out += s.id + "," + csv_cell(s.name) + "," + number(s.output) + "," + number(s.demand) + "\n";
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

[[noreturn]] void fail(const fs::path& dir, const std::string& message) {
  throw Error(ExitCode::bad_input, dir.string(), "", message);
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

void write_model_folder(const ImportedModel& model, const fs::path& dir_in, bool force) {
  fs::path dir = dir_in;
  if (dir.has_filename() == false) dir = dir.parent_path();  // "out/" → "out"
  std::error_code ec;
  const bool exists = fs::exists(dir, ec);
  if (exists && !fs::is_directory(dir, ec)) fail(dir, "cannot write the model folder: a file of that name exists");
  const bool non_empty = exists && !fs::is_empty(dir, ec);
  if (non_empty && !force)
    fail(dir, "the folder exists and is not empty; choose another --out or pass --force to replace it");
  fs::path parent = dir.parent_path().empty() ? fs::path(".") : dir.parent_path();
  if (!fs::is_directory(parent, ec)) fail(dir, "cannot write: folder " + parent.string() + " does not exist");

  const std::string pid = std::to_string(::getpid());
  fs::path tmp = parent / ("." + dir.filename().string() + ".import-tmp." + pid);
  fs::remove_all(tmp, ec);
  if (!fs::create_directory(tmp, ec)) fail(dir, "cannot create a temporary folder beside it: " + ec.message());
  try {
    for (const auto& [name, content] : model_folder_files(model)) write_file_atomically(tmp / name, content);
    // The folder must load as it will be used; a failure here is a bug of the import.
    read_model(tmp / "model.toml");
  } catch (const Error& e) {
    fs::remove_all(tmp, ec);
    throw Error(e.code(), dir.string(), "", std::string("the imported model does not load (nothing written): ") + e.what());
  } catch (...) {
    fs::remove_all(tmp, ec);
    throw;
  }
  fs::path old = parent / ("." + dir.filename().string() + ".import-old." + pid);
  if (exists) {
    fs::rename(dir, old, ec);
    if (ec) {
      fs::remove_all(tmp, ec);
      fail(dir, "cannot replace the folder: " + ec.message());
    }
  }
  fs::rename(tmp, dir, ec);
  if (ec) {
    std::error_code ignore;
    if (exists) fs::rename(old, dir, ignore);
    fs::remove_all(tmp, ignore);
    fail(dir, "cannot move the new model folder into place: " + ec.message());
  }
  if (exists) fs::remove_all(old, ec);
}

}  // namespace planner
