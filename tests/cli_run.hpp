// Runs the planner binary from a test: arguments as shell words, stdout, stderr and exit code.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace planner::test {

struct CliRun {
  int code = -1;
  std::string out, err;
};

/// Runs `planner ARGS` in the source folder; `env` is prepended to the command (e.g. "NO_COLOR=1").
inline CliRun run_cli(const std::string& args, const std::string& env = "") {
  namespace fs = std::filesystem;
  fs::path err_file = fs::temp_directory_path() / ("planner_cli_run_err_" + std::to_string(::getpid()));
  std::string cmd = std::string("cd ") + PLANNER_SOURCE_DIR + " && " + env + (env.empty() ? "" : " ") + PLANNER_CLI +
                    " " + args + " 2>" + err_file.string();
  CliRun r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = ::pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream e(err_file);
  std::stringstream ss;
  ss << e.rdbuf();
  r.err = ss.str();
  fs::remove(err_file);
  return r;
}

/// Writes `text` to `path` (creating folders), for fixtures.
inline void write_text(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace planner::test
