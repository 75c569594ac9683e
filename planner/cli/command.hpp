#pragma once
// Subcommand registry: each planner/cli/<name>.cpp registers itself with a static
// RegisterCommand, so adding a subcommand is one new file. The CLI only parses arguments,
// calls the library and prints; no numerics live here.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace planner::cli {

struct Command {
  int order;                                   ///< position in `planner --help`
  std::function<void(CLI::App& app)> setup;    ///< adds the subcommand and its callback
};

/// All registered subcommands.
std::vector<Command>& registry();

struct RegisterCommand {
  RegisterCommand(int order, std::function<void(CLI::App&)> setup) {
    registry().push_back({order, std::move(setup)});
  }
};

/// Output options shared by subcommands: --format and --out.
struct OutputOptions {
  std::string format = "table";                 ///< table | csv | json | md (| html)
  std::optional<std::filesystem::path> out;
};

/// Adds --format (restricted to `formats`) and --out to a subcommand.
void add_output_options(CLI::App& cmd, OutputOptions& options, const std::vector<std::string>& formats);

/// Global verbosity (--quiet / --verbose on the main app).
struct Verbosity {
  bool quiet = false;
  bool verbose = false;
};
Verbosity& verbosity();

}  // namespace planner::cli
