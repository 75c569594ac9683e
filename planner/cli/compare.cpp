// `planner compare PLAN…`: plan versus feasible versus actual, several plans side by side.
// Parses arguments, calls planner::compare_plans (which re-solves the plans) and prints.
#include <memory>
#include <string>
#include <vector>

#include "planner/cli/command.hpp"
#include "planner/cli/comparison_run.hpp"
#include "planner/io/output.hpp"
#include "planner/io/plan_reader.hpp"
#include "planner/lp/solve_plan.hpp"
#include "planner/model/error.hpp"
#include "planner/report/comparison.hpp"
#include "planner/report/comparison_format.hpp"
#include "planner/report/comparison_solve.hpp"
#include "planner/report/cost_frontier.hpp"
#include "planner/report/html_report.hpp"
#include "planner/uncertainty/comparison_bands.hpp"

namespace planner::cli {
namespace {

std::string render(const Comparison& c, const std::vector<CostFrontier>& frontiers, const std::string& format) {
  if (format == "json") return comparison_to_json(c, frontiers).dump(2) + "\n";
  if (format == "csv") return comparison_to_csv(c);
  if (format == "md") return comparison_to_markdown(c);
  if (format == "html") return comparison_to_html(c, frontiers);
  return comparison_to_text(c);
}

void setup(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "compare",
      "Compare plans with what was feasible and what happened. For every plan and every product\n"
      "with a goal or a recorded outcome it shows:\n"
      "  base       base-year output x̄ (from the model)\n"
      "  goal       the stated goal, absolute and as a multiple of x̄ (a target T is T/x̄ times x̄;\n"
      "             a multiple m is m·x̄)\n"
      "  feasible   what the plan LP reaches in the goal year when all goals are pursued at once:\n"
      "             the plan is re-solved as `max-fulfilment`, whose λ is the largest share of\n"
      "             every goal feasible together (λ ≥ 1: every goal can be met); then, with the\n"
      "             goals held at λ*, the rest of the economy as large as it can be (second stage:\n"
      "             products without a goal at least ×μ* of x̄, then the most by x̄-weighted size)\n"
      "  frontier   (a) the most of the product by its goal year with every goal held at λ*;\n"
      "             (b) the most of it by its record's year with every other recorded product held\n"
      "             at its actual: \"given what history delivered elsewhere, how much steel was\n"
      "             possible?\" (in the model granted what those records need, if they are out of reach)\n"
      "  history    is the recorded outcome jointly feasible in the model from the base year? If\n"
      "             not, which balances, capacities or resources must move, and by how much\n"
      "  by then    the same, re-solved with the plan truncated to the year of the recorded\n"
      "             outcome (the First Plan was declared fulfilled in Dec 1932, after 4¼ years)\n"
      "  actual     the plan's [actual] figure (other sources' figures where they conflict)\n"
      "  ratios     actual/goal (goal fulfilment), feasible/goal (feasibility gap),\n"
      "             actual/feasible (realised share)\n"
      "Goals that could not be met are listed with what bound them: one line per binding resource,\n"
      "capacity or balance over its years, with its shadow price (how much λ would rise per unit more).\n"
      "With --format html or json, plans whose model puts sectors in the group \"consumption\" also get\n"
      "the cost of industrialisation: heavy-industry output in the goal year against household\n"
      "consumption, one frontier per model, each plan variant marked (see `planner tradeoff --help`).");
  cmd->footer(
      "Examples:\n"
      "  planner compare plans/fyp1-gosplan-optimal.toml\n"
      "  planner compare plans/fyp1-gosplan-initial.toml plans/fyp1-gosplan-optimal.toml --format html --out fyp1.html\n"
      "  planner compare plans/fyp1-*.toml --no-consumption-floor --no-grain-exports --format md\n"
      "  planner compare plans/fyp1-gosplan-optimal.toml --format json | jq '.plans[0].fulfilment'\n"
      "  planner compare plans/fyp1-gosplan-optimal.toml --samples 1000 --sobol 64 --format html --out fyp1-sure.html\n\n"
      "Formats: table (terminal), md (Markdown), csv (one row per plan × product, every figure),\n"
      "json (stable keys: plans[].fulfilment, plans[].products[] …), html (one self-contained page\n"
      "with SVG charts; open it in any browser, offline).");
  struct Args {
    std::vector<std::string> plans;
    bool no_consumption_floor = false;
    bool no_exports = false;
    bool no_by_actual_year = false;
    bool no_frontiers = false;
    bool no_history = false;
    bool no_cost_frontier = false;
    std::size_t samples = 0;
    std::uint64_t seed = 1;
    std::size_t sobol = 0;
    std::string base_year = "hold-use";
    SolverArgs solver;
    OutputOptions output;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("PLAN", args->plans, "plan files (plan.toml, spec §3) to compare side by side")->required();
  cmd->add_flag("--no-consumption-floor", args->no_consumption_floor,
                "also re-solve with the model's exogenous demand set to zero in every plan year: Δλ is what "
                "feeding the population cost");
  cmd->add_flag("--no-exports,--no-grain-exports", args->no_exports,
                "also re-solve with every paid export (export price > 0) limited to zero: Δλ and Δ imports show what exports "
                "(grain, oil) bought in imported machinery");
  cmd->add_flag("--no-by-actual-year", args->no_by_actual_year,
                "skip the re-solve truncated to the year of the recorded outcomes");
  cmd->add_flag("--no-frontiers", args->no_frontiers, "skip the per-product frontiers (one warm re-solve per product)");
  cmd->add_flag("--no-history", args->no_history,
                "skip the history test (are the recorded outcomes jointly feasible in the model?) and frontier (b)");
  cmd->add_flag("--no-cost-frontier", args->no_cost_frontier,
                "skip the cost of industrialisation (html, json): heavy industry against consumption, one frontier per model");
  cmd->add_option("--samples", args->samples,
                  "how sure: also draw every uncertain number of the files N times (as `planner uncertainty`), each\n"
                  "draw posed as the report poses the plan; adds fan charts, a \"how sure\" column (probability the\n"
                  "goal was feasible) and the draws' failures; CSV gains p5…p95,prob_goal_feasible");
  cmd->add_option("--seed", args->seed, "seed of the draws (default 1)");
  cmd->add_option("--sobol", args->sobol,
                  "with --samples: also rank the inputs by their Sobol indices for λ* (N base samples: N·(k+2) solves),\n"
                  "shown as a tornado chart");
  cmd->add_option("--base-year", args->base_year, "with --samples: hold-use (default) or as-drawn (see `planner uncertainty --help`)")
      ->check(CLI::IsMember({"hold-use", "as-drawn"}));
  add_solver_options(*cmd, args->solver, /*tuning=*/false);
  add_output_options(*cmd, args->output, {"table", "md", "csv", "json", "html"});
  cmd->callback([args] {
    std::vector<Plan> plans;
    for (const auto& file : args->plans) plans.push_back(read_plan(file));
    ComparisonOptions options;
    options.by_actual_year = !args->no_by_actual_year;
    options.no_consumption_floor = args->no_consumption_floor;
    options.no_exports = args->no_exports;
    // Every re-solve runs under the limits; the first one reached stops the comparison (exit 4).
    const lp::SolveOptions solve_options = to_solve_options(args->solver, verbosity().verbose);
    if (!args->no_frontiers) options.frontier = frontier_with_clp(solve_options);
    if (!args->no_history) options.history = history_with_clp(solve_options);
    if (args->sobol > 0 && args->samples == 0)
      throw Error(ExitCode::usage, "", "--sobol", "ranks the inputs of a Monte Carlo run: give --samples N too");
    Comparison c = compare_plans(plans, options, comparison_solver(solve_options));
    if (args->samples > 0) {
      uncertainty::BandOptions bands;
      bands.samples = args->samples;
      bands.seed = args->seed;
      bands.sobol = args->sobol;
      bands.closure = uncertainty::parse_base_year_closure(args->base_year, "--base-year");
      const bool show = progress_wanted();
      uncertainty::add_bands(c, args->plans, bands, solve_options, [show](std::size_t done, std::size_t total) {
        if (show && (done % 50 == 0 || done == total)) draw_progress(static_cast<int>(done), static_cast<int>(total));
      });
    }
    const std::string& format = args->output.format;
    std::vector<CostFrontier> frontiers;
    if (!args->no_cost_frontier && (format == "html" || format == "json")) frontiers = cost_frontiers(plans, c, solve_options);
    emit(render(c, frontiers, format), args->output.out);
  });
}

RegisterCommand reg(30, setup);

}  // namespace
}  // namespace planner::cli
