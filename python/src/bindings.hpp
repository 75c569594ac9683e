#pragma once
// The parts of the extension module planner._core, one function per file that adds its
// bindings to the module. The bindings only convert and call planner/: no numerics here.
#include <pybind11/pybind11.h>

namespace planner::python {

/// planner::Error → planner.PlannerError (file, line/key and message as the CLI prints them);
/// an interrupted solve → KeyboardInterrupt.
void bind_errors(pybind11::module_& m);
/// Economy: read_model, read_pymrio, from arrays, and its fields as numpy arrays.
void bind_economy(pybind11::module_& m);
/// The static analysis of planner/analysis/: A, L, B, G, multipliers, linkages, prices, impact, extraction.
void bind_analysis(pybind11::module_& m);
/// Plan: read_plan, solve (JSON of the plan result), compare (JSON and HTML of the comparison).
void bind_plan(pybind11::module_& m);

}  // namespace planner::python
