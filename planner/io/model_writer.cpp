#include "planner/io/model_writer.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <system_error>

#include "planner/io/csv.hpp"
#include "planner/io/model_reader.hpp"
#include "planner/io/output.hpp"
#include "planner/model/error.hpp"

namespace planner {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const fs::path& dir, const std::string& message) {
  throw Error(ExitCode::bad_input, dir.string(), "", message);
}

std::string number(double v) { return fmt::format("{}", v); }

std::string toml_string(const std::string& s) { return toml_quoted(s); }
std::string csv_cell(const std::string& s) { return csv_quoted(s); }

std::string list(const std::vector<double>& v) {
  std::vector<std::string> cells;
  for (double d : v) cells.push_back(number(d));
  return v.size() == 1 ? cells[0] : "[" + fmt::format("{}", fmt::join(cells, ", ")) + "]";
}

std::string matrix_csv(const Economy& e, const Eigen::MatrixXd& m) {
  std::string out = "sector";
  for (const auto& s : e.sectors) out += "," + s.id;
  out += "\n";
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    out += e.sectors[static_cast<std::size_t>(i)].id;
    for (Eigen::Index j = 0; j < m.cols(); ++j) out += "," + number(m(i, j));
    out += "\n";
  }
  return out;
}

/// `key = { id = v, … }` with the nonzero entries of a per-sector vector.
std::string sector_table(const Economy& e, const std::string& key, const Eigen::VectorXd& v) {
  std::vector<std::string> cells;
  for (std::size_t j = 0; j < e.size(); ++j)
    if (v[static_cast<Eigen::Index>(j)] != 0) cells.push_back(e.sectors[j].id + " = " + number(v[static_cast<Eigen::Index>(j)]));
  return key + " = { " + fmt::format("{}", fmt::join(cells, ", ")) + " }\n";
}

}  // namespace

std::string toml_quoted(const std::string& s) {
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


std::vector<std::pair<std::string, std::string>> economy_folder_files(const Economy& e, const std::vector<std::string>& header) {
  std::string toml;
  for (const auto& h : header) {
    std::string line = h;
    std::replace(line.begin(), line.end(), '\n', ' ');
    toml += "# " + line + "\n";
  }
  toml += "name = " + toml_string(e.name) + "\n";
  toml += "unit = " + toml_string(e.unit) + "\n";
  toml += fmt::format("base_year = {}\n", e.base_year);
  toml += "sectors_file = \"sectors.csv\"\n\n";
  toml += fmt::format("[technical]\nlag = {}\nflows = \"flows.csv\"\n", e.technical_lag);
  const bool capital = (e.capital.array() != 0).any();
  if (capital) toml += fmt::format("\n[capital]\nlag = {}\nfile = \"capital.csv\"\n", e.capital_lag);
  if (e.credit.size() != 1 || e.credit[0] != 0) toml += "\n[trade]\ncredit = " + list(e.credit) + "\n";
  for (const auto& r : e.resources) {
    toml += "\n[[resource]]\nid = " + toml_string(r.id) + "\n";
    if (!r.name.empty()) toml += "name = " + toml_string(r.name) + "\n";
    if (!r.unit.empty()) toml += "unit = " + toml_string(r.unit) + "\n";
    if (!r.available.empty()) toml += "available = " + list(r.available) + "\n";
    if (r.value_added) toml += "value_added = true\n";
    toml += sector_table(e, "per_output", r.per_output);
    if (r.per_output_lag != 0) toml += fmt::format("per_output_lag = {}\n", r.per_output_lag);
    if ((r.per_capacity.array() != 0).any()) toml += sector_table(e, "per_capacity", r.per_capacity);
    if (r.per_capacity_lag != 0) toml += fmt::format("per_capacity_lag = {}\n", r.per_capacity_lag);
  }

  std::string sectors = "id,name,unit,output,stock,capacity,depreciation,demand,source\n";
  for (const auto& s : e.sectors)
    sectors += fmt::format("{},{},{},{},{},{},{},{},{}\n", s.id, csv_cell(s.name), csv_cell(s.unit), number(s.output),
                           number(s.stock), s.capacity ? number(*s.capacity) : "", number(s.depreciation),
                           number(s.demand), csv_cell(s.source));

  std::vector<std::pair<std::string, std::string>> files{
      {"model.toml", toml}, {"sectors.csv", sectors}, {"flows.csv", matrix_csv(e, *e.flows)}};
  if (capital) files.emplace_back("capital.csv", matrix_csv(e, e.capital));
  return files;
}

void write_model_files(const std::vector<std::pair<std::string, std::string>>& files, const fs::path& dir_in, bool force) {
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
    for (const auto& [name, content] : files) write_file_atomically(tmp / name, content);
    // The folder must load as it will be used; a failure here is a bug of the import.
    read_model(tmp / "model.toml");
  } catch (const Error& e) {
    fs::remove_all(tmp, ec);
    throw Error(e.code(), dir.string(), "", std::string("the written model does not load (nothing written): ") + e.what());
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
