// Plans for Python: read_plan, solve and compare. Results cross as the library's own JSON
// (planner::lp::to_json of a PlanResult, planner::comparison_to_json of a Comparison) and are
// turned into dicts and DataFrames in Python, so fields the library adds flow through without
// a binding change. Solves run off the interpreter's thread (interrupt.hpp): the GIL is
// released and Ctrl-C interrupts them.
#include <fmt/format.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "interrupt.hpp"
#include "planner/io/json.hpp"
#include "planner/io/output.hpp"
#include "planner/io/plan_reader.hpp"
#include "planner/lp/plan_result.hpp"
#include "planner/lp/solve_plan.hpp"
#include "planner/model/error.hpp"
#include "planner/model/plan.hpp"
#include "planner/report/comparison.hpp"
#include "planner/report/comparison_format.hpp"
#include "planner/report/comparison_solve.hpp"
#include "planner/report/cost_frontier.hpp"
#include "planner/report/html_report.hpp"
#include "planner/report/table.hpp"

namespace py = pybind11;
namespace fs = std::filesystem;

namespace planner::python {
namespace {

/// The solver's limits and switches as keyword arguments give them (0 = no limit).
lp::SolveOptions solve_options(double time_limit, int iteration_limit, const std::string& algorithm, bool presolve,
                               bool scaling) {
  lp::SolveOptions o;
  o.time_limit = time_limit;
  o.iteration_limit = iteration_limit;
  o.presolve = presolve;
  o.scaling = scaling;
  bool known = false;
  std::string names;
  for (auto a : {lp::Algorithm::by_size, lp::Algorithm::dual, lp::Algorithm::primal, lp::Algorithm::barrier,
                 lp::Algorithm::automatic}) {
    names += (names.empty() ? "" : ", ") + lp::to_string(a);
    if (lp::to_string(a) == algorithm) o.algorithm = a, known = true;
  }
  if (!known) throw Error(ExitCode::usage, "", "algorithm", fmt::format("expected one of {}, got \"{}\"", names, algorithm));
  if (time_limit < 0) throw Error(ExitCode::usage, "", "time_limit", "expected seconds ≥ 0 (0: no limit)");
  if (iteration_limit < 0) throw Error(ExitCode::usage, "", "iteration_limit", "expected iterations ≥ 0 (0: no limit)");
  return o;
}

/// A solve stopped by a limit: the limit's message as the CLI gives it (exit 4).
void throw_if_stopped(const Plan& plan, const lp::PlanResult& r, const lp::SolveOptions&) {
  if (r.status != "iteration-limit") return;
  throw Error(ExitCode::solver_failure, plan.file, "", r.message + " (raise time_limit or iteration_limit; 0 removes a limit)");
}

/// What `plan.solve()` returns to Python: the result's JSON and, when the plan has no optimum,
/// the CLI's one-line message for it (exit 3 or 4).
/// A comparison and its cost frontiers: what `planner compare` renders as JSON and HTML.
struct ComparisonReport {
  Comparison comparison;
  std::vector<CostFrontier> frontiers;
};

struct SolveAnswer {
  std::string json;
  std::string error;  ///< empty when optimal
  int code = 0;
};

SolveAnswer solve(const Plan& plan, const lp::SolveOptions& options) {
  auto owned = std::make_shared<const Plan>(plan);
  return run_interruptible<SolveAnswer>([owned, options = interruptible(options)](const StopFlag&) {
    const Plan& p = *owned;
    lp::PlanResult r = lp::solve_plan(p, options);
    throw_if_stopped(p, r, options);
    SolveAnswer a;
    a.json = dump_json(lp::to_json(r));
    std::optional<Error> e;
    if (r.status == "infeasible" && r.diagnosis && !r.diagnosis->violations.empty()) {
      const auto& first = r.diagnosis->violations.front();
      e.emplace(ExitCode::infeasible, p.file, "",
                fmt::format("the plan is infeasible: {} row(s) must move, first {} by {} (see the diagnosis)",
                            r.diagnosis->violations.size(), first.row, format_number(first.amount, 6)));
    } else if (r.status == "infeasible" || r.status == "unbounded") {
      e.emplace(ExitCode::infeasible, p.file, "", "the plan is " + r.status + " (see the diagnosis)");
    } else if (r.status != "optimal") {
      e.emplace(ExitCode::solver_failure, p.file, "", "the solver stopped without an answer: " + r.message);
    }
    if (e) a.error = e->what(), a.code = static_cast<int>(e->code());
    return a;
  });
}

struct CompareSwitches {
  bool by_actual_year = true;
  bool no_consumption_floor = false;
  bool no_exports = false;
  bool frontiers = true;
  bool history = true;
};

/// `planner compare` over `plans`: the same options and solvers as the CLI's, each solve
/// checking for an interrupt first.
Comparison compare(const std::vector<Plan>& plans, const CompareSwitches& s, const lp::SolveOptions& options) {
  auto owned = std::make_shared<const std::vector<Plan>>(plans);
  return run_interruptible<Comparison>([owned, s, options = interruptible(options)](const StopFlag& stop) {
    ComparisonOptions o;
    o.by_actual_year = s.by_actual_year;
    o.no_consumption_floor = s.no_consumption_floor;
    o.no_exports = s.no_exports;
    if (s.frontiers) {
      FrontierSolver frontier = frontier_with_clp(options);
      o.frontier = [frontier, stop](const Plan& p, double level, const std::vector<FrontierQuestion>& q) {
        check_stop(stop);
        return frontier(p, level, q);
      };
    }
    if (s.history) {
      HistorySolver history = history_with_clp(options);
      o.history = [history, stop](const Plan& p, const std::vector<FrontierQuestion>& q) {
        check_stop(stop);
        return history(p, q);
      };
    }
    PlanSolver solver = [options, stop](const Plan& p) {
      check_stop(stop);
      lp::PlanResult r = lp::solve_plan(p, options);
      throw_if_stopped(p, r, options);
      return summarise(p, r);
    };
    return compare_plans(*owned, o, solver);
  });
}

}  // namespace

void bind_plan(py::module_& m) {
  py::class_<Goal>(m, "Goal", "A stated goal of a plan.")
      .def_readonly("id", &Goal::id)
      .def_readonly("sector", &Goal::sector)
      .def_readonly("group", &Goal::group)
      .def_readonly("target", &Goal::target)
      .def_readonly("multiple", &Goal::multiple)
      .def_readonly("year", &Goal::year, "plan year t")
      .def_readonly("source", &Goal::source);

  py::class_<Plan>(m, "Plan", "A plan on an economy (spec §2, §3).")
      .def_readonly("name", &Plan::name)
      .def_readonly("file", &Plan::file)
      .def_readonly("model_file", &Plan::model_file)
      .def_readonly("economy", &Plan::economy, py::return_value_policy::reference_internal)
      .def_readonly("years", &Plan::years)
      .def_readonly("description", &Plan::description)
      .def_readonly("goals", &Plan::goals)
      .def_property_readonly("objective", [](const Plan& p) { return to_string(p.objective.kind); })
      .def_property_readonly("horizon", &Plan::horizon);

  m.def("_wait_for_interrupted_solves", &wait_for_orphaned_workers,
        "Waits until solves left running by Ctrl-C have ended (registered with atexit).");
  m.def("read_plan", [](const fs::path& file) { return read_plan(file); }, py::arg("file"),
        py::call_guard<py::gil_scoped_release>(), "Reads and validates a plan file and its model (spec §3).");

  py::class_<SolveAnswer>(m, "SolveAnswer")
      .def_readonly("json", &SolveAnswer::json)
      .def_readonly("error", &SolveAnswer::error)
      .def_readonly("code", &SolveAnswer::code);
  m.def(
      "solve",
      [](const Plan& plan, double time_limit, int iteration_limit, const std::string& algorithm, bool presolve,
         bool scaling) { return solve(plan, solve_options(time_limit, iteration_limit, algorithm, presolve, scaling)); },
      py::arg("plan"), py::arg("time_limit") = 0.0, py::arg("iteration_limit") = 0, py::arg("algorithm") = "by-size",
      py::arg("presolve") = true, py::arg("scaling") = true,
      "Solves the plan's LP; the result as JSON (spec §4) and the CLI's message when it has no optimum.");

  // The comparison with its cost-of-industrialisation frontiers, as `planner compare` renders both.
  py::class_<ComparisonReport>(m, "Comparison", "Plans versus feasible versus actual (planner compare).")
      .def("to_json", [](const ComparisonReport& r) { return comparison_to_json(r.comparison, r.frontiers).dump(2) + "\n"; },
           "The JSON of `planner compare --format json`.")
      .def("to_html", [](const ComparisonReport& r) { return comparison_to_html(r.comparison, r.frontiers); },
           "The self-contained HTML report.")
      .def("to_markdown", [](const ComparisonReport& r) { return comparison_to_markdown(r.comparison); })
      .def("to_text", [](const ComparisonReport& r) { return comparison_to_text(r.comparison); })
      .def("to_csv", [](const ComparisonReport& r) { return comparison_to_csv(r.comparison); })
      .def(
          "write_html",
          [](const ComparisonReport& r, const fs::path& file) {
            write_file_atomically(file, comparison_to_html(r.comparison, r.frontiers));
          },
          py::arg("file"), "Writes the HTML report atomically (temporary file, then rename).");
  m.def(
      "compare",
      [](const std::vector<const Plan*>& plans, bool by_actual_year, bool no_consumption_floor, bool no_exports,
         bool frontiers, bool history, double time_limit, int iteration_limit, bool cost_frontier) {
        std::vector<Plan> copies;
        for (const Plan* p : plans) copies.push_back(*p);
        const auto options = solve_options(time_limit, iteration_limit, "by-size", true, true);
        ComparisonReport r{compare(copies, {by_actual_year, no_consumption_floor, no_exports, frontiers, history}, options), {}};
        if (cost_frontier) r.frontiers = cost_frontiers(copies, r.comparison, options);
        return r;
      },
      py::arg("plans"), py::arg("by_actual_year") = true, py::arg("no_consumption_floor") = false,
      py::arg("no_exports") = false, py::arg("frontiers") = true, py::arg("history") = true, py::arg("time_limit") = 0.0,
      py::arg("iteration_limit") = 0, py::arg("cost_frontier") = true, "Compares plans as `planner compare` does.");
}

}  // namespace planner::python
