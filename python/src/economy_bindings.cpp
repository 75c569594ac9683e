// planner::Economy for Python: read from a model file or a pymrio folder, or built from arrays
// (Z and x, or A; final demand f), and its fields as numpy arrays. Arrays come in as
// Eigen::Ref, so a float64 array in column-major order (what pandas' DataFrame.to_numpy()
// gives for one float block) is read where it lies and copied once, into the Economy.
#include <fmt/format.h>
#include <pybind11/eigen.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cmath>
#include <filesystem>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "bindings.hpp"
#include "planner/analysis/leontief.hpp"
#include "planner/io/import_model.hpp"
#include "planner/io/import_pymrio.hpp"
#include "planner/io/model_reader.hpp"
#include "planner/io/sector_checks.hpp"
#include "planner/model/economy.hpp"
#include "planner/model/error.hpp"

namespace py = pybind11;
namespace fs = std::filesystem;

namespace planner::python {
namespace {

using MatrixRef = Eigen::Ref<const Eigen::MatrixXd>;
/// A C-ordered numpy array (numpy's default) is read through this one without a copy.
using RowMajorRef = Eigen::Ref<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>;
using VectorRef = Eigen::Ref<const Eigen::VectorXd>;

[[noreturn]] void bad(const std::string& what, const std::string& message) {
  throw Error(ExitCode::bad_input, "", what, message);
}

/// The first entry of `m` that is NaN or infinite, named as "row i, column j" of `what`.
template <class M>
void require_finite(const std::string& what, const M& m, const std::vector<std::string>& ids) {
  if (m.allFinite()) return;
  for (Eigen::Index j = 0; j < m.cols(); ++j)
    for (Eigen::Index i = 0; i < m.rows(); ++i)
      if (!std::isfinite(m(i, j)))
        bad(what, fmt::format("expected finite numbers, got {} at row {}, column {}", m(i, j),
                              ids.empty() ? std::to_string(i) : "\"" + ids[static_cast<std::size_t>(i)] + "\"",
                              m.cols() == 1 ? std::string("0") : ids.empty() ? std::to_string(j) : "\"" + ids[static_cast<std::size_t>(j)] + "\""));
}

void require_vector(const std::string& what, const VectorRef& v, Eigen::Index n, const std::vector<std::string>& ids) {
  if (v.size() != n) bad(what, fmt::format("expected {} values (one per sector), got {}", n, v.size()));
  require_finite(what, v, ids);
}

/// An Economy from arrays: Z with x (`flows`: A = Z / x, as a model's `flows` table), or A
/// itself; an empty x or f means none was given.
template <class M>
Economy economy_from_arrays(const M& m, bool flows, const VectorRef& x, const VectorRef& f,
                            const std::vector<std::string>& ids, const std::vector<std::string>& names,
                            const std::string& name, const std::string& unit,
                            const std::vector<std::tuple<std::string, Eigen::VectorXd, bool>>& resources) {
  const std::string what = flows ? "Z" : "A";
  const std::optional<VectorRef> output = x.size() > 0 ? std::optional<VectorRef>(x) : std::nullopt;
  const std::optional<VectorRef> demand = f.size() > 0 ? std::optional<VectorRef>(f) : std::nullopt;
  if (m.rows() != m.cols()) bad(what, fmt::format("expected a square matrix (sectors × sectors), got {} × {}", m.rows(), m.cols()));
  const Eigen::Index n = m.rows();
  if (n == 0) bad(what, "expected at least one sector, got an empty matrix");
  if (static_cast<Eigen::Index>(ids.size()) != n)
    bad("ids", fmt::format("expected {} sector ids (one per row of {}), got {}", n, what, ids.size()));
  if (!names.empty() && names.size() != ids.size())
    bad("names", fmt::format("expected {} names, got {}", n, names.size()));
  require_finite(what, m, ids);
  if (flows && !output) bad("x", "Z needs the gross output x of every sector (A = Z / x)");

  Economy e;
  e.name = name;
  e.unit = unit;
  e.file = "";
  std::set<std::string> seen;
  for (Eigen::Index i = 0; i < n; ++i) {
    Sector s;
    s.id = ids[static_cast<std::size_t>(i)];
    s.name = names.empty() ? s.id : names[static_cast<std::size_t>(i)];
    if (!seen.insert(s.id).second) bad("ids", fmt::format("sector id \"{}\" appears twice", s.id));
    e.sectors.push_back(std::move(s));
  }
  if (output) {
    require_vector("x", *output, n, ids);
    for (Eigen::Index i = 0; i < n; ++i) e.sectors[static_cast<std::size_t>(i)].output = (*output)[i];
  }
  if (demand) {
    require_vector("f", *demand, n, ids);
    for (Eigen::Index i = 0; i < n; ++i) e.sectors[static_cast<std::size_t>(i)].demand = (*demand)[i];
  }
  for (const Sector& s : e.sectors)
    check_sector(s, [&](const std::string& field, const std::string& message) {
      const std::string key = field == "output" ? "x" : field == "demand" ? "f" : field == "id" ? "ids" : field;
      bad(key, fmt::format("sector \"{}\": {}", s.id, message));
    });
  if (flows) {
    for (Eigen::Index j = 0; j < n; ++j) {
      const Sector& s = e.sectors[static_cast<std::size_t>(j)];
      if (!m.col(j).isZero(0.0) && !(s.output > 0))
        bad("x", fmt::format("sector \"{}\" has flows into it but output {} (A = Z / x needs output > 0)", s.id, s.output));
    }
    e.flows = Eigen::MatrixXd(m);
    e.technical = analysis::technical_coefficients(*e.flows, e.outputs());
  } else {
    e.technical = m;
  }
  e.capital = Eigen::MatrixXd::Zero(n, n);
  std::set<std::string> resource_ids;
  for (const auto& [id, per_output, value_added] : resources) {
    const std::string key = "resources[" + id + "]";
    if (!resource_ids.insert(id).second) bad(key, "the resource appears twice");
    if (seen.count(id)) bad(key, "a resource may not have a sector's id");
    Sector probe;
    probe.id = id;
    check_sector(probe, [&](const std::string&, const std::string& message) { bad(key, message); });
    require_vector(key, per_output, n, ids);
    Resource r;
    r.id = id;
    r.name = id;
    r.per_output = per_output;
    r.per_capacity = Eigen::VectorXd::Zero(n);
    r.value_added = value_added;
    e.resources.push_back(std::move(r));
  }
  return e;
}

/// A pymrio folder as `planner import pymrio` reads it, through the model folder it writes
/// (so the Economy is the one `planner import pymrio DIR OUT && read_model(OUT)` gives).
Economy read_pymrio(const fs::path& dir, const std::string& name) {
  PymrioOptions options;
  options.name = name;
  ImportedModel model = import_pymrio(dir, options);
  std::random_device rd;
  const fs::path out = fs::temp_directory_path() / fmt::format("planner-pymrio-{:x}{:x}", rd(), rd());
  write_model_folder(model, out, false);
  struct Remove {
    fs::path p;
    ~Remove() {
      std::error_code ec;
      fs::remove_all(p, ec);
    }
  } remove{out};
  Economy e = read_model(out / "model.toml");
  e.file = dir.string();
  return e;
}

}  // namespace

void bind_economy(py::module_& m) {
  py::class_<Resource>(m, "Resource", "A primary input (labour, value added, an emission …) of an economy.")
      .def_readonly("id", &Resource::id)
      .def_readonly("name", &Resource::name)
      .def_readonly("unit", &Resource::unit)
      .def_readonly("available", &Resource::available, "availability per year; empty = unlimited")
      .def_readonly("per_output", &Resource::per_output, "use per unit of each sector's output")
      .def_readonly("per_capacity", &Resource::per_capacity, "use per unit of each sector's capacity")
      .def_readonly("value_added", &Resource::value_added, "part of v in the price model");

  py::class_<Economy>(m, "Economy", "An economy: sectors, technical coefficients A, flows Z, resources.")
      .def_readonly("name", &Economy::name)
      .def_readonly("unit", &Economy::unit)
      .def_readonly("base_year", &Economy::base_year)
      .def_readonly("file", &Economy::file)
      .def_property_readonly("ids", &Economy::sector_ids)
      .def_property_readonly("names",
                             [](const Economy& e) {
                               std::vector<std::string> out;
                               for (const auto& s : e.sectors) out.push_back(s.name);
                               return out;
                             })
      .def_property_readonly("units",
                             [](const Economy& e) {
                               std::vector<std::string> out;
                               for (const auto& s : e.sectors) out.push_back(s.unit);
                               return out;
                             })
      .def_property_readonly("size", &Economy::size)
      .def_property_readonly(
          "technical", [](const Economy& e) -> const Eigen::MatrixXd& { return e.technical; },
          py::return_value_policy::reference_internal, "A (read-only view)")
      .def_property_readonly(
          "capital", [](const Economy& e) -> const Eigen::MatrixXd& { return e.capital; },
          py::return_value_policy::reference_internal, "Bk (read-only view)")
      .def_property_readonly("has_flows", [](const Economy& e) { return e.flows.has_value(); })
      .def("intermediate_flows", &analysis::intermediate_flows, py::call_guard<py::gil_scoped_release>(),
           "Z: the flows the model gave, else A·diag(x̄)")
      .def_property_readonly("output", &Economy::outputs)
      .def_property_readonly("demand", &Economy::demands)
      .def_readonly("resources", &Economy::resources)
      .def("sector_index", &Economy::sector_index);

  m.def("read_model", [](const fs::path& file) { return read_model(file); }, py::arg("file"),
        py::call_guard<py::gil_scoped_release>(), "Reads and validates a model file (spec §3).");
  m.def("read_pymrio", &read_pymrio, py::arg("folder"), py::arg("name") = "", py::call_guard<py::gil_scoped_release>(),
        "Reads a folder as pymrio's IOSystem.save_all() writes it, as `planner import pymrio` does.");
  m.def(
      "sector_ids",
      [](const std::vector<std::string>& raw, const std::vector<std::string>& labels) {
        std::vector<std::string> ids, taken, notes;
        for (const auto& r : raw) ids.push_back(sanitise_id(r));
        make_unique_ids(ids, labels, "sector", taken, notes);
        return std::make_pair(ids, notes);
      },
      py::arg("raw"), py::arg("labels"),
      "Ids from labels as `planner import` makes them (sanitised, made unique) and the notes of renamings.");
  // Two overloads: pybind11 first tries each without conversion, so a column-major (Fortran,
  // a DataFrame's block) or a row-major (C) float64 array is read in place either way.
  m.def("economy_from_arrays", &economy_from_arrays<MatrixRef>, py::arg("matrix"), py::arg("flows"), py::arg("x"),
        py::arg("f"), py::arg("ids"), py::arg("names"), py::arg("name"), py::arg("unit"), py::arg("resources"));
  m.def("economy_from_arrays", &economy_from_arrays<RowMajorRef>, py::arg("matrix"), py::arg("flows"), py::arg("x"), py::arg("f"),
        py::arg("ids"), py::arg("names"), py::arg("name"), py::arg("unit"), py::arg("resources"),
        "An Economy from Z and x (flows=True: A = Z / x) or from A, with final demand f (empty x, f: none) and\n"
        "resources (id, use per unit of output, counts as value added).");
}

}  // namespace planner::python
