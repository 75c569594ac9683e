// Sectors are read by sector_tables.hpp and the file by input_file.hpp, as in model_reader.cpp;
// the resource rules repeat model_reader.cpp's (same keys, same messages). What differs is
// that A is read sparse and nothing n×n is ever allocated.
#include "planner/io/sparse_model_reader.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "planner/io/coefficient_matrix.hpp"
#include "planner/io/input_file.hpp"
#include "planner/io/sector_tables.hpp"
#include "planner/io/sparse_triplets.hpp"
#include "planner/io/toml_fields.hpp"
#include "planner/model/error.hpp"

namespace planner {
namespace {

using toml_fields::Fields;

class SectorIndex {
 public:
  explicit SectorIndex(const std::vector<Sector>& sectors) {
    index_.reserve(sectors.size());
    for (std::size_t i = 0; i < sectors.size(); ++i) index_.emplace(sectors[i].id, i);
  }
  std::optional<std::size_t> find(const std::string& id) const {
    auto it = index_.find(id);
    if (it == index_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::unordered_map<std::string_view, std::size_t> index_;
};

Eigen::VectorXd sector_vector(const Fields& f, std::string_view key, const SectorIndex& index, std::size_t n) {
  Eigen::VectorXd v = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(n));
  for (const auto& [id, value] : f.number_map(key)) {
    auto i = index.find(id);
    if (!i) f.fail(key, fmt::format("no sector \"{}\" in this model", id));
    v[static_cast<Eigen::Index>(*i)] = value;
  }
  return v;
}

Resource read_resource(const Fields& f, const SparseEconomy& e, const SectorIndex& index) {
  f.allow_only({"id", "name", "unit", "available", "per_output", "total", "per_output_lag", "per_capacity",
                "per_capacity_lag", "value_added", "source"});
  Resource r;
  r.id = f.required_string("id");
  if (!toml_fields::is_valid_id(r.id))
    f.fail("id", fmt::format("expected an id of lower-case letters, digits and _ ([a-z0-9_]+), got \"{}\"", r.id));
  if (index.find(r.id)) f.fail("id", fmt::format("\"{}\" is already a sector id; resource ids must differ", r.id));
  for (const auto& other : e.resources)
    if (other.id == r.id) f.fail("id", fmt::format("duplicate resource id \"{}\"", r.id));
  r.name = f.string("name").value_or(r.id);
  r.unit = f.string("unit").value_or(e.unit);
  r.available = f.number_or_list("available").value_or(std::vector<double>{});
  if (f.one_of({"per_output", "total"}, false) == "total") {
    Eigen::VectorXd total = sector_vector(f, "total", index, e.size());
    r.per_output = Eigen::VectorXd::Zero(total.size());
    for (Eigen::Index j = 0; j < total.size(); ++j) {
      if (total[j] == 0) continue;
      const Sector& s = e.sectors[static_cast<std::size_t>(j)];
      if (!(s.output > 0))
        f.fail("total", fmt::format("sector \"{}\" has total {} but output {}; per_output = total / output needs output > 0",
                                    s.id, total[j], s.output));
      r.per_output[j] = total[j] / s.output;
    }
  } else {
    r.per_output = sector_vector(f, "per_output", index, e.size());
  }
  r.per_output_lag = f.integer("per_output_lag", 0, 100).value_or(0);
  r.per_capacity = sector_vector(f, "per_capacity", index, e.size());
  r.per_capacity_lag = f.integer("per_capacity_lag", 0, 100).value_or(0);
  r.value_added = f.boolean("value_added").value_or(false);
  f.string("source");
  return r;
}

}  // namespace

bool technical_is_triplets(const std::filesystem::path& model_file) {
  const toml::table doc = toml_fields::parse(read_input_text(model_file, "model"), model_file.string());
  const toml::table* technical = doc["technical"].as_table();
  return technical && technical->contains("triplets");
}

SparseEconomy parse_sparse_model(const std::string& toml_text, const std::string& name, const std::filesystem::path& base_dir) {
  const toml::table doc = toml_fields::parse(toml_text, name);
  const Fields top(doc, name, "");
  top.allow_only({"name", "unit", "base_year", "description", "source", "sector", "sectors_file", "technical",
                  "capital", "trade", "resource"});
  SparseEconomy e;
  e.file = name;
  e.name = top.string("name").value_or(std::filesystem::path(name).stem().string());
  e.unit = top.string("unit").value_or("");
  e.base_year = top.integer("base_year", -100000, 100000).value_or(0);
  top.string("description");
  top.string("source");
  e.sectors = read_sectors(top, e.unit, base_dir);

  auto technical = top.table("technical");
  if (!technical) top.fail("", "missing [technical] table (the technical coefficients A)");
  technical->allow_only({"lag", "file", "triplets", "rows", "flows"});
  e.technical_lag = technical->integer("lag", 0, 1).value_or(0);
  if (technical->one_of({"file", "triplets", "rows", "flows"}, true) != "triplets")
    technical->fail("", "the sparse analysis reads [technical] only as `triplets = \"file.csv\"` (row,col,value)");
  e.technical = read_sparse_triplets(resolve_data_file(*technical, "triplets", base_dir), e.sector_ids());

  SectorIndex index(e.sectors);
  if (const toml::node* n = top.node("resource")) {
    const toml::array* list = n->as_array();
    if (!list || !list->is_array_of_tables())
      top.fail("resource", "expected [[resource]] tables (an array of tables), got " + toml_fields::describe(*n));
    for (std::size_t i = 0; i < list->size(); ++i)
      e.resources.push_back(read_resource(top.child((*list)[i], "resource", fmt::format("resource[{}]", i + 1)), e, index));
  }
  return e;
}

SparseEconomy read_sparse_model(const std::filesystem::path& file) {
  return parse_sparse_model(read_input_text(file, "model"), file.string(), file.parent_path());
}

}  // namespace planner
