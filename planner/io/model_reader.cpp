// Reads a model TOML file (spec §3) into an Economy. Every rule broken is one Error naming
// the file, the line and the key path, e.g.
//   models/x/model.toml:line 14: sector[2].depreciation: expected a number in [0,1), got 1.5
// Key paths count array entries from 1 (`sector[2]` is the second [[sector]]).
//
// Choices where the spec is silent:
// - `name` defaults to the file's stem; `unit` to ""; `base_year` to 0. Top-level
//   `description` and `source` strings are accepted for documentation and not stored.
// - `sectors_file` and [[sector]] may both be given: the CSV's sectors come first.
// - [technical] is required (lag default 0); [capital] is optional (absent = zeros,
//   lag default 0, at most 100) and has no `flows` (capital flows / x̄ is not a
//   coefficient per unit of new capacity).
// - Inline `rows` must list every sector (zeros for none), like a labelled CSV.
// - [trade] credit is ≥ 0. A resource's `unit` defaults to the model unit, `name` to its
//   id; `source` is accepted and not stored. `total` with a zero entry gives 0 even when
//   the sector's output is 0; a positive total needs output > 0.
#include "planner/io/model_reader.hpp"

#include <fmt/format.h>

#include <cmath>

#include "planner/io/coefficient_matrix.hpp"
#include "planner/io/process_reader.hpp"
#include "planner/io/sector_tables.hpp"
#include "planner/io/toml_fields.hpp"
#include "planner/io/input_file.hpp"
#include "planner/model/error.hpp"

namespace planner {
namespace {

using toml_fields::Fields;

/// `{ sector = value, … }` as a vector over sectors (zeros elsewhere); unknown ids are errors.
Eigen::VectorXd sector_vector(const Fields& f, std::string_view key, const Economy& e) {
  Eigen::VectorXd v = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(e.size()));
  for (const auto& [id, value] : f.number_map(key)) {
    auto i = e.sector_index(id);
    if (!i) f.fail(key, fmt::format("no sector \"{}\" in this model", id));
    v[static_cast<Eigen::Index>(*i)] = value;
  }
  return v;
}

Resource read_resource(const Fields& f, const Economy& e) {
  f.allow_only({"id", "name", "unit", "available", "per_output", "total", "per_output_lag", "per_capacity",
                "per_capacity_lag", "value_added", "source"});
  Resource r;
  r.id = f.required_string("id");
  if (!toml_fields::is_valid_id(r.id))
    f.fail("id", fmt::format("expected an id of lower-case letters, digits and _ ([a-z0-9_]+), got \"{}\"", r.id));
  if (e.sector_index(r.id)) f.fail("id", fmt::format("\"{}\" is already a sector id; resource ids must differ", r.id));
  if (e.resource_index(r.id)) f.fail("id", fmt::format("duplicate resource id \"{}\"", r.id));
  r.name = f.string("name").value_or(r.id);
  r.unit = f.string("unit").value_or(e.unit);
  r.available = f.number_or_list("available").value_or(std::vector<double>{});  // empty = unlimited
  if (f.one_of({"per_output", "total"}, false) == "total") {
    Eigen::VectorXd total = sector_vector(f, "total", e);
    r.per_output = Eigen::VectorXd::Zero(total.size());
    for (Eigen::Index j = 0; j < total.size(); ++j) {
      if (total[j] == 0) continue;
      const Sector& s = e.sectors[static_cast<std::size_t>(j)];
      if (!(s.output > 0))
        f.fail("total", fmt::format("sector \"{}\" has total {} but output {}; per_output = total / output needs output > 0",
                                    s.id, total[j], s.output));
      r.per_output[j] = total[j] / s.output;
      if (!std::isfinite(r.per_output[j]))
        f.fail("total", fmt::format("sector \"{}\": total {} / output {} is beyond the range of a double; check the units",
                                    s.id, total[j], s.output));
    }
  } else {
    r.per_output = sector_vector(f, "per_output", e);
  }
  r.per_output_lag = f.integer("per_output_lag", 0, 100).value_or(0);
  r.per_capacity = sector_vector(f, "per_capacity", e);
  r.per_capacity_lag = f.integer("per_capacity_lag", 0, 100).value_or(0);
  r.value_added = f.boolean("value_added").value_or(false);
  f.string("source");  // documentation only; checked for type
  return r;
}

void read_resources(const Fields& top, Economy& e) {
  const toml::node* n = top.node("resource");
  if (!n) return;
  const toml::array* list = n->as_array();
  if (!list || !list->is_array_of_tables())
    top.fail("resource", "expected [[resource]] tables (an array of tables), got " + toml_fields::describe(*n));
  for (std::size_t i = 0; i < list->size(); ++i)
    e.resources.push_back(read_resource(top.child((*list)[i], "resource", fmt::format("resource[{}]", i + 1)), e));
}

void read_trade(const Fields& top, Economy& e) {
  auto trade = top.table("trade");
  if (!trade) return;
  trade->allow_only({"credit"});
  e.credit = trade->number_or_list("credit").value_or(std::vector<double>{0.0});
}

std::string file_stem(const std::string& name) { return std::filesystem::path(name).stem().string(); }

// `extends = "../ussr-1928/model.toml"`: that model exactly as it reads, plus this file's
// [[process]] tables — a variant with choices of technique beside the one-technique model,
// without a second copy of its numbers. One level only.
Economy extend_model(const Fields& top, const std::string& name, const std::filesystem::path& base_dir) {
  top.allow_only({"name", "description", "source", "extends", "process"});
  static thread_local int depth = 0;
  if (depth > 0) top.fail("extends", "the model named by `extends` extends another itself; extend the base model directly");
  const std::filesystem::path base = base_dir / top.required_string("extends");
  Economy e;
  ++depth;
  try {
    e = read_model(base);
  } catch (...) {
    --depth;
    throw;
  }
  --depth;
  e.file = name;
  e.name = top.string("name").value_or(file_stem(name));
  top.string("description");
  top.string("source");
  read_processes(top, e);
  return e;
}

}  // namespace

Economy parse_model(const std::string& toml_text, const std::string& name, const std::filesystem::path& base_dir) {
  const toml::table doc = toml_fields::parse(toml_text, name);
  const Fields top(doc, name, "");
  if (doc.empty()) top.fail("", "the file has no keys; expected a model: [[sector]] tables and a [technical] table (spec §3)");
  if (top.has("model"))
    top.fail("model", "this is a plan (it names a model), not a model; give the model file it names, or use solve/compare");
  if (top.has("extends")) return extend_model(top, name, base_dir);
  top.allow_only({"name", "unit", "base_year", "description", "source", "sector", "sectors_file", "technical",
                  "capital", "trade", "resource", "process"});
  Economy e;
  e.file = name;
  e.name = top.string("name").value_or(file_stem(name));
  e.unit = top.string("unit").value_or("");
  e.base_year = top.integer("base_year", -100000, 100000).value_or(0);
  top.string("description");
  top.string("source");
  e.sectors = read_sectors(top, e.unit, base_dir);

  auto technical = top.table("technical");
  if (!technical) top.fail("", "missing [technical] table (the technical coefficients A)");
  CoefficientMatrix a = read_coefficient_matrix(*technical, e.sectors, base_dir, /*technical=*/true);
  e.technical = std::move(a.values);
  e.technical_lag = a.lag;
  e.flows = std::move(a.flows);

  const auto n = static_cast<Eigen::Index>(e.size());
  e.capital = Eigen::MatrixXd::Zero(n, n);
  if (auto capital = top.table("capital")) {
    CoefficientMatrix b = read_coefficient_matrix(*capital, e.sectors, base_dir, /*technical=*/false);
    e.capital = std::move(b.values);
    e.capital_lag = b.lag;
  }
  read_trade(top, e);
  read_resources(top, e);
  read_processes(top, e);
  return e;
}

Economy read_model(const std::filesystem::path& file) {
  return parse_model(read_input_text(file, "model"), file.string(), file.parent_path());
}

}  // namespace planner
