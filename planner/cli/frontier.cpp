// `planner frontier PLAN`: for one plan, how much of each product was possible — with the
// other goals held at λ*, and given what history delivered elsewhere. Parses arguments, calls
// planner::compare_plan and prints; the numerics are in planner/lp/frontier.hpp.
#include <memory>
#include <string>
#include <vector>

#include "planner/cli/command.hpp"
#include "planner/cli/comparison_run.hpp"
#include "planner/io/output.hpp"
#include "planner/io/plan_reader.hpp"
#include "planner/report/frontier_format.hpp"

namespace planner::cli {
namespace {

void setup(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "frontier",
      "How much of each product one plan allowed. For every product with a goal or a recorded\n"
      "outcome (or those named by --product):\n"
      "  at λ*         the goal times λ*, the largest share of every goal reachable together\n"
      "  feasible      its output in the goal year with the goals at λ* and the rest of the economy\n"
      "                as large as it can be (the second stage)\n"
      "  frontier (a)  the most of it reachable by its goal year with every goal held at λ*\n"
      "  frontier (b)  the most of it reachable by its record's year with every other recorded\n"
      "                product held at its actual level: given what history delivered elsewhere, how\n"
      "                much of it was possible? When those records are out of the model's reach, the\n"
      "                model is first granted the least change that makes them reachable (the\n"
      "                history verdict above the table says which)\n"
      "Frontier (a) is one LP with λ fixed, re-solved per product from the previous basis.");
  cmd->footer(
      "Examples:\n"
      "  planner frontier plans/fyp1-gosplan-optimal.toml\n"
      "  planner frontier plans/fyp1-stated-goals.toml --product steel --product coal\n"
      "  planner frontier plans/fyp1-gosplan-initial.toml --format csv --out frontier.csv\n\n"
      "Formats: table (terminal), md, csv (one row per product, full precision), json.");
  struct Args {
    std::string plan;
    std::vector<std::string> products;
    SolverArgs solver;
    OutputOptions output;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("PLAN", args->plan, "the plan file (plan.toml, spec §3)")->required();
  cmd->add_option("--product", args->products, "only this product (sector id or weighted group goal id); repeatable");
  add_solver_options(*cmd, args->solver, /*tuning=*/false);
  add_output_options(*cmd, args->output, {"table", "md", "csv", "json"});
  cmd->callback([args] {
    const Plan plan = read_plan(args->plan);
    const lp::SolveOptions solve_options = to_solve_options(args->solver, verbosity().verbose);
    ComparisonOptions options;
    options.by_actual_year = false;
    options.frontier = frontier_with_clp(solve_options);
    options.history = history_with_clp(solve_options);
    const PlanComparison c = only_products(compare_plan(plan, options, comparison_solver(solve_options)), args->products);
    const std::string& f = args->output.format;
    std::string text = f == "json"  ? frontier_to_json(c).dump(2) + "\n"
                       : f == "csv" ? frontier_to_csv(c)
                       : f == "md"  ? frontier_to_markdown(c)
                                    : frontier_to_text(c);
    emit(text, args->output.out);
  });
}

RegisterCommand reg(32, setup);

}  // namespace
}  // namespace planner::cli
