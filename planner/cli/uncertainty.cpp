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
#include "planner/uncertainty/plan_sensitivity.hpp"
#include "planner/uncertainty/plan_uncertainty.hpp"
#include "planner/uncertainty/shard.hpp"
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
      "  planner uncertainty plans/fyp1-*.toml --samples 10000 --seed 7 --format csv --out bands.csv\n"
      "  planner uncertainty plans/fyp1-gosplan-optimal.toml --samples 10000 --shard 3/4 --out s3.json\n"
      "  planner merge s1.json s2.json s3.json s4.json --format csv --out bands.csv\n\n"
      "Formats: table (terminal), csv (plan,product,year,p5,p25,p50,p75,p95,prob_goal_feasible), json.");
  struct Args {
    std::vector<std::string> plans;
    std::size_t samples = 1000;
    std::uint64_t seed = 1;
    std::size_t sobol = 0;
    std::string shard;
    std::string base_year = "hold-use";
    SolverArgs solver;
    OutputOptions output;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("PLAN", args->plans, "plan files (plan.toml, spec §3)")->required();
  cmd->add_option("--samples", args->samples, "number of joint draws (default 1000)");
  cmd->add_option("--seed", args->seed, "seed of the draws (default 1)");
  cmd->add_option("--sobol", args->sobol,
                  "also rank the inputs by Sobol indices (Saltelli, N base samples: N·(k+2) solves) for λ* and\n"
                  "each goal; with --format csv the CSV is then plan,result,input,s1,s1_conf,st,st_conf");
  cmd->add_option("--shard", args->shard,
                  "compute only shard i of k (i/k, 1 ≤ i ≤ k): the same draws the whole run makes there, written\n"
                  "raw to a shard file (JSON) for `planner merge`");
  cmd->add_option("--base-year", args->base_year,
                  "how a draw meets the recorded base year: hold-use (default) rescales each row of the drawn\n"
                  "technical coefficients so the base year uses the same share of each product's output as the\n"
                  "nominal model; as-drawn keeps them and counts the draws the base year refutes")
      ->check(CLI::IsMember({"hold-use", "as-drawn"}));
  add_solver_options(*cmd, args->solver, /*tuning=*/false);
  add_output_options(*cmd, args->output, {"table", "csv", "json"});
  cmd->callback([args] {
    if (args->samples == 0) throw Error(ExitCode::bad_input, "", "--samples", "expected at least 1 draw, got 0");
    const lp::SolveOptions options = to_solve_options(args->solver, false);
    std::vector<uncertainty::UncertainPlan> plans;
    const auto closure = uncertainty::parse_base_year_closure(args->base_year, "--base-year");
    for (const auto& f : args->plans) plans.emplace_back(f, closure);
    const bool show = progress_wanted();
    // One progress line over `total` draws, of which `before` were done in earlier plans.
    auto progress_from = [show](std::size_t before, std::size_t total) {
      return [show, before, total](std::size_t done, std::size_t all) {
        if (show && (done % 50 == 0 || done == all)) draw_progress(static_cast<int>(before + done), static_cast<int>(total));
      };
    };
    if (!args->shard.empty()) {
      if (args->sobol > 0) throw Error(ExitCode::usage, "", "--shard", "--sobol runs whole; give it without --shard");
      const uncertainty::ShardSpec spec = uncertainty::parse_shard(args->shard);
      uncertainty::Shard shard{args->seed, args->samples, spec, {}, closure};
      const std::size_t size = spec.size(args->samples);
      for (std::size_t i = 0; i < plans.size(); ++i) {
        auto draws = uncertainty::run_draws(plans[i], args->seed, spec.first(args->samples), size, options, 0,
                                            progress_from(i * size, size * plans.size()));
        shard.plans.push_back({args->plans[i], uncertainty::fingerprint(plans[i]), std::move(draws)});
      }
      emit(uncertainty::to_json(shard).dump() + "\n", args->output.out);
      return;
    }
    std::vector<uncertainty::PlanUncertainty> summaries;
    const std::size_t total = args->samples * plans.size();
    for (std::size_t i = 0; i < plans.size(); ++i) {
      const auto draws = uncertainty::run_draws(plans[i], args->seed, 0, args->samples, options, 0,
                                                progress_from(i * args->samples, total));
      summaries.push_back(uncertainty::summarise(plans[i], draws));
    }
    std::vector<uncertainty::PlanSensitivity> sensitivity;
    for (std::size_t i = 0; args->sobol > 0 && i < plans.size(); ++i)
      sensitivity.push_back(uncertainty::sobol_sensitivity(
          plans[i], args->sobol, args->seed, options, 0, progress_from(0, args->sobol * (plans[i].inputs().size() + 2))));
    const uncertainty::RunHeader run{args->samples, args->seed};
    const std::string& f = args->output.format;
    std::string text = uncertainty::format_run(run, summaries, f);
    if (!sensitivity.empty()) {
      if (f == "json") {
        nlohmann::json j = uncertainty::to_json(run, summaries);
        j["sensitivity"] = uncertainty::sensitivity_json(sensitivity);
        text = j.dump(2) + "\n";
      } else if (f == "csv") {
        text = uncertainty::sensitivity_csv(sensitivity);
      } else {
        for (const auto& s : sensitivity) text += uncertainty::to_text(s) + "\n";
      }
    }
    emit(text, args->output.out);
  });
}

RegisterCommand reg(34, setup);

}  // namespace
}  // namespace planner::cli
