// `planner sweep PLAN --vary KEY=FROM:TO:STEPS`: re-solve a plan with one number varied over a
// range (sensitivity analysis), each solve warm-started from the previous basis.
// Parses arguments, calls planner::lp::run_sweep and prints; no numerics here.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "planner/cli/command.hpp"
#include "planner/cli/progress.hpp"
#include "planner/cli/solver_options.hpp"
#include "planner/io/json.hpp"
#include "planner/io/output.hpp"
#include "planner/io/plan_reader.hpp"
#include "planner/lp/plan_sweep.hpp"
#include "planner/model/error.hpp"
#include "planner/report/table.hpp"

namespace planner::cli {
namespace {

using lp::SweepResult;

std::string optional_number(const std::optional<double>& v, int decimals) { return v ? format_number(*v, decimals) : ""; }

/// The binding rows with the largest shadow prices, "row (price)", at most `count`.
std::string top_binding(const lp::SweepPoint& p, std::size_t count) {
  auto rows = p.binding;
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return std::fabs(a.shadow_price) > std::fabs(b.shadow_price);
  });
  std::string out;
  for (std::size_t k = 0; k < rows.size() && k < count; ++k)
    out += (out.empty() ? "" : "; ") + fmt::format("{} ({})", rows[k].row, format_number(rows[k].shadow_price, 4));
  return out;
}

std::string render_table(const SweepResult& r, bool md) {
  const bool lambda = std::any_of(r.points.begin(), r.points.end(), [](const auto& p) { return p.fulfilment.has_value(); });
  std::vector<std::string> headers{r.key, "status", r.objective_kind};
  if (lambda) headers.push_back("λ");
  headers.insert(headers.end(), {"iterations", "largest shadow prices"});
  Table t(headers);
  t.set_title(fmt::format("{}: {} varied", r.plan, r.key));
  for (const auto& p : r.points) {
    std::vector<std::string> row{fmt::format("{}", p.value), p.status, optional_number(p.objective, 6)};
    if (lambda) row.push_back(optional_number(p.fulfilment, 6));
    row.push_back(fmt::format("{}{}", p.iterations, p.warm ? " (warm)" : ""));
    row.push_back(p.status == "optimal" ? top_binding(p, 3) : p.message);
    t.add_row(std::move(row));
  }
  return md ? t.to_markdown() : t.to_text();
}

/// One row per step and binding row: value,status,objective,fulfilment,iterations,warm,row,shadow_price.
std::string render_csv(const SweepResult& r) {
  Table t({"value", "status", "objective", "fulfilment", "iterations", "warm", "row", "shadow_price"});
  for (const auto& p : r.points) {
    std::vector<std::string> head{fmt::format("{}", p.value), p.status,
                                  p.objective ? fmt::format("{}", *p.objective) : "",
                                  p.fulfilment ? fmt::format("{}", *p.fulfilment) : "",
                                  std::to_string(p.iterations), p.warm ? "true" : "false"};
    if (p.binding.empty()) {
      auto row = head;
      row.insert(row.end(), {"", ""});
      t.add_row(std::move(row));
    }
    for (const auto& b : p.binding) {
      auto row = head;
      row.insert(row.end(), {b.row, fmt::format("{}", b.shadow_price)});
      t.add_row(std::move(row));
    }
  }
  return t.to_csv();
}

void setup(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "sweep",
      "Sensitivity analysis: re-solve a plan's LP with one number varied over a range, each solve\n"
      "starting from the previous optimal basis (warm start). Prints per step the status, the\n"
      "objective, λ where the objective has one, the simplex iterations, and the binding rows with\n"
      "their shadow prices. Keys (dotted paths, ids as in the plan's files):\n"
      "  resources.<id>.available   availability of a resource, the same in every year\n"
      "  demand.<sector>            the plan's final demand of a sector in its demand years\n"
      "  sectors.<id>.capacity      opening capacity   sectors.<id>.stock   opening stock\n"
      "  sectors.<id>.output        base-year output   trade.credit         credit per plan year\n"
      "An unknown key or id exits 2; a step that reaches a solver limit exits 4 with no output.");
  cmd->footer(
      "Examples:\n"
      "  planner sweep plans/williams-max-capacity.toml --vary resources.labour.available=400:600:21\n"
      "  planner sweep plans/williams-max-capacity.toml --vary sectors.coal.capacity=200:400:5 --format csv\n"
      "  planner sweep plans/fyp1-gosplan-optimal.toml --vary trade.credit=0:200:5 --format json");
  struct Args {
    std::string plan;
    std::string vary;
    SolverArgs solver;
    OutputOptions output;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("PLAN", args->plan, "plan file (plan.toml, spec §3)")->required();
  cmd->add_option("--vary", args->vary, "KEY=FROM:TO:STEPS: STEPS values from FROM to TO, evenly spaced")->required();
  add_solver_options(*cmd, args->solver, /*tuning=*/false);
  add_output_options(*cmd, args->output, {"table", "csv", "json", "md"});
  cmd->callback([args] {
    lp::SweepSpec spec = lp::parse_sweep_spec(args->vary);
    Plan plan = read_plan(args->plan);
    const bool bar = progress_wanted();
    SweepResult r = lp::run_sweep(plan, spec, to_solve_options(args->solver, verbosity().verbose),
                                  bar ? lp::SweepProgress(draw_progress) : lp::SweepProgress());
    for (const auto& p : r.points)
      if (p.status == "iteration-limit")
        throw Error(ExitCode::solver_failure, plan.file, "",
                    limit_advice(fmt::format("at {} = {}: {}", r.key, p.value, p.message)));
    const std::string& format = args->output.format;
    emit(format == "json"  ? dump_json(lp::to_json(r))
         : format == "csv" ? render_csv(r)
                           : render_table(r, format == "md"),
         args->output.out);
  });
}

RegisterCommand reg(25, setup);

}  // namespace
}  // namespace planner::cli
