// planner::Error (planner/model/error.hpp) as the Python exception planner.PlannerError,
// defined in planner/_errors.py so that it has the fields of the C++ error as attributes.
#include <pybind11/pybind11.h>

#include "bindings.hpp"
#include "interrupt.hpp"
#include "planner/model/error.hpp"

namespace py = pybind11;

namespace planner::python {

void bind_errors(py::module_& m) {
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const planner::Error& e) {
      // The message is the CLI's one line: "file:where: what" (e.what()).
      py::object cls = py::module_::import("planner._errors").attr("PlannerError");
      py::object error = cls(e.what(), static_cast<int>(e.code()), e.file(), e.where(), e.message());
      PyErr_SetObject(cls.ptr(), error.ptr());
    } catch (const Interrupted&) {
      PyErr_SetNone(PyExc_KeyboardInterrupt);
    }
  });
  py::enum_<ExitCode>(m, "ExitCode", "The CLI's exit codes (docs/user-guide.md).")
      .value("ok", ExitCode::ok)
      .value("usage", ExitCode::usage)
      .value("bad_input", ExitCode::bad_input)
      .value("infeasible", ExitCode::infeasible)
      .value("solver_failure", ExitCode::solver_failure);
}

}  // namespace planner::python
