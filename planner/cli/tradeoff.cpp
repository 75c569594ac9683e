// `planner tradeoff PLAN`: the cost of industrialisation as a frontier — the most heavy-industry
// output the plan's economy allows in its goal year for each level of household consumption.
// Parses arguments, calls planner::cost_frontier and prints; the numerics are in
// planner/lp/tradeoff_frontier.hpp.
#include <memory>
#include <string>
#include <vector>

#include "planner/cli/command.hpp"
#include "planner/cli/solver_options.hpp"
#include "planner/io/output.hpp"
#include "planner/io/plan_reader.hpp"
#include "planner/lp/tradeoff_frontier.hpp"
#include "planner/report/cost_frontier.hpp"

namespace planner::cli {
namespace {

void setup(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "tradeoff",
      "The cost of industrialisation as a frontier (the ε-constraint method). The households'\n"
      "demand for the consumption sectors becomes θ times the plan's own demand in every plan year\n"
      "(θ = 1, index 100: the base year's level), and the plan LP maximises heavy industry in the\n"
      "goal year subject to θ ≥ ε, for ε on an even grid from the least θ the plan's constraints\n"
      "allow to the most attainable:\n"
      "  consumption  the floor ε as an index (base year = 100)\n"
      "  heavy        the heavy-industry index: the mean over the heavy sectors of x[j,year]/x̄_j,\n"
      "               × 100 (weighted by base output, not prices: physical sectors such as coal\n"
      "               in Mt have no price in the model, and the value series are the contested ones)\n"
      "  slope        heavy-industry points given up per point more consumption: the floor's\n"
      "               shadow price (0 while consumption costs no heavy industry)\n"
      "  binds        the rows with the largest shadow prices: what stops more heavy industry\n"
      "The frontier is concave and falls from left to right (the value function of an LP); where the\n"
      "binding rows change, its slope changes. Below it a plan is feasible, above it not.\n"
      "Defaults: heavy = the sectors of the plan's goals outside the consumption sectors;\n"
      "consumption = the model's sectors in group \"consumption\" (`groups = [\"consumption\"]`).\n"
      "One LP is built once; each point changes one bound and re-solves from the last basis.\n"
      "Not `planner frontier`, which holds λ at λ* and asks the most of each product.");
  cmd->footer(
      "Examples:\n"
      "  planner tradeoff plans/fyp1-gosplan-optimal.toml\n"
      "  planner tradeoff plans/fyp1-gosplan-optimal.toml --heavy coal,steel,pig_iron --points 11\n"
      "  planner tradeoff plans/fyp1-gosplan-optimal.toml --from 90   (close to the plan's own consumption)\n"
      "  planner tradeoff models/ussr-1928-techniques/fyp1-gosplan-optimal.toml --format csv --out frontier.csv\n"
      "  planner compare plans/fyp1-gosplan-optimal.toml --format html --out fyp1.html   (the chart)\n\n"
      "Formats: table (terminal), csv (one row per point, full precision), json (stable keys: points[]\n"
      "{consumption_index, heavy_index, slope, status, binding[]}, heavy, heavy_weights, consumption).");
  struct Args {
    std::string plan;
    std::vector<std::string> heavy, consumption;
    int points = 21;
    int year = 0;
    double from = 0.0;
    SolverArgs solver;
    OutputOptions output;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("PLAN", args->plan, "the plan file (plan.toml, spec §3)")->required();
  cmd->add_option("--heavy", args->heavy, "heavy sectors (ids, comma-separated): default the plan's goal sectors")->delimiter(',');
  cmd->add_option("--consumption", args->consumption,
                  "consumption sectors whose demand scales (ids, comma-separated): default group \"consumption\"")
      ->delimiter(',');
  cmd->add_option("--points", args->points, "points on the grid, ≥ 2 (default 21)");
  cmd->add_option("--from", args->from, "start the grid at this consumption index (e.g. 90) instead of the least allowed");
  cmd->add_option("--year", args->year, "plan year 1…T of the heavy output (default T, the goal year)");
  add_solver_options(*cmd, args->solver, /*tuning=*/false);
  add_output_options(*cmd, args->output, {"table", "csv", "json"});
  cmd->callback([args] {
    const Plan plan = read_plan(args->plan);
    lp::TradeoffSpec spec = lp::tradeoff_spec(plan, args->heavy, args->consumption, args->year, args->points);
    spec.from = args->from / 100.0;
    const CostFrontier f = cost_frontier(plan, spec, to_solve_options(args->solver, verbosity().verbose));
    const std::string& format = args->output.format;
    emit(format == "json" ? cost_frontier_to_json(f).dump(2) + "\n" : format == "csv" ? cost_frontier_to_csv(f) : cost_frontier_to_text(f),
         args->output.out);
  });
}

RegisterCommand reg(33, setup);

}  // namespace
}  // namespace planner::cli
