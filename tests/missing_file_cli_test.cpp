// End-to-end: every command given a file that does not exist (planner/cli/analyze.cpp, impact.cpp,
// extract.cpp, check.cpp, solve.cpp, compare.cpp, sweep.cpp) reports it as bad input, as the model
// and plan readers word it: exit 2, one line "planner: error: FILE: file not found", nothing on
// standard output and no --out file.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_run.hpp"
#include "scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
using planner::test::CliRun;
using planner::test::run_cli;

struct Command {
  std::string name;   ///< subcommand
  std::string after;  ///< arguments after the missing file
  bool has_out;       ///< takes --out FILE
};

const std::vector<Command> kCommands{
    {"analyze", "", true},          {"impact", " --change a=+1", true}, {"extract", " a", true},
    {"check", "", false},           {"solve", "", true},                {"compare", "", true},
    {"sweep", " --vary years=1:3:3", true}};

/// Exactly one line, "planner: error: PATH: file not found".
void expect_one_not_found_line(const CliRun& r, const std::string& path, const std::string& what) {
  EXPECT_EQ(r.code, 2) << what << "\n" << r.err;
  EXPECT_EQ(r.out, "") << what;
  EXPECT_EQ(r.err, "planner: error: " + path + ": file not found\n") << what;
}

TEST(MissingFileCli, EveryCommandExitsTwoWithOneLineNamingThePath) {
  const fs::path missing = planner::test::scratch_dir("missing_file_cli") / "no-such-model.toml";
  ASSERT_FALSE(fs::exists(missing));
  for (const auto& c : kCommands) {
    const CliRun r = run_cli(c.name + " " + missing.string() + c.after);
    expect_one_not_found_line(r, missing.string(), c.name);
  }
  fs::remove_all(missing.parent_path());
}

TEST(MissingFileCli, OutFileIsNotCreated) {
  const fs::path dir = planner::test::scratch_dir("missing_file_cli_out");
  const fs::path missing = dir / "no-such-model.toml";
  for (const auto& c : kCommands) {
    if (!c.has_out) continue;
    const fs::path out = dir / (c.name + ".out");
    const CliRun r = run_cli(c.name + " " + missing.string() + c.after + " --out " + out.string());
    expect_one_not_found_line(r, missing.string(), c.name + " --out");
    EXPECT_FALSE(fs::exists(out)) << c.name << " wrote " << out;
  }
  // Nothing else (no temporary file of the atomic write) is left beside it.
  EXPECT_TRUE(fs::is_empty(dir));
  fs::remove_all(dir);
}

TEST(MissingFileCli, CompareNamesTheMissingOneOfSeveralPlans) {
  const fs::path missing = planner::test::scratch_dir("missing_file_cli_compare") / "no-such-plan.toml";
  const CliRun r = run_cli("compare plans/williams-max-capacity.toml " + missing.string());
  expect_one_not_found_line(r, missing.string(), "compare with one missing plan");
  fs::remove_all(missing.parent_path());
}

}  // namespace
