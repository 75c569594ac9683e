// Tests of planner/cli/completion.cpp (`planner completion bash`, `planner man`) and
// planner/cli/colour.hpp: every subcommand and option of the help appears in the completion
// script and the man page, the script completes in a real bash, the page renders without
// groff warnings, and colour appears only on a terminal without NO_COLOR.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_run.hpp"
#include "scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
using planner::test::run_cli;

/// Names in a section of CLI11's help ("Subcommands:", "Options:"): lines "  NAME  description".
std::vector<std::string> help_section(const std::string& help, const std::string& section) {
  std::vector<std::string> out;
  std::istringstream in(help);
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.rfind(section, 0) == 0) {
      inside = true;
      continue;
    }
    if (!line.empty() && line[0] != ' ') inside = false;
    if (!inside || line.size() < 3 || line[0] != ' ' || line[1] != ' ' || line[2] == ' ') continue;
    out.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  return out;
}

/// Every subcommand path below the root, from the help of each level.
std::vector<std::string> subcommand_paths(const std::string& prefix = "") {
  std::vector<std::string> out;
  for (const auto& sub : help_section(run_cli(prefix + "--help").out, "Subcommands:")) {
    const std::string path = prefix + sub + " ";
    out.push_back(path);
    for (const auto& deeper : subcommand_paths(path)) out.push_back(deeper);
  }
  return out;
}

/// Option switches of one help text ("-f,--format" → -f, --format).
std::vector<std::string> option_switches(const std::string& help) {
  std::vector<std::string> out;
  for (const auto& token : help_section(help, "Options:")) {
    std::stringstream s(token);
    std::string name;
    while (std::getline(s, name, ','))
      if (name.rfind("-", 0) == 0) out.push_back(name);
  }
  return out;
}

/// What the completion script offers for the words typed so far (the last one being completed).
std::string complete(const fs::path& script, const std::string& words) {
  const fs::path driver = script.parent_path() / "driver.bash", out = script.parent_path() / "reply.txt";
  planner::test::write_text(driver,
                            "source \"$1\"\n"
                            "read -ra COMP_WORDS <<< \"$2\"\n"
                            "[[ \"$2\" == *\" \" ]] && COMP_WORDS+=(\"\")\n"
                            "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                            "_planner\n"
                            "echo \"${COMPREPLY[*]}\"\n");
  const std::string cmd = "bash " + driver.string() + " " + script.string() + " '" + words + "' > " + out.string();
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::ifstream in(out);
  std::string reply;
  std::getline(in, reply);
  return reply;
}

bool contains_word(const std::string& text, const std::string& word) {
  std::istringstream s(text);
  std::string w;
  while (s >> w)
    if (w == word) return true;
  return false;
}

TEST(Completion, BashScriptHasEverySubcommandAndOption) {
  auto r = run_cli("completion bash");
  ASSERT_EQ(r.code, 0) << r.err;
  const fs::path dir = planner::test::scratch_dir("completion");
  const fs::path script = dir / "planner.bash";
  planner::test::write_text(script, r.out);
  ASSERT_EQ(std::system(("bash -n " + script.string()).c_str()), 0) << "the script parses";

  const auto paths = subcommand_paths();
  ASSERT_GE(paths.size(), 8u);
  std::set<std::string> top;
  for (const auto& p : paths)
    if (std::count(p.begin(), p.end(), ' ') == 1) top.insert(p.substr(0, p.size() - 1));
  for (const char* expected : {"analyze", "solve", "compare", "tradeoff", "check", "import", "serve", "completion", "man"})
    EXPECT_TRUE(top.count(expected)) << expected;
  const std::string roots = complete(script, "planner ");
  for (const auto& sub : top) EXPECT_TRUE(contains_word(roots, sub)) << sub << " in: " << roots;
  for (const auto& path : paths) {
    const std::string offered = complete(script, "planner " + path + "-");
    for (const auto& option : option_switches(run_cli(path + "--help").out))
      EXPECT_TRUE(contains_word(offered, option)) << "planner " << path << option << " in: " << offered;
  }
  EXPECT_EQ(complete(script, "planner ana"), "analyze");
  EXPECT_EQ(complete(script, "planner import fl"), "flows");
  EXPECT_EQ(complete(script, "planner analyze m.toml --format "), "table csv json md");
  EXPECT_EQ(complete(script, "planner import flows --output-from total-"), "total-row total-col");
  EXPECT_EQ(complete(script, "planner import su"), "sut");
  EXPECT_EQ(complete(script, "planner balance m.csv --method "), "auto ras gras");
  EXPECT_EQ(complete(script, "planner decompose a.toml b.toml --format "), "table csv json md");
  EXPECT_EQ(complete(script, "planner import sut s.tsv u.tsv --layout "), "labelled eurostat");
  EXPECT_EQ(complete(script, "planner decompose a.toml b.toml --pl"), "--plans");
  EXPECT_TRUE(contains_word(complete(script, "planner aggregate m.toml --p"), "--plan"));
  fs::remove_all(dir);
}

TEST(Completion, ManPageCoversTheHelpAndRenders) {
  auto r = run_cli("man");
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string page = r.out;
  EXPECT_EQ(page.find(".TH PLANNER 1"), page.find(".TH"));
  EXPECT_NE(page.find(".SH EXIT STATUS"), std::string::npos);
  EXPECT_NE(page.find("NO_COLOR"), std::string::npos);
  for (const auto& path : subcommand_paths()) {
    const std::string heading = ".SS \"planner " + path.substr(0, path.size() - 1);
    EXPECT_NE(page.find(heading), std::string::npos) << heading;
    for (const auto& option : option_switches(run_cli(path + "--help").out)) {
      if (option == "-h" || option == "--help") continue;
      std::string escaped;
      for (char c : option) escaped += c == '-' ? std::string("\\-") : std::string(1, c);
      EXPECT_NE(page.find("\\fB" + escaped + "\\fR"), std::string::npos) << path << option;
    }
  }
  EXPECT_EQ(run_cli("man").out, page) << "same bytes every run";
  if (std::system("command -v groff >/dev/null 2>&1") != 0) GTEST_SKIP() << "groff is not installed";
  const fs::path dir = planner::test::scratch_dir("man");
  planner::test::write_text(dir / "planner.1", page);
  const std::string cmd = "groff -k -man -Tutf8 -ww -z " + (dir / "planner.1").string() + " 2>" + (dir / "warnings").string();
  EXPECT_EQ(std::system(cmd.c_str()), 0);
  std::ifstream w(dir / "warnings");
  std::stringstream warnings;
  warnings << w.rdbuf();
  EXPECT_EQ(warnings.str(), "") << "groff warnings";
  fs::remove_all(dir);
}

TEST(Colour, OnlyOnATerminalAndNeverWithNoColor) {
  // Standard error is a file here: plain text.
  auto plain = run_cli("check no-such-model.toml");
  EXPECT_EQ(plain.code, 2);
  EXPECT_NE(plain.err.find("planner: error: "), std::string::npos) << plain.err;
  EXPECT_EQ(plain.err.find('\x1b'), std::string::npos);
  if (std::system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "script (util-linux) is not installed";
  // On a pseudo-terminal (script): red "error:", unless NO_COLOR is set.
  auto coloured = [&](const std::string& env) {
    const fs::path dir = planner::test::scratch_dir("colour");
    const fs::path log = dir / "tty.txt";
    const std::string cmd = "cd " + std::string(PLANNER_SOURCE_DIR) + " && env -u NO_COLOR " + env +
                            " TERM=xterm script -qec '" + PLANNER_CLI + " check no-such-model.toml' /dev/null > " +
                            log.string() + " 2>&1";
    const int rc = std::system(cmd.c_str());
    (void)rc;  // the exit code of `script` varies by version; the text is what counts
    std::ifstream in(log);
    std::stringstream s;
    s << in.rdbuf();
    fs::remove_all(dir);
    return s.str();
  };
  const std::string tty = coloured("");
  EXPECT_NE(tty.find("\x1b[1;31merror:\x1b[0m"), std::string::npos) << tty;
  const std::string no_color = coloured("NO_COLOR=1");
  EXPECT_NE(no_color.find("planner: error: "), std::string::npos) << no_color;
  EXPECT_EQ(no_color.find('\x1b'), std::string::npos) << no_color;
}

}  // namespace
