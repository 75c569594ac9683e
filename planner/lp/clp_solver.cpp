#include "planner/lp/clp_solver.hpp"

#include <coin/ClpSimplex.hpp>
#include <coin/ClpSolve.hpp>
#include <coin/CoinMpsIO.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "planner/io/output.hpp"
#include "planner/model/error.hpp"

namespace planner::lp {
namespace {

// CLP spells infinity as COIN_DBL_MAX.
double to_clp(double bound) {
  if (bound == kInf) return COIN_DBL_MAX;
  if (bound == -kInf) return -COIN_DBL_MAX;
  return bound;
}

void load(ClpSimplex& model, const LinearProgram& lp) {
  std::vector<double> cl(lp.col_lower), cu(lp.col_upper), rl(lp.row_lower), ru(lp.row_upper);
  for (auto* v : {&cl, &cu, &rl, &ru})
    for (double& b : *v) b = to_clp(b);
  std::vector<CoinBigIndex> starts(lp.a_start.begin(), lp.a_start.end());
  model.loadProblem(lp.num_col, lp.num_row, starts.data(), lp.a_index.data(), lp.a_value.data(), cl.data(),
                    cu.data(), lp.col_cost.data(), rl.data(), ru.data());
  model.setOptimizationDirection(lp.sense == Sense::maximise ? -1.0 : 1.0);
  model.copyNames(lp.row_names, lp.col_names);
}

}  // namespace

LpSolution solve_with_clp(const LinearProgram& lp, const SolveOptions& options) {
  LpSolution result;
  ClpSimplex model;
  model.setLogLevel(options.verbose ? 1 : 0);
  load(model, lp);
  if (options.time_limit > 0) model.setMaximumSeconds(options.time_limit);
  if (options.iteration_limit > 0) model.setMaximumIterations(options.iteration_limit);

  ClpSolve how;
  how.setSolveType(ClpSolve::useDual);
  how.setPresolveType(options.presolve ? ClpSolve::presolveOn : ClpSolve::presolveOff);
  // CoinUtils 2.11's doubleton step leaks (presolve_dupmajor inside doubleton_action, found by
  // LeakSanitizer on generated plans); skip that one step, the rest of presolve still runs.
  how.setDoDoubleton(false);
  model.initialSolve(how);
  // Presolve can leave a solution that is optimal only up to its own tolerances, or stop
  // undecided: finish with a plain dual simplex from that basis, which also gives clean duals.
  if (options.presolve && model.status() != 0 && model.status() != 3) {
    ClpSolve plain;
    plain.setSolveType(ClpSolve::useDual);
    plain.setPresolveType(ClpSolve::presolveOff);
    model.initialSolve(plain);
  }

  result.iterations = model.numberIterations();
  switch (model.status()) {
    case 0: result.status = SolveStatus::optimal; break;
    case 1: result.status = SolveStatus::infeasible; result.message = "primal infeasible"; break;
    case 2: result.status = SolveStatus::unbounded; result.message = "primal unbounded (dual infeasible)"; break;
    case 3: result.status = SolveStatus::iteration_limit; result.message = "iteration or time limit reached"; break;
    default:
      result.status = SolveStatus::numerical;
      result.message = "CLP stopped with status " + std::to_string(model.status()) + " (secondary " +
                       std::to_string(model.secondaryStatus()) + ")";
  }
  const double* x = model.primalColumnSolution();
  const double* dj = model.dualColumnSolution();
  const double* ax = model.primalRowSolution();
  const double* y = model.dualRowSolution();
  result.col_value.assign(x, x + lp.num_col);
  result.col_dual.assign(dj, dj + lp.num_col);
  result.row_value.assign(ax, ax + lp.num_row);
  result.row_dual.assign(y, y + lp.num_row);
  // Our own arithmetic, so the offset is counted exactly once (CLP's objective offset has
  // its own sign convention).
  result.objective = lp.objective_value(result.col_value);
  return result;
}

void write_mps(const LinearProgram& lp, const std::filesystem::path& file) {
  ClpSimplex model;
  model.setLogLevel(0);
  load(model, lp);
  // CLP writes straight to a path; write a temporary sibling and publish it atomically.
  namespace fs = std::filesystem;
  fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  fs::path tmp = dir / ("." + file.filename().string() + ".mps-tmp." + std::to_string(::getpid()));
  // formatType 1 = free format (names may be longer than 8 characters); 2 = names across.
  if (model.writeMps(tmp.string().c_str(), 1, 2, lp.sense == Sense::maximise ? -1.0 : 1.0) != 0) {
    std::error_code ec;
    fs::remove(tmp, ec);
    throw Error(ExitCode::bad_input, file.string(), "", "cannot write the MPS file");
  }
  std::ifstream in(tmp, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  in.close();
  std::error_code ec;
  fs::remove(tmp, ec);
  std::string mps = text.str();
  if (lp.offset != 0.0) {
    // MPS keeps constant objective terms as the negated RHS of the objective row; CLP drops
    // it, so say it in a comment line instead of silently losing it.
    mps = "* objective offset (constant terms): " + std::to_string(lp.offset) + "\n" + mps;
  }
  write_file_atomically(file, mps);
}

}  // namespace planner::lp
