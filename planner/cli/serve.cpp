// `planner serve`: the coursework page and its JSON API on a local HTTP server (issue 21).
// Parses options and calls planner::server::serve; the routes and the page live in planner/server/.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "planner/cli/command.hpp"
#include "planner/model/error.hpp"
#include "planner/server/http_server.hpp"

namespace planner::cli {
namespace {

/// The bundled folder `name` (models, plans): in the current folder, else beside the build
/// folder the binary sits in (build/planner → models/).
std::filesystem::path bundled(const std::string& name) {
  std::error_code ec;
  if (std::filesystem::is_directory(name, ec)) return name;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec)
    for (auto dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path())
      if (std::filesystem::is_directory(dir / name, ec) && std::filesystem::is_directory(dir / "planner", ec)) return dir / name;
  return name;
}

void setup(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "serve",
      "Serve the coursework page and its JSON API on this machine: pick a model and plan, move\n"
      "goals, capacities, resource limits, the consumption floor or any coefficient, and see the\n"
      "plan re-solved at once — plan vs goal vs actual, what binds with its shadow price in words,\n"
      "the diagnosis when a goal cannot be met; undo, a share link holding the edits, and the edited\n"
      "plan as a TOML file `planner solve` reads. Open the URL it prints; Ctrl-C stops it.\n"
      "Listens on 127.0.0.1 only unless --host says otherwise. Each request may send at most\n"
      "1 MiB; at most --max-solves solves run at once (others get 503 \"busy\"), each LP under\n"
      "--time-limit and --iteration-limit. The API is in docs/server.md.");
  cmd->footer(
      "Examples:\n"
      "  planner serve                                  # http://127.0.0.1:8080/, bundled models/ and plans/\n"
      "  planner serve --port 0                         # any free port (printed)\n"
      "  planner serve --plans my-plans --models my-models\n"
      "  planner serve --host 0.0.0.0 --port 8080       # the whole network can reach it (a warning says so)");
  struct Args {
    int port = 8080;
    std::string host = "127.0.0.1";
    std::string models;
    std::string plans;
    server::Limits limits;
  };
  auto args = std::make_shared<Args>();
  args->limits.max_solves = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  cmd->add_option("--port,-p", args->port, "TCP port to listen on (0 = any free port)")->check(CLI::Range(0, 65535))->capture_default_str();
  cmd->add_option("--host", args->host,
                  "address to listen on; 127.0.0.1 (the default) is this machine only, 0.0.0.0 every network "
                  "interface (a class on one network)")
      ->capture_default_str();
  cmd->add_option("--models", args->models, "folder of models, one sub-folder with a model.toml each (default: the bundled models/)");
  cmd->add_option("--plans", args->plans, "folder of plan files, <id>.toml (default: the bundled plans/)");
  cmd->add_option("--max-solves", args->limits.max_solves, "solves running at once; more get 503 busy (default: the number of cores)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--time-limit", args->limits.time_limit, "solver seconds per LP of a request; reaching it answers 422")
      ->check(CLI::PositiveNumber)->capture_default_str();
  cmd->add_option("--iteration-limit", args->limits.iteration_limit, "simplex iterations per LP of a request; reaching it answers 422")
      ->check(CLI::PositiveNumber)->capture_default_str();
  cmd->callback([args] {
    server::ServeOptions o;
    o.host = args->host;
    o.port = args->port;
    o.models_dir = args->models.empty() ? bundled("models") : std::filesystem::path(args->models);
    o.plans_dir = args->plans.empty() ? bundled("plans") : std::filesystem::path(args->plans);
    o.limits = args->limits;
    if (o.host != "127.0.0.1" && o.host != "localhost" && o.host != "::1")
      std::fprintf(stderr, "planner: warning: listening on %s: anyone who can reach this machine can use the server\n", o.host.c_str());
    server::serve(o, [&](const std::string& url, const server::Catalogue& catalogue) {
      for (const auto& skipped : catalogue.skipped()) std::fprintf(stderr, "planner: warning: left out %s\n", skipped.c_str());
      if (!verbosity().quiet)
        std::fprintf(stderr, "planner: %zu models, %zu plans; Ctrl-C stops the server\n", catalogue.models().size(), catalogue.plans().size());
      std::printf("%s\n", url.c_str());  // the one line on standard output: scripts read it
      std::fflush(stdout);
    });
    if (!verbosity().quiet) std::fputs("planner: stopped\n", stderr);
  });
}

RegisterCommand reg(60, setup);

}  // namespace
}  // namespace planner::cli
