#include "planner/lp/clp_solver.hpp"

#include <coin/ClpEventHandler.hpp>
#include <coin/ClpPrimalColumnSteepest.hpp>
#include <coin/ClpSimplex.hpp>
#include <coin/ClpSolve.hpp>
#include <coin/CoinMpsIO.hpp>

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "planner/io/output.hpp"
#include "planner/lp/blas_threads.hpp"
#include "planner/lp/clp_barrier.hpp"
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

ClpSolve::SolveType solve_type(Algorithm a) {
  switch (a) {
    case Algorithm::by_size:  // resolved before it gets here
    case Algorithm::barrier:  // our own path (clp_barrier.hpp), not ClpSolve's
    case Algorithm::dual: return ClpSolve::useDual;
    case Algorithm::primal: return ClpSolve::usePrimal;
    case Algorithm::automatic: return ClpSolve::automatic;
  }
  return ClpSolve::useDual;
}

// Log level, scaling and limits. CLP measures its time limit in CPU seconds from the start of
// the solve.
void configure(ClpSimplex& model, const SolveOptions& options) {
  model.setLogLevel(options.verbose ? 1 : 0);
  model.scaling(options.scaling ? 3 : 0);  // 3 = CLP's default (geometric, then equilibrium)
  model.setMaximumSeconds(options.time_limit > 0 ? options.time_limit : -1.0);
  model.setMaximumIterations(options.iteration_limit > 0 ? options.iteration_limit : 2147483647);
}

// The primal simplex prices partially (CLP's "primalpivot partial", steepest-edge mode 4): on
// the generated plan family it took 0.7–0.8× the time of CLP's default pricing at 500 and 1,000
// sectors (docs/performance.md). The presolved model inherits the pivot rule.
void price_primal_partially(ClpSimplex& model) {
  ClpPrimalColumnSteepest partial(4);
  model.setPrimalColumnPivotAlgorithm(partial);
}

// Loads a starting basis (lp_solution.hpp): the listed columns basic in place of their rows'
// slacks, every other slack basic, every other column at a finite bound. Presolve carries it
// over to the reduced LP.
void set_starting_basis(ClpSimplex& model, const StartingBasis& start) {
  const double* lower = model.columnLower();
  const double* upper = model.columnUpper();
  for (int j = 0; j < model.numberColumns(); ++j)
    model.setColumnStatus(j, lower[j] > -COIN_DBL_MAX ? ClpSimplex::atLowerBound
                             : upper[j] < COIN_DBL_MAX ? ClpSimplex::atUpperBound
                                                        : ClpSimplex::isFree);
  for (int i = 0; i < model.numberRows(); ++i) model.setRowStatus(i, ClpSimplex::basic);
  for (const auto& [column, row] : start.basic) {
    model.setColumnStatus(column, ClpSimplex::basic);
    model.setRowStatus(row, ClpSimplex::atLowerBound);
  }
}

// Tells options.progress how a solve goes, at most every progress_interval seconds. CLP clones
// the handler into the presolved model it builds, so the reports follow the simplex there.
class ProgressEvents : public ClpEventHandler {
 public:
  ProgressEvents(const SolveOptions& options, int rows, int columns) : pacer_(options, rows, columns) {}
  ClpEventHandler* clone() const override { return new ProgressEvents(*this); }

  int event(Event which) override {
    if (which == endOfIteration && model_ != nullptr) pacer_.tick(model_->numberIterations());
    return -1;  // go on
  }

 private:
  ProgressPacer pacer_;
};

void report_progress(ClpSimplex& model, const SolveOptions& options) {
  if (!options.progress) return;
  ProgressEvents events(options, model.numberRows(), model.numberColumns());
  model.passInEventHandler(&events);  // CLP keeps a copy
}

// A fresh solve: presolve (when on), then the chosen algorithm.
void solve_cold(ClpSimplex& model, const SolveOptions& options) {
  const BlasThreads simplex_threads(1);  // the interior point takes more for its own part
  const Algorithm algorithm = resolve(options.algorithm, model.numberRows());
  if (options.verbose && options.algorithm == Algorithm::by_size)  // what the default chose, and from what
    fmt::print(stderr, "by-size: {} ({} rows, {} columns, {} nonzeros)\n", to_string(algorithm), model.numberRows(),
               model.numberColumns(), model.getNumElements());
  if (algorithm == Algorithm::primal) {
    price_primal_partially(model);
    if (options.start && options.start->num_row == model.numberRows() && options.start->num_col == model.numberColumns())
      set_starting_basis(model, *options.start);
  }
  if (algorithm == Algorithm::barrier) {
    solve_by_barrier(model, options);
  } else {
    ClpSolve how;
    how.setSolveType(solve_type(algorithm));
    how.setPresolveType(options.presolve ? ClpSolve::presolveOn : ClpSolve::presolveOff);
    // CoinUtils 2.11's doubleton step leaks (presolve_dupmajor inside doubleton_action, found by
    // LeakSanitizer on generated plans); skip that one step, the rest of presolve still runs.
    how.setDoDoubleton(false);
    model.initialSolve(how);
  }
  // Presolve can leave a solution that is optimal only up to its own tolerances, or stop
  // undecided, and an interior point can end without a basis: finish with a plain dual simplex
  // from where it stopped, which also gives clean duals and classifies an infeasible or
  // unbounded LP. (Not after a limit: the limit is the user's word.)
  if ((options.presolve || algorithm == Algorithm::barrier) && model.status() != 0 && model.status() != 3) {
    ClpSolve plain;
    plain.setSolveType(ClpSolve::useDual);
    plain.setPresolveType(ClpSolve::presolveOff);
    model.initialSolve(plain);
  }
}

std::string limit_message(const ClpSimplex& model, const SolveOptions& options) {
  // CLP's secondary status says which limit stopped it only in some paths; name the one that fits.
  if (options.iteration_limit > 0 && model.numberIterations() >= options.iteration_limit)
    return "the iteration limit (" + std::to_string(options.iteration_limit) + " iterations) was reached";
  if (options.time_limit > 0) return "the time limit (" + fmt::format("{}", options.time_limit) + " s) was reached";
  return "the iteration or time limit was reached";
}

LpSolution read_result(const ClpSimplex& model, const LinearProgram& lp, const SolveOptions& options) {
  LpSolution result;
  result.iterations = model.numberIterations();
  switch (model.status()) {
    case 0: result.status = SolveStatus::optimal; break;
    case 1: result.status = SolveStatus::infeasible; result.message = "primal infeasible"; break;
    case 2: result.status = SolveStatus::unbounded; result.message = "primal unbounded (dual infeasible)"; break;
    case 3: result.status = SolveStatus::iteration_limit; result.message = limit_message(model, options); break;
    default:
      result.status = SolveStatus::numerical;
      result.message = "CLP stopped with status " + std::to_string(model.status()) + " (secondary " +
                       std::to_string(model.secondaryStatus()) + ")";
  }
  const double* x = model.getColSolution();
  const double* dj = model.getReducedCost();
  const double* ax = model.getRowActivity();
  const double* y = model.getRowPrice();
  result.col_value.assign(x, x + lp.num_col);
  result.col_dual.assign(dj, dj + lp.num_col);
  result.row_value.assign(ax, ax + lp.num_row);
  result.row_dual.assign(y, y + lp.num_row);
  // Our own arithmetic, so the offset is counted exactly once (CLP's objective offset has
  // its own sign convention).
  result.objective = lp.objective_value(result.col_value);
  return result;
}

}  // namespace

LpSolution solve_with_clp(const LinearProgram& lp, const SolveOptions& options) {
  ClpSimplex model;
  configure(model, options);
  load(model, lp);
  report_progress(model, options);
  solve_cold(model, options);
  return read_result(model, lp, options);
}

struct ClpWarmSolver::State {
  ClpSimplex model;
  bool has_basis = false;
  std::vector<int> a_start, a_index;  // the nonzero pattern of the LP the basis belongs to
};

ClpWarmSolver::ClpWarmSolver() : state_(std::make_unique<State>()) {}
ClpWarmSolver::~ClpWarmSolver() = default;

LpSolution ClpWarmSolver::solve(const LinearProgram& lp, const SolveOptions& options) {
  State& s = *state_;
  const bool same_shape = s.has_basis && s.model.numberColumns() == lp.num_col && s.model.numberRows() == lp.num_row &&
                          s.a_start == lp.a_start && s.a_index == lp.a_index;
  last_warm_ = same_shape;
  configure(s.model, options);
  if (same_shape) {
    // Keep the basis across the reload (loadProblem may drop it), then dual simplex from it:
    // a changed right-hand side leaves the old basis dual feasible, the dual simplex's home ground.
    const BlasThreads simplex_threads(1);
    const int n = lp.num_col + lp.num_row;
    std::vector<unsigned char> basis(s.model.statusArray(), s.model.statusArray() + n);
    load(s.model, lp);
    s.model.copyinStatus(basis.data());
    ClpSolve how;
    // (by_size stays with the dual here whatever the size: a warm start is its case.)
    if (options.algorithm == Algorithm::primal) price_primal_partially(s.model);
    how.setSolveType(options.algorithm == Algorithm::primal ? ClpSolve::usePrimal : ClpSolve::useDual);
    how.setPresolveType(ClpSolve::presolveOff);
    s.model.initialSolve(how);
    ++warm_solves_;
    // A warm start that ends in numerical trouble is retried cold rather than reported.
    if (s.model.status() != 0 && s.model.status() != 1 && s.model.status() != 2 && s.model.status() != 3) {
      load(s.model, lp);
      solve_cold(s.model, options);
      last_warm_ = false;
      --warm_solves_;
    }
  } else {
    load(s.model, lp);
    solve_cold(s.model, options);
  }
  s.has_basis = s.model.statusArray() != nullptr && (s.model.status() == 0 || s.model.status() == 1 || s.model.status() == 2);
  s.a_start = lp.a_start;
  s.a_index = lp.a_index;
  return read_result(s.model, lp, options);
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
  // objSense 1: the file always minimises (a maximised objective is written negated). MPS has
  // no sense of its own, and the OBJSENSE section is not read alike: HiGHS reads it, CLP 1.17's
  // reader skips it silently (and minimises), GLPK 5.0 rejects the file (docs/user-guide.md, tests/mps_readers_test.cpp).
  if (model.writeMps(tmp.string().c_str(), 1, 2, 1.0) != 0) {
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
  // MPS keeps constant objective terms as the negated RHS of the objective row, but readers
  // disagree on its sign and CLP drops it, so it goes into a comment line instead
  // ({} prints the shortest form that reads back exactly).
  std::string head;
  if (lp.sense == Sense::maximise)
    head = "* objective sense: the planner maximises; this file minimises the negated objective, so the\n"
           "* planner's objective = offset - (this file's optimum)\n";
  if (lp.offset != 0.0 || lp.sense == Sense::maximise)
    head += "* objective offset (constant terms): " + fmt::format("{}", lp.offset) + "\n";
  write_file_atomically(file, head + text.str());
}

}  // namespace planner::lp
