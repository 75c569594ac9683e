#pragma once
// The COIN-OR CLP adapter: with clp_barrier.cpp (its interior point), the only code of the
// planner that includes CLP. It loads a LinearProgram, solves it (presolve, then the method
// `by-size` picks for its size) and writes MPS files.
// ClpWarmSolver keeps one CLP model alive between solves, so a sequence of similar LPs (a
// sweep) starts each solve from the previous optimal basis; callers still see only
// LinearProgram in and LpSolution out.
#include <filesystem>
#include <memory>

#include "planner/lp/linear_program.hpp"
#include "planner/lp/lp_solution.hpp"

namespace planner::lp {

/// Solves `lp` with CLP (presolve, then options.algorithm); never throws for infeasible/unbounded.
LpSolution solve_with_clp(const LinearProgram& lp, const SolveOptions& options = {});

/// A CLP model kept between solves. An LP with the same columns, rows and nonzero pattern as the
/// previous one (values, bounds and costs may differ) is solved by dual simplex from the previous
/// final basis, without presolve; any other LP is solved cold, as solve_with_clp does.
class ClpWarmSolver {
 public:
  ClpWarmSolver();
  ~ClpWarmSolver();
  ClpWarmSolver(const ClpWarmSolver&) = delete;
  ClpWarmSolver& operator=(const ClpWarmSolver&) = delete;

  /// Solves `lp`, warm when its shape matches the previous LP's and that solve ended with a basis.
  LpSolution solve(const LinearProgram& lp, const SolveOptions& options = {});
  /// True when the last solve started from the previous basis.
  bool last_was_warm() const { return last_warm_; }
  /// Number of solves that started warm so far.
  int warm_solves() const { return warm_solves_; }

 private:
  struct State;
  std::unique_ptr<State> state_;
  bool last_warm_ = false;
  int warm_solves_ = 0;
};

/// Writes `lp` as a free-format MPS file with its row and column names (atomically).
void write_mps(const LinearProgram& lp, const std::filesystem::path& file);

}  // namespace planner::lp
