// `planner uncertainty PLAN... --samples N --seed S`: Monte Carlo over the uncertain numbers of
// the plans' files. Parses arguments, calls planner/uncertainty and prints; no numerics here.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "planner/cli/command.hpp"
#include "planner/cli/progress.hpp"
#include "planner/cli/solver_options.hpp"
#include "planner/io/output.hpp"
#include "planner/model/error.hpp"
#include "planner/uncertainty/plan_uncertainty.hpp"
#include "planner/uncertainty/uncertainty_format.hpp"

namespace planner::cli {
namespace {

void setup(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "uncertainty",
      "How sure each verdict is. Every number a model or plan file gives as a distribution,\n"
      "{ value = 0.30, low = 0.22, high = 0.38, dist = \"triangular\" } (docs/file-formats.md), is drawn\n"
      "N times together with the others; each draw is the plan solved as `planner solve` solves it\n"
      "(first stage and second). Reports per product and year the feasible target's 5/25/50/75/95\n"
      "percentiles and the probability that the stated goal was feasible, λ*'s percentiles, the share\n"
      "of draws in which each constraint binds with its shadow prices, and every draw without an\n"
      "optimum, counted by its diagnosis. Draw d depends only on (seed, d): the same seed gives the\n"
      "same output on any number of threads (PLANNER_THREADS, default all cores).");
  cmd->footer(
      "Examples:\n"
      "  planner uncertainty plans/fyp1-gosplan-optimal.toml --samples 1000\n"
      "  planner uncertainty plans/fyp1-*.toml --samples 10000 --seed 7 --format csv --out bands.csv\n\n"
      "Formats: table (terminal), csv (plan,product,year,p5,p25,p50,p75,p95,prob_goal_feasible), json.");
  struct Args {
    std::vector<std::string> plans;
    std::size_t samples = 1000;
    std::uint64_t seed = 1;
    SolverArgs solver;
    OutputOptions output;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("PLAN", args->plans, "plan files (plan.toml, spec §3)")->required();
  cmd->add_option("--samples", args->samples, "number of joint draws (default 1000)");
  cmd->add_option("--seed", args->seed, "seed of the draws (default 1)");
  add_solver_options(*cmd, args->solver, /*tuning=*/false);
  add_output_options(*cmd, args->output, {"table", "csv", "json"});
  cmd->callback([args] {
    if (args->samples == 0) throw Error(ExitCode::bad_input, "", "--samples", "expected at least 1 draw, got 0");
    const lp::SolveOptions options = to_solve_options(args->solver, false);
    std::vector<uncertainty::UncertainPlan> plans;
    for (const auto& f : args->plans) plans.emplace_back(f);
    std::vector<uncertainty::PlanUncertainty> summaries;
    const bool show = progress_wanted();
    const std::size_t total = args->samples * plans.size();
    for (std::size_t i = 0; i < plans.size(); ++i) {
      const std::size_t before = i * args->samples;
      auto progress = [&](std::size_t done, std::size_t) {
        if (show && (done % 50 == 0 || done == args->samples))
          draw_progress(static_cast<int>(before + done), static_cast<int>(total));
      };
      const auto draws = uncertainty::run_draws(plans[i], args->seed, 0, args->samples, options, 0, progress);
      summaries.push_back(uncertainty::summarise(plans[i], draws));
    }
    const uncertainty::RunHeader run{args->samples, args->seed};
    const std::string& f = args->output.format;
    const std::string text = f == "json"  ? uncertainty::to_json(run, summaries).dump(2) + "\n"
                             : f == "csv" ? uncertainty::to_csv(summaries)
                                          : uncertainty::to_text(run, summaries);
    emit(text, args->output.out);
  });
}

RegisterCommand reg(34, setup);

}  // namespace
}  // namespace planner::cli
