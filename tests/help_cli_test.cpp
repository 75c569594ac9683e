// `planner --help` and each subcommand's help (planner/cli/main.cpp and one file per command)
// say what the command does and give an example (issue #2: "with an example").
#include <gtest/gtest.h>

#include <string>

#include "cli_run.hpp"

namespace {

using planner::test::CliRun;
using planner::test::run_cli;

TEST(HelpCli, TopLevelHelpHasExamples) {
  const CliRun r = run_cli("--help");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Example"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("planner analyze "), std::string::npos) << r.out;
}

TEST(HelpCli, EachSubcommandHelpHasAnExampleOfItself) {
  for (const std::string command : {"analyze", "impact", "extract", "check", "solve", "sweep", "serve", "balance", "aggregate",
                                    "decompose", "tradeoff"}) {
    const CliRun r = run_cli(command + " --help");
    ASSERT_EQ(r.code, 0) << command << ": " << r.err;
    EXPECT_NE(r.out.find("Example"), std::string::npos) << command << " --help:\n" << r.out;
    EXPECT_NE(r.out.find("planner " + command + " "), std::string::npos) << command << " --help:\n" << r.out;
  }
}

// `planner import sut --help` teaches the four models by their formulas.
TEST(HelpCli, ImportSutHelpNamesTheFourModels) {
  const CliRun r = run_cli("import sut --help");
  ASSERT_EQ(r.code, 0) << r.err;
  for (const char* text : {"product technology", "industry technology", "fixed industry sales", "fixed product sales",
                           "planner import sut "})
    EXPECT_NE(r.out.find(text), std::string::npos) << text << " in:\n" << r.out;
}

// Issue #23's second round: the help of every new option says what it does and shows it.
TEST(HelpCli, StatisticalOfficeOptionsAreTaught) {
  struct Case {
    std::string command;
    std::vector<std::string> texts;
  };
  const Case cases[] = {
      {"aggregate", {"--plan", "only part of a group", "--plan plans/"}},
      {"decompose", {"--final-demand", "--plans", "mix", "--plans\n", "goes to by the plan's own balance"}},
      {"import sut", {"--layout", "--geo", "--year", "--select", "naio_10_cp15", "--layout eurostat --geo DE --year 2015"}},
  };
  for (const auto& c : cases) {
    const CliRun r = run_cli(c.command + " --help");
    ASSERT_EQ(r.code, 0) << r.err;
    for (const auto& t : c.texts) EXPECT_NE(r.out.find(t), std::string::npos) << t << " in " << c.command << " --help:\n" << r.out;
  }
}

}  // namespace
