#pragma once
// CLP's interior-point method (ClpInterior) with the normal equations factored by CHOLMOD
// (SuiteSparse's supernodal sparse Cholesky, BLAS-3 on OpenBLAS), then a crossover to a basis
// by the primal simplex, so shadow prices come from a basis as with any other method. Part of
// the CLP adapter (clp_solver.cpp): only these two files include CLP.
//
// Why: in a plan LP every year's (I − A) block fills in whatever the pivot order, so a simplex
// iteration costs O(n²) and the number of iterations grows with n. CLP's own Cholesky finds
// the same fill but factors it at ~5 GFLOP/s; CHOLMOD factors it on every core at 29–43 GFLOP/s
// (two cores), so the interior point took 0.5–0.76× the primal simplex's time at 1,000 sectors
// and 0.56–0.60× at 2,000 (docs/performance.md, "Interior point with CHOLMOD").
class ClpSimplex;

namespace planner::lp {

struct SolveOptions;

/// Solves the loaded, configured `model`: presolve (when options.presolve), interior point with
/// CHOLMOD, crossover, postsolve and a primal clean-up. The model's status says how it ended;
/// the caller finishes any solve that is not optimal with a simplex (so infeasible and
/// unbounded plans are classified, and diagnosed, the way the simplex does it).
void solve_by_barrier(ClpSimplex& model, const SolveOptions& options);

}  // namespace planner::lp
