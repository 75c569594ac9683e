// planner/analysis/ for Python: the whole static analysis of an economy (one factorisation of
// I − A), and the formulas one by one, numpy in and out. Matrices of a StaticAnalysis are
// handed out as read-only views of its own storage, so a 5,000-sector L is not copied.
#include <fmt/format.h>
#include <pybind11/eigen.h>
#include <pybind11/stl.h>

#include <string>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "planner/analysis/extraction.hpp"
#include "planner/analysis/ghosh.hpp"
#include "planner/analysis/impact.hpp"
#include "planner/analysis/leontief.hpp"
#include "planner/analysis/linkages.hpp"
#include "planner/analysis/multipliers.hpp"
#include "planner/analysis/price_model.hpp"
#include "planner/analysis/productivity.hpp"
#include "planner/analysis/static_analysis.hpp"
#include "planner/io/json.hpp"
#include "planner/model/economy.hpp"
#include "planner/model/error.hpp"

namespace py = pybind11;

namespace planner::python {
namespace {

using analysis::StaticAnalysis;
using Matrix = Eigen::MatrixXd;
using Vector = Eigen::VectorXd;

/// A read-only numpy view of a matrix member of T, kept alive by the T it belongs to.
template <class T, class M>
auto view(M T::*member) {
  return py::cpp_function([member](const T& self) -> const M& { return self.*member; },
                          py::return_value_policy::reference_internal);
}

[[noreturn]] void bad(const std::string& what, const std::string& message) {
  throw Error(ExitCode::bad_input, "", what, message);
}

/// Refuses a matrix that is not n×n (n = its rows when n < 0): Eigen does not check in a release build.
const Matrix& square(const Matrix& m, const char* what, Eigen::Index n = -1) {
  if (m.rows() != m.cols()) bad(what, fmt::format("expected a square matrix, got {} × {}", m.rows(), m.cols()));
  if (n >= 0 && m.rows() != n) bad(what, fmt::format("expected {} × {}, got {} × {}", n, n, m.rows(), m.cols()));
  if (!m.allFinite()) bad(what, "expected finite numbers, got NaN or infinity");
  return m;
}

/// Refuses a vector that is not of length n or not finite.
const Vector& sized(const Vector& v, const char* what, Eigen::Index n) {
  if (v.size() != n) bad(what, fmt::format("expected {} values (one per sector), got {}", n, v.size()));
  if (!v.allFinite()) bad(what, "expected finite numbers, got NaN or infinity");
  return v;
}

void same_size(const Economy& e, const analysis::LeontiefSystem& system) {
  if (system.size() != static_cast<Eigen::Index>(e.size()))
    bad("system", fmt::format("the factorisation has {} sectors, the economy {}", system.size(), e.size()));
}

std::vector<std::string> class_names(const std::vector<analysis::SectorClass>& classes) {
  std::vector<std::string> out;
  for (auto c : classes) out.emplace_back(analysis::to_string(c));
  return out;
}

}  // namespace

void bind_analysis(py::module_& m) {
  using namespace planner::analysis;
  auto guard = py::call_guard<py::gil_scoped_release>();

  py::class_<Linkages>(m, "Linkages", "Backward (from L) and forward (from G) linkages, raw and normalised.")
      .def_property_readonly("backward_raw", view(&Linkages::backward_raw))
      .def_property_readonly("forward_raw", view(&Linkages::forward_raw))
      .def_property_readonly("backward", view(&Linkages::backward))
      .def_property_readonly("forward", view(&Linkages::forward))
      .def_property_readonly("key_sectors", [](const Linkages& l) { return class_names(l.key_sectors); });

  py::class_<StaticAnalysis>(m, "StaticAnalysis", "The static analysis of one economy (planner analyze).")
      .def_readonly("sectors", &StaticAnalysis::sectors)
      .def_readonly("resources", &StaticAnalysis::resources)
      .def_property_readonly("output", view(&StaticAnalysis::output))
      .def_property_readonly("final_demand", view(&StaticAnalysis::final_demand))
      .def_property_readonly("required_output", view(&StaticAnalysis::required_output))
      .def_property_readonly("technical", view(&StaticAnalysis::technical))
      .def_property_readonly("leontief_inverse", view(&StaticAnalysis::leontief_inverse))
      .def_property_readonly("flows", view(&StaticAnalysis::flows))
      .def_property_readonly("allocation", view(&StaticAnalysis::allocation))
      .def_property_readonly("ghosh_inverse", view(&StaticAnalysis::ghosh_inverse))
      .def_property_readonly("output_multipliers", view(&StaticAnalysis::output_multipliers))
      .def_property_readonly("input_multipliers", view(&StaticAnalysis::input_multipliers))
      .def_readonly("linkages", &StaticAnalysis::linkages)
      .def_property_readonly("value_added", [](const StaticAnalysis& a) { return a.value_added.coefficients; })
      .def_property_readonly("value_added_resources", [](const StaticAnalysis& a) { return a.value_added.resources; })
      .def_property_readonly("prices", view(&StaticAnalysis::prices))
      .def_readonly("spectral_radius", &StaticAnalysis::spectral_radius)
      .def_readonly("spectral_radius_lower", &StaticAnalysis::spectral_radius_lower)
      .def_readonly("spectral_radius_upper", &StaticAnalysis::spectral_radius_upper)
      .def_readonly("spectral_method", &StaticAnalysis::spectral_method)
      .def_readonly("residual", &StaticAnalysis::residual)
      .def_readonly("inputs_exceed_output", &StaticAnalysis::inputs_exceed_output)
      .def("to_json", [](const StaticAnalysis& a) { return dump_json(analysis_json(a)); },
           "The `planner analyze --format json` object as JSON text.");

  m.def("analyze", &analyze, py::arg("economy"), guard,
        "The whole static analysis; PlannerError when A is not productive (ρ(A) ≥ 1).");

  py::class_<LeontiefSystem>(m, "LeontiefSystem", "One LU factorisation of I − A.")
      .def(py::init([](const Economy& e) {
             require_productive(e);
             return LeontiefSystem(e.technical);
           }),
           py::arg("economy"), guard)
      .def("output_for", [](const LeontiefSystem& s, const Vector& f) { return s.output_for(sized(f, "f", s.size())); },
           py::arg("final_demand"), guard, "x = L·f")
      .def("solve_transposed", [](const LeontiefSystem& s, const Vector& v) { return s.solve_transposed(sized(v, "v", s.size())); },
           py::arg("v"), guard, "Lᵀ·v")
      .def("leontief_inverse", &LeontiefSystem::leontief_inverse, guard, "L = (I − A)⁻¹");

  m.def(
      "technical_coefficients",
      [](const Matrix& z, const Vector& x) { return technical_coefficients(square(z, "Z"), sized(x, "x", z.rows())); },
      py::arg("Z"), py::arg("x"), guard, "A = Z·diag(x)⁻¹");
  m.def(
      "leontief_inverse",
      [](const Matrix& a) {
        if (!check_productivity(square(a, "A")).productive) bad("A", "A is not productive (ρ(A) ≥ 1): I − A has no non-negative inverse");
        return leontief_inverse(a);
      },
      py::arg("A"), guard, "L = (I − A)⁻¹ (A must be productive)");
  m.def(
      "allocation_coefficients",
      [](const Matrix& z, const Vector& x) { return allocation_coefficients(square(z, "Z"), sized(x, "x", z.rows())); },
      py::arg("Z"), py::arg("x"), guard, "B = diag(x)⁻¹·Z");
  m.def(
      "ghosh_inverse",
      [](const Matrix& b) {
        if (!check_productivity(square(b, "B")).productive) bad("B", "B is not productive (ρ(B) ≥ 1): I − B has no inverse to trust");
        return ghosh_inverse(b);
      },
      py::arg("B"), guard, "G = (I − B)⁻¹");
  m.def("output_multipliers", [](const Matrix& l) { return output_multipliers(square(l, "L")); }, py::arg("L"), guard,
        "column sums of L");
  m.def("linkages", [](const Matrix& l, const Matrix& g) { return linkages(square(l, "L"), square(g, "G", l.rows())); },
        py::arg("L"), py::arg("G"), guard, "backward and forward linkages, key sectors");
  m.def("spectral_radius", [](const Matrix& a) { return spectral_radius(square(a, "A")); }, py::arg("A"), guard, "ρ(A)");

  py::class_<DemandImpact>(m, "DemandImpact", "Δx = L·Δf and each resource's change.")
      .def_readonly("demand_change", &DemandImpact::demand_change)
      .def_readonly("output_change", &DemandImpact::output_change)
      .def_readonly("total_output_change", &DemandImpact::total_output_change)
      .def_readonly("resource_change", &DemandImpact::resource_change);
  m.def(
      "demand_impact",
      [](const Economy& e, const LeontiefSystem& system, const std::vector<std::pair<std::string, double>>& changes) {
        same_size(e, system);
        return demand_impact(e, system, demand_change_vector(e, changes));
      },
      py::arg("economy"), py::arg("system"), py::arg("changes"), guard,
      "The impact of demand changes given as (sector id, change) pairs; an unknown id is a PlannerError.");
  m.def(
      "demand_impact_vector",
      [](const Economy& e, const LeontiefSystem& system, const Vector& change) {
        same_size(e, system);
        return demand_impact(e, system, sized(change, "change", static_cast<Eigen::Index>(e.size())));
      },
      py::arg("economy"), py::arg("system"), py::arg("change"), guard, "The impact of a whole vector Δf.");

  py::class_<Extraction>(m, "Extraction", "Hypothetical extraction of sectors.")
      .def_readonly("extracted", &Extraction::extracted)
      .def_readonly("baseline_output", &Extraction::baseline_output)
      .def_readonly("extracted_output", &Extraction::extracted_output)
      .def_readonly("loss", &Extraction::loss)
      .def_readonly("total_loss", &Extraction::total_loss)
      .def_readonly("total_loss_share", &Extraction::total_loss_share);
  m.def(
      "hypothetical_extraction",
      [](const Economy& e, const std::vector<std::string>& ids) { return hypothetical_extraction(e, ids); },
      py::arg("economy"), py::arg("sectors"), guard,
      "Removes the sectors named by id and re-solves; an unknown id is a PlannerError.");

  m.def(
      "price_change",
      [](const LeontiefSystem& system, const Vector& dv) { return price_change(system, sized(dv, "value_added_change", system.size())); },
      py::arg("system"), py::arg("value_added_change"), guard, "Δp = Lᵀ·Δv");
}

}  // namespace planner::python
