// Interoperability of `planner solve --write-lp` (planner/lp/clp_solver.cpp write_mps,
// planner/lp/lp_format.cpp) with other solvers' readers: GLPK's glpsol and CLP's own `clp`
// binary must solve the exported Williams plans to the objective the planner reports, 1e-7
// relative (issue #7, #20; oracle ../shared/oracles/williams_economic_planning.txt). HiGHS reads
// the same files in bench/highs/run.sh (its objective checked against the planner's there):
// HiGHS is not a Debian package, so the suite cannot count on it.
//
// What the files carry and what the readers make of them:
// - MPS has no objective sense every reader takes: an `OBJSENSE MAX` section is read by HiGHS,
//   skipped silently by CLP 1.17.6 (which then minimises) and rejected by GLPK 5.0 ("invalid
//   indicator record"). So the file always minimises: the maximised objective is written
//   negated, with a comment saying so, and each reader runs with its defaults (no --max);
// - the objective constant (930 for max-capacity) is a `* objective offset` comment line, not
//   an RHS entry on the objective row: solvers disagree on that entry's sign (GLPK adds the RHS
//   as the constant, CPLEX, CLP and HiGHS subtract it); the planner's objective is
//   offset − (the file's optimum);
// - the CPLEX LP file keeps `Maximize` and the constant in the objective, which CLP and HiGHS
//   read but glpsol refuses ("missing variable name"); the test strips it and adds it back.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>

#include "cli_run.hpp"
#include "scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
using planner::test::run_cli;

bool have_glpsol() { return std::system("command -v glpsol >/dev/null 2>&1") == 0; }

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// glpsol's objective from its -w solution file ("s bas ROWS COLS PRIM DUAL OBJ", full precision).
double glpsol_objective(const std::string& args, const fs::path& solution) {
  const std::string cmd = "glpsol " + args + " -w " + solution.string() + " >" + solution.string() + ".log 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd << "\n" << read(solution.string() + ".log");
  std::istringstream in(read(solution));
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("s bas ", 0) != 0) continue;
    std::istringstream s(line.substr(6));
    int rows = 0, cols = 0;
    std::string primal, dual;
    double objective = NAN;
    s >> rows >> cols >> primal >> dual >> objective;
    EXPECT_EQ(primal, "f") << "primal status: " << line;
    EXPECT_EQ(dual, "f") << "dual status: " << line;
    return objective;
  }
  ADD_FAILURE() << "no solution line in " << solution << ":\n" << read(solution) << read(solution.string() + ".log");
  return NAN;
}

/// The `* objective offset (constant terms): V` comment of our MPS file, or 0.
double mps_offset(const std::string& mps) {
  const std::string key = "* objective offset (constant terms): ";
  auto p = mps.find(key);
  return p == std::string::npos ? 0.0 : std::stod(mps.substr(p + key.size()));
}

std::string fmt_double(double v) {
  std::ostringstream s;
  s.precision(15);
  s << v;
  return s.str();
}

struct Case {
  const char* plan;
  double oracle;  // spec §5 / the Williams oracle
};

class GlpsolInterop : public ::testing::TestWithParam<Case> {};

TEST_P(GlpsolInterop, MpsAndLpSolveToClpObjective) {
  if (!have_glpsol()) GTEST_FAIL() << "glpsol (Debian package glpk-utils) is not installed; .ci/install-deps installs it";
  const Case c = GetParam();
  const fs::path dir = planner::test::scratch_dir("glpsol");
  const fs::path mps = dir / "plan.mps", lp = dir / "plan.lp";

  auto solved = run_cli(std::string("solve ") + c.plan + " --format json --write-lp " + mps.string());
  ASSERT_EQ(solved.code, 0) << solved.err;
  const double clp = nlohmann::json::parse(solved.out)["objective"].get<double>();
  EXPECT_NEAR(clp, c.oracle, 1e-7 * std::fabs(c.oracle));
  ASSERT_EQ(run_cli(std::string("solve ") + c.plan + " --write-lp " + lp.string()).code, 0);

  // MPS: minimises the negated objective (glpsol's default sense), the constant in a comment.
  const std::string mps_text = read(mps);
  EXPECT_EQ(mps_text.find("OBJSENSE"), std::string::npos) << "glpsol 5.0 rejects an OBJSENSE section";
  EXPECT_NE(mps_text.find("this file minimises the negated objective"), std::string::npos) << mps_text.substr(0, 300);
  const double offset = mps_offset(mps_text);
  const double glpk_mps = offset - glpsol_objective("--freemps " + mps.string(), dir / "mps.sol");
  EXPECT_NEAR(glpk_mps, clp, 1e-7 * std::fabs(clp)) << "offset " << offset;

  // CPLEX LP: glpsol wants no constant in the objective; strip it and add it back.
  std::string lp_text = read(lp);
  const auto subject = lp_text.find("\nSubject To");
  ASSERT_NE(subject, std::string::npos);
  std::smatch m;
  std::string objective = lp_text.substr(0, subject);
  double lp_constant = 0;
  static const std::regex constant(R"( ([+-]) ([0-9.eE+-]+)$)");
  if (std::regex_search(objective, m, constant)) {
    lp_constant = std::stod(m[2].str()) * (m[1].str() == "-" ? -1 : 1);
    objective.erase(static_cast<std::size_t>(m.position(0)));
  }
  EXPECT_DOUBLE_EQ(lp_constant, offset) << "the LP file and the MPS comment carry the same constant";
  planner::test::write_text(dir / "plain.lp", objective + lp_text.substr(subject));
  const double glpk_lp = glpsol_objective("--lp " + (dir / "plain.lp").string(), dir / "lp.sol") + lp_constant;
  EXPECT_NEAR(glpk_lp, clp, 1e-7 * std::fabs(clp));

  std::cout << "[glpsol] " << c.plan << ": CLP " << fmt_double(clp) << ", glpsol MPS " << fmt_double(glpk_mps)
            << ", glpsol LP " << fmt_double(glpk_lp) << " (constant " << offset << ")\n";
  fs::remove_all(dir);
}

/// The optimum CLP's `clp` binary prints for `args` ("Optimal objective V - N iterations ...").
double clp_binary_objective(const std::string& args, const fs::path& log) {
  const std::string cmd = "clp " + args + " >" + log.string() + " 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd << "\n" << read(log);
  const std::string text = read(log);
  std::smatch m;
  static const std::regex optimal(R"(Optimal objective ([-+0-9.eE]+) )");
  if (!std::regex_search(text, m, optimal)) {
    ADD_FAILURE() << cmd << ": no optimum in\n" << text;
    return NAN;
  }
  return std::stod(m[1].str());
}

class ClpBinaryInterop : public ::testing::TestWithParam<Case> {};

// `clp FILE.mps -solve`, CLP's own reader and defaults: the same optimum from the file alone.
TEST_P(ClpBinaryInterop, MpsSolvesToThePlannersObjective) {
  if (std::system("command -v clp >/dev/null 2>&1") != 0)
    GTEST_FAIL() << "clp (Debian package coinor-clp) is not installed; .ci/install-deps installs it";
  const Case c = GetParam();
  const fs::path dir = planner::test::scratch_dir("clp_binary");
  const fs::path mps = dir / "plan.mps";
  auto solved = run_cli(std::string("solve ") + c.plan + " --format json --write-lp " + mps.string());
  ASSERT_EQ(solved.code, 0) << solved.err;
  const double planner = nlohmann::json::parse(solved.out)["objective"].get<double>();
  const double offset = mps_offset(read(mps));
  const double clp = offset - clp_binary_objective(mps.string() + " -solve", dir / "clp.log");
  EXPECT_NEAR(clp, planner, 1e-7 * std::fabs(planner)) << "offset " << offset;
  EXPECT_NEAR(clp, c.oracle, 1e-7 * std::fabs(c.oracle));
  fs::remove_all(dir);
}

std::string case_name(const ::testing::TestParamInfo<Case>& param_info) {
  return std::string(param_info.param.plan).find("capacity") != std::string::npos ? "MaxCapacity" : "MaxOutput";
}

const auto kWilliams = ::testing::Values(Case{"plans/williams-max-capacity.toml", 2141.8751967},
                                         Case{"plans/williams-max-output.toml", 2618.5791147});

INSTANTIATE_TEST_SUITE_P(Williams, ClpBinaryInterop, kWilliams, case_name);

INSTANTIATE_TEST_SUITE_P(Williams, GlpsolInterop, kWilliams, case_name);

}  // namespace
