// `planner solve PLAN`: solve a plan's dynamic LP (spec §2) and print its targets by sector
// and year, resource use against limits, and the binding rows with their shadow prices.
// Parses arguments, calls planner::lp::solve_plan and prints; no numerics here.
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "planner/cli/command.hpp"
#include "planner/cli/progress.hpp"
#include "planner/cli/solver_options.hpp"
#include "planner/io/json.hpp"
#include "planner/io/output.hpp"
#include "planner/io/plan_reader.hpp"
#include "planner/lp/clp_solver.hpp"
#include "planner/lp/lp_format.hpp"
#include "planner/lp/solve_plan.hpp"
#include "planner/model/error.hpp"
#include "planner/report/table.hpp"

namespace planner::cli {
namespace {

using lp::PlanResult;
using lp::Series;

/// One table: rows = ids of the series, columns = years.
Table series_table(const std::string& title, const Series& s, const std::vector<int>& years) {
  std::vector<std::string> headers{"id"};
  for (int t : years) headers.push_back(std::to_string(t));
  Table table(headers);
  table.set_title(title);
  for (std::size_t k = 0; k < s.ids.size(); ++k) {
    std::vector<std::string> row{s.ids[k]};
    for (int t : years) {
      auto v = s.values[k].find(t);
      row.push_back(v == s.values[k].end() ? "" : format_number(v->second, 3));
    }
    table.add_row(std::move(row));
  }
  return table;
}

/// Resource use against its limit, "use / limit" in each year.
Table resource_table(const PlanResult& r) {
  std::vector<std::string> headers{"resource"};
  for (int t : r.years) headers.push_back(std::to_string(t));
  Table table(headers);
  table.set_title("Resource use / limit by year");
  for (std::size_t k = 0; k < r.resource_use.ids.size(); ++k) {
    const std::string& id = r.resource_use.ids[k];
    std::vector<std::string> row{id};
    for (int t : r.years) {
      std::string cell = format_number(r.resource_use.values[k].at(t), 3);
      if (auto limit = r.resource_limits.get(id, t)) cell += " / " + format_number(*limit, 3);
      row.push_back(cell);
    }
    table.add_row(std::move(row));
  }
  return table;
}

/// Activity of each product's processes by year; a make process's cell adds its share of the
/// product's output, so the mix reads at a glance ("12.5 (40%)").
Table technique_table(const Plan& plan, const PlanResult& r) {
  std::vector<std::string> headers{"product: process"};
  for (int t : r.years) headers.push_back(std::to_string(t));
  Table table(headers);
  table.set_title("Technique mix: activity by process and year (share of the product's output)");
  for (const auto& [product, processes] : r.techniques)
    for (const std::string& id : processes) {
      std::vector<std::string> row{product + ": " + id};
      const Process& process = plan.economy.processes[*plan.economy.process_index(id)];
      for (int t : r.years) {
        auto a = r.activity.get(id, t);
        auto x = r.output.get(product, t);
        std::string cell = a ? format_number(*a, 3) : "";
        if (a && x && *x > 0 && process.kind == ProcessKind::make)
          cell += fmt::format(" ({:.0f}%)", 100.0 * process.output * *a / *x);
        row.push_back(cell);
      }
      table.add_row(std::move(row));
    }
  return table;
}

/// What each process left unused in a year would have to save per unit of activity to be chosen.
Table unused_technique_table(const PlanResult& r) {
  std::vector<std::string> headers{"process"};
  for (int t : r.years)
    if (t > 0) headers.push_back(std::to_string(t));
  Table table(headers);
  table.set_title("Unused techniques: saving per unit of activity needed to be chosen (objective units; blank = in use)");
  for (std::size_t k = 0; k < r.reduced_cost.ids.size(); ++k) {
    const std::string& id = r.reduced_cost.ids[k];
    std::vector<std::string> row{id};
    bool unused = false;
    for (int t : r.years) {
      if (t == 0) continue;
      auto rc = r.reduced_cost.get(id, t);
      auto a = r.activity.get(id, t);
      const bool idle = rc && a && *a == 0.0;
      unused = unused || idle;
      row.push_back(idle ? format_number(*rc, 6) : "");
    }
    if (unused) table.add_row(std::move(row));
  }
  return table;
}

std::string render_text(const Plan& plan, const PlanResult& r, bool md) {
  auto show = [&](const Table& t) { return (md ? t.to_markdown() : t.to_text()) + "\n"; };
  std::string out = md ? "## " + plan.name + "\n\n" : plan.name + "\n\n";
  out += fmt::format("Status: {}. Objective {}", r.status, r.objective_kind);
  if (r.objective) out += " = " + format_number(*r.objective, 6);
  if (!r.then_kind.empty()) {
    out += fmt::format(", then {}", r.then_kind);
    if (r.then_objective) out += " = " + format_number(*r.then_objective, 6);
  }
  out += ".\n\n";
  if (std::string w = lp::accuracy_warning(r); !w.empty()) out += w + "\n";
  if (r.status != "optimal") {
    if (r.diagnosis) out += lp::to_text(*r.diagnosis);
    if (!r.message.empty()) out += r.message + "\n";
    return out;
  }
  out += show(series_table("Output by sector and year", r.output, r.years));
  if (!r.capacity.empty()) out += show(series_table("Capacity (effective) by year", r.capacity, r.years));
  if (!r.capacity_additions.empty())
    out += show(series_table("Capacity additions (effective from the year shown)", r.capacity_additions, r.years));
  out += show(series_table("Stock carried into the year", r.stock, r.years));
  if (!r.exports.empty()) out += show(series_table("Exports", r.exports, r.years));
  if (!r.imports.empty()) out += show(series_table("Imports", r.imports, r.years));
  if (!r.consumption.empty()) out += show(series_table("Consumption", r.consumption, r.years));
  if (!r.techniques.empty()) {
    out += show(technique_table(plan, r));
    out += show(unused_technique_table(r));
  }
  if (!r.resource_use.empty()) out += show(resource_table(r));
  if (r.fulfilment) out += fmt::format("Fulfilment λ = {} (λ ≥ 1: every goal can be met).\n\n", format_number(*r.fulfilment, 6));
  if (!r.shortfall.empty()) {
    Table t({"goal", "shortfall"});
    t.set_title("Goal shortfalls");
    for (const auto& [goal, u] : r.shortfall) t.add_row({goal, format_number(u, 3)});
    out += show(t);
  }
  Table b({"binding row", "shadow price"});
  b.set_title("Binding rows (shadow price = gain in the objective per unit the row is relaxed)");
  for (const auto& row : r.binding) b.add_row({row.row, format_number(row.shadow_price, 6)});
  out += show(b);
  return out;
}

/// Everything as one long CSV: quantity,id,year,value.
std::string render_csv(const PlanResult& r) {
  Table t({"quantity", "id", "year", "value"});
  auto add = [&](const std::string& q, const Series& s) {
    for (std::size_t k = 0; k < s.ids.size(); ++k)
      for (const auto& [year, v] : s.values[k]) t.add_row({q, s.ids[k], std::to_string(year), fmt::format("{}", v)});
  };
  if (r.objective) t.add_row({"objective", r.objective_kind, "", fmt::format("{}", *r.objective)});
  if (r.then_objective) t.add_row({"then_objective", r.then_kind, "", fmt::format("{}", *r.then_objective)});
  add("output", r.output);
  add("capacity", r.capacity);
  add("capacity_additions", r.capacity_additions);
  add("stock", r.stock);
  add("exports", r.exports);
  add("imports", r.imports);
  add("consumption", r.consumption);
  for (const auto& [product, processes] : r.techniques)
    for (const std::string& id : processes) t.add_row({"technique", id, "", product});
  add("activity", r.activity);
  add("reduced_cost", r.reduced_cost);
  add("resource_use", r.resource_use);
  add("resource_limit", r.resource_limits);
  if (r.fulfilment) t.add_row({"fulfilment", "lambda", "", fmt::format("{}", *r.fulfilment)});
  for (const auto& [g, u] : r.shortfall) t.add_row({"shortfall", g, "", fmt::format("{}", u)});
  add("shadow_price_balance", r.shadow_balance);
  add("shadow_price_capacity", r.shadow_capacity);
  add("shadow_price_resource", r.shadow_resource);
  for (const auto& [row, p] : r.shadow_other) t.add_row({"shadow_price", row, "", fmt::format("{}", p)});
  return t.to_csv();
}

void setup(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "solve",
      "Solve a plan's dynamic input–output LP (spec §2) with COIN-OR CLP: output, capacity,\n"
      "capacity additions and stocks by sector and year, resource use against its limits, and the\n"
      "rows that bind with their shadow prices (Kantorovich's objectively determined valuations).\n"
      "A model with several techniques per product ([[process]]) adds the technique mix by year and\n"
      "what each unused technique would have to save per unit to be chosen (its reduced cost).\n"
      "An infeasible or unbounded plan prints a diagnosis and exits 3.");
  cmd->footer(
      "Examples:\n"
      "  planner solve plans/williams-max-capacity.toml\n"
      "  planner solve plans/williams-max-output.toml --format json --out williams.json\n"
      "  planner solve plans/williams-max-capacity.toml --write-lp williams.lp   # or williams.mps\n"
      "  planner solve plan.toml --time-limit 60 --algorithm primal --no-presolve\n"
      "  planner solve examples/kantorovich-plywood/excavator-plan.toml          # choice of technique");
  struct Args {
    std::string plan;
    std::string write_lp;
    SolverArgs solver;
    OutputOptions output;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("PLAN", args->plan, "plan file (plan.toml, spec §3)")->required();
  cmd->add_option("--write-lp", args->write_lp, "also write the LP to FILE.mps (free MPS) or FILE.lp (CPLEX LP format)");
  add_solver_options(*cmd, args->solver, /*tuning=*/true);
  add_output_options(*cmd, args->output, {"table", "csv", "json", "md"});
  cmd->callback([args] {
    Plan plan = read_plan(args->plan);
    if (!args->write_lp.empty()) {
      lp::LinearProgram program = lp::build_plan_lp(plan).lp;
      const std::string& f = args->write_lp;
      auto ends_with = [&](const std::string& ext) { return f.size() >= ext.size() && f.compare(f.size() - ext.size(), ext.size(), ext) == 0; };
      if (ends_with(".mps")) lp::write_mps(program, f);
      else if (ends_with(".lp")) lp::write_lp(program, f);
      else throw Error(ExitCode::usage, f, "--write-lp", "the file name must end in .mps or .lp");
    }
    lp::SolveOptions options = to_solve_options(args->solver, verbosity().verbose);
    PlanResult r;
    {
      SolveProgressLine line(options);
      r = lp::solve_plan(plan, options);
    }
    // A limit stops everything: no output at all rather than a half-answer.
    if (r.status == "iteration-limit") throw Error(ExitCode::solver_failure, plan.file, "", limit_advice(r.message));

    const std::string& format = args->output.format;
    std::string text = format == "json"  ? dump_json(lp::to_json(r))
                       : format == "csv" ? render_csv(r)
                                         : render_text(plan, r, format == "md");
    emit(text, args->output.out);
    if ((format == "csv" || format == "json") && !verbosity().quiet) std::fputs(lp::accuracy_warning(r).c_str(), stderr);
    if (r.status == "infeasible" && r.diagnosis && !r.diagnosis->violations.empty()) {
      const auto& first = r.diagnosis->violations.front();
      throw Error(ExitCode::infeasible, plan.file, "",
                  fmt::format("the plan is infeasible: {} row(s) must move, first {} by {} (see the diagnosis)",
                              r.diagnosis->violations.size(), first.row, format_number(first.amount, 6)));
    }
    if (r.status == "infeasible" || r.status == "unbounded")
      throw Error(ExitCode::infeasible, plan.file, "", "the plan is " + r.status + " (see the diagnosis)");
    if (r.status != "optimal")
      throw Error(ExitCode::solver_failure, plan.file, "", "the solver stopped without an answer: " + r.message);
  });
}

RegisterCommand reg(20, setup);

}  // namespace
}  // namespace planner::cli
