#pragma once
// The COIN-OR CLP adapter: the only file of the planner that includes CLP. It loads a
// LinearProgram, solves it (presolve + dual simplex) and writes MPS files.
#include <filesystem>

#include "planner/lp/linear_program.hpp"
#include "planner/lp/lp_solution.hpp"

namespace planner::lp {

/// Solves `lp` with CLP (presolve, then dual simplex); never throws for infeasible/unbounded.
LpSolution solve_with_clp(const LinearProgram& lp, const SolveOptions& options = {});

/// Writes `lp` as a free-format MPS file with its row and column names (atomically).
void write_mps(const LinearProgram& lp, const std::filesystem::path& file);

}  // namespace planner::lp
