// planner._core: the extension module under the Python package `planner` (python/planner/).
#include <pybind11/pybind11.h>

#include "bindings.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() = "C++ core of the planner package (planner/ over COIN-OR CLP); use the package `planner`, not this module.";
  planner::python::bind_errors(m);
  planner::python::bind_economy(m);
  planner::python::bind_analysis(m);
  planner::python::bind_plan(m);
}
