#pragma once
// Solver options shared by `solve`, `compare` and `sweep`: limits (issue #6.5) and the CLP
// tuning switches. Parsing only; the meaning lives in planner/lp/lp_solution.hpp.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdint>
#include <map>
#include <string>

#include "planner/lp/lp_solution.hpp"

namespace planner::cli {

struct SolverArgs {
  double time_limit = lp::kDefaultTimeLimit;
  int iteration_limit = lp::kDefaultIterationLimit;
  std::uint64_t memory_limit = 0;  ///< bytes; 0 = the machine's memory
  std::string algorithm = "by-size";
  bool no_presolve = false;
  bool no_scaling = false;
  std::string crash = "by-size";
};

/// Adds --time-limit, --iteration-limit and --memory-limit; with `tuning` also --algorithm, --no-presolve, --no-scaling.
inline void add_solver_options(CLI::App& cmd, SolverArgs& args, bool tuning) {
  cmd.add_option("--time-limit", args.time_limit,
                 fmt::format("stop a solve after SECONDS of solver CPU time, per LP solved; reaching it exits 4 and "
                             "writes nothing (default {:g}; 0 = no limit)", lp::kDefaultTimeLimit))
      ->check(CLI::NonNegativeNumber);
  cmd.add_option("--iteration-limit", args.iteration_limit,
                 fmt::format("stop a solve after N simplex iterations, per LP solved; reaching it exits 4 and writes "
                             "nothing (default {}; 0 = no limit)", lp::kDefaultIterationLimit))
      ->check(CLI::NonNegativeNumber);
  cmd.add_option("--memory-limit", args.memory_limit,
                 "refuse (exit 2, before the solver starts) an LP whose solve is estimated to need more than SIZE "
                 "of memory (e.g. 4GB, 500MB; default: this machine's memory). The estimate comes from the LP's "
                 "shape: for the interior point, the fill of its Cholesky factor, counted by CHOLMOD")
      ->transform(CLI::AsSizeValue(false));
  if (!tuning) return;
  cmd.add_option("--algorithm", args.algorithm,
                 fmt::format("CLP's method: by-size (the default: dual simplex below {} rows, primal simplex "
                             "below {}, interior point from there on, as measured fastest), dual (dual simplex), "
                             "primal (primal simplex with partial pricing), barrier (interior point, its normal "
                             "equations factored by CHOLMOD on every core, then crossover to a basis) or automatic "
                             "(CLP chooses)",
                             lp::kLargeLpRows, lp::kBarrierLpRows))
      ->check(CLI::IsMember({"by-size", "dual", "primal", "barrier", "automatic"}));
  cmd.add_flag("--no-presolve", args.no_presolve, "solve the LP as built, without CLP's presolve");
  cmd.add_flag("--no-scaling", args.no_scaling, "do not scale rows and columns before solving");
  cmd.add_option("--crash", args.crash,
                 fmt::format("start the primal simplex from the Leontief crash basis (every sector's output basic in "
                             "its own balance) instead of the all-slack basis: by-size (the default: below {} rows, "
                             "where it measured up to 2x faster; no gain at 13006 rows), on or off",
                             lp::kCrashMaxRows))
      ->check(CLI::IsMember({"by-size", "on", "off"}));
}

/// The library's SolveOptions from the parsed arguments.
inline lp::SolveOptions to_solve_options(const SolverArgs& args, bool verbose) {
  static const std::map<std::string, lp::Algorithm> algorithms{{"by-size", lp::Algorithm::by_size},
                                                               {"dual", lp::Algorithm::dual},
                                                               {"primal", lp::Algorithm::primal},
                                                               {"barrier", lp::Algorithm::barrier},
                                                               {"automatic", lp::Algorithm::automatic}};
  lp::SolveOptions o;
  o.verbose = verbose;
  o.time_limit = args.time_limit;
  o.iteration_limit = args.iteration_limit;
  o.memory_limit = args.memory_limit;
  o.algorithm = algorithms.at(args.algorithm);
  o.presolve = !args.no_presolve;
  o.scaling = !args.no_scaling;
  static const std::map<std::string, lp::Crash> crashes{
      {"by-size", lp::Crash::by_size}, {"on", lp::Crash::on}, {"off", lp::Crash::off}};
  o.crash = crashes.at(args.crash);
  return o;
}

/// The exit-4 message for a solve stopped by a limit.
inline std::string limit_advice(const std::string& message) {
  return message + " (raise --time-limit or --iteration-limit; 0 removes a limit)";
}

}  // namespace planner::cli
