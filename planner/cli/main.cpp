// planner: input–output analysis and dynamic Leontief plan optimisation.
#include <algorithm>
#include <iostream>

#include "planner/cli/colour.hpp"
#include "planner/cli/command.hpp"
#include "planner/io/output.hpp"
#include "planner/lp/allocator_tuning.hpp"
#include "planner/model/error.hpp"

namespace planner::cli {

std::vector<Command>& registry() {
  static std::vector<Command> commands;
  return commands;
}

Verbosity& verbosity() {
  static Verbosity v;
  return v;
}

void add_output_options(CLI::App& cmd, OutputOptions& options, const std::vector<std::string>& formats) {
  std::string list;
  for (const auto& f : formats) list += (list.empty() ? "" : "|") + f;
  cmd.add_option("--format,-f", options.format, "output format: " + list)
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  cmd.add_option("--out,-o", options.out,
                 "write to FILE (atomically: a failure leaves any existing FILE untouched) instead of standard output");
}

}  // namespace planner::cli

int main(int argc, char** argv) {
  using namespace planner;
  remove_temporary_output_on_interrupt();  // Ctrl-C leaves no half-written --out file
  lp::keep_freed_memory_for_reuse();       // CLP's per-solve arrays: reused, not faulted in again
  CLI::App app{
      "planner — input–output (Leontief) analysis and multi-year plan optimisation.\n\n"
      "Static analysis explains an economy's inter-dependencies (Leontief inverse, multipliers,\n"
      "linkages); the dynamic plan LP (solved with COIN-OR CLP) finds feasible multi-year targets\n"
      "and compares them with a plan's stated goals and with history.\n\n"
      "Examples:\n"
      "  planner analyze models/miller-blair-2/model.toml\n"
      "  planner solve plans/williams-max-capacity.toml\n"
      "  planner compare plans/fyp1-gosplan-optimal.toml --format html --out fyp1.html\n\n"
      "Exit codes: 0 ok, 1 usage, 2 bad input, 3 plan infeasible or unbounded, 4 solver failure.",
      "planner"};
  app.set_version_flag("--version", "planner 0.1.0");
  app.require_subcommand(1);
  app.fallthrough();
  app.add_flag("--quiet,-q", cli::verbosity().quiet, "print only results and errors");
  app.add_flag("--verbose,-v", cli::verbosity().verbose, "print progress and solver details to standard error");

  auto& commands = cli::registry();
  std::stable_sort(commands.begin(), commands.end(),
                   [](const cli::Command& a, const cli::Command& b) { return a.order < b.order; });
  for (auto& c : commands) c.setup(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : static_cast<int>(ExitCode::usage);
  } catch (const Error& e) {
    std::cerr << "planner: " << cli::paint("error:", cli::Style::red, 2) << " " << e.what() << "\n";
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cerr << "planner: internal error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::solver_failure);
  }
  return 0;
}
