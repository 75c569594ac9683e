#include "planner/lp/clp_barrier.hpp"

#include <coin/ClpCholeskyBase.hpp>
#include <coin/ClpEventHandler.hpp>
#include <coin/ClpInterior.hpp>
#include <coin/ClpPresolve.hpp>
#include <coin/ClpPrimalColumnSteepest.hpp>
#include <coin/ClpSimplex.hpp>
#include <coin/CoinTime.hpp>
#include <suitesparse/cholmod.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "planner/analysis/parallel_ranges.hpp"
#include "planner/lp/blas_threads.hpp"
#include "planner/lp/lp_solution.hpp"

namespace planner::lp {
namespace {

// What the interior point reports between its steps: progress (options.progress, every
// progress_interval seconds) and whether the time limit (CPU seconds, as CLP counts them) is up.
class StepWatch {
 public:
  StepWatch(const SolveOptions& options, int rows, int columns)
      : pacer_(options, rows, columns), time_limit_(options.time_limit), cpu_start_(CoinCpuTime()) {}

  /// Called before step `iteration` (1, 2, …); false when the time limit is reached.
  bool step(int iteration) {
    if (time_limit_ > 0 && CoinCpuTime() - cpu_start_ > time_limit_) {
      out_of_time_ = true;
      return false;
    }
    pacer_.tick(iteration, true);
    return true;
  }
  bool out_of_time() const { return out_of_time_; }
  /// The iterates ran off (an unbounded or infeasible LP): no point to cross over from.
  void mark_diverged() { diverged_ = true; }
  bool diverged() const { return diverged_; }

 private:
  ProgressPacer pacer_;
  double time_limit_, cpu_start_;
  bool out_of_time_ = false;
  bool diverged_ = false;
};

// The normal equations M = A·D·Aᵀ + D_slack + δ²·I of each interior-point step, factored by
// CHOLMOD. M is never formed here: CHOLMOD is handed F = [A·√D | √D_slack] and factors F·Fᵀ
// (its "unsymmetric" input), so one fill-reducing analysis of F's pattern serves every step.
class CholmodNormalEquations final : public ClpCholeskyBase {
 public:
  static constexpr double kDiverged = 1e18;

  explicit CholmodNormalEquations(StepWatch& watch) : watch_(watch) {
    type_ = 20;  // not one of CLP's own types (0–19 are spoken for by its Cholesky classes)
    cholmod_start(&common_);
    common_.supernodal = CHOLMOD_SUPERNODAL;  // BLAS-3 on dense supernodes: the fill is dense blocks
    common_.quick_return_if_not_posdef = 1;
    common_.print = 0;
    common_.error_handler = nullptr;
  }
  ~CholmodNormalEquations() override {
    cholmod_free_factor(&factor_, &common_);
    cholmod_free_sparse(&f_, &common_);
    cholmod_finish(&common_);
  }
  CholmodNormalEquations(const CholmodNormalEquations&) = delete;
  CholmodNormalEquations& operator=(const CholmodNormalEquations&) = delete;
  // ClpInterior clones its Cholesky only when the interior model itself is copied; ours never is.
  ClpCholeskyBase* clone() const override { return nullptr; }

  // Records F's pattern and lets CHOLMOD choose the ordering (its default: AMD, or METIS when
  // AMD fills in badly and METIS does better).
  int order(ClpInterior* model) override {
    model_ = model;
    numberRows_ = model->numberRows();
    rowsDropped_ = new char[static_cast<std::size_t>(numberRows_)]();
    numberRowsDropped_ = 0;
    const ClpMatrixBase& a = *model->clpMatrix();
    const int columns = a.getNumCols();
    const CoinBigIndex* start = a.getVectorStarts();
    const int* length = a.getVectorLengths();
    const int* row = a.getIndices();
    std::size_t nonzeros = 0;
    for (int j = 0; j < columns; ++j) nonzeros += static_cast<std::size_t>(length[j]);
    f_ = cholmod_allocate_sparse(static_cast<std::size_t>(numberRows_), static_cast<std::size_t>(columns + numberRows_),
                                 nonzeros + static_cast<std::size_t>(numberRows_), 0, 1, 0, CHOLMOD_REAL, &common_);
    if (f_ == nullptr) return -1;
    int* p = static_cast<int*>(f_->p);
    int* i = static_cast<int*>(f_->i);
    int k = 0;
    for (int j = 0; j < columns; ++j) {
      p[j] = k;
      for (CoinBigIndex e = start[j]; e < start[j] + length[j]; ++e) i[k++] = row[e];
    }
    for (int r = 0; r < numberRows_; ++r) {  // the slacks: one identity column per row
      p[columns + r] = k;
      i[k++] = r;
    }
    p[columns + numberRows_] = k;
    columns_ = columns;
    factor_ = cholmod_analyze(f_, &common_);
    return factor_ == nullptr || common_.status != CHOLMOD_OK ? -1 : 0;
  }

  int symbolic() override { return 0; }  // done by cholmod_analyze in order()

  // Fills F's values for this step's diagonal and factors. A matrix that is not numerically
  // positive definite (rank-deficient rows near the optimum) gets a growing δ²·I until it is;
  // -1 tells ClpInterior the factorization failed (the caller then finishes with a simplex).
  int factorize(const CoinWorkDouble* diagonal, int* rowsDropped) override {
    // Stopping is done by capping the interior point's iterations at the current one, so that
    // it ends the way it ends on its own: returning -1 here instead (CLP's "out of memory")
    // leaks CLP's working arrays (LeakSanitizer). Two reasons to stop: the time limit, and
    // divergence — an unbounded or infeasible LP drives the iterates off, and CLP's
    // predictor–corrector trips an assertion once they saturate near 1e20, so stop long before
    // (no plan's objective comes near 1e18); the simplex that finishes the solve then says
    // which it is.
    if (std::abs(static_cast<double>(model_->primalObjective())) > kDiverged ||
        std::abs(static_cast<double>(model_->dualObjective())) > kDiverged)
      watch_.mark_diverged();
    if (!watch_.step(++steps_) || watch_.diverged())  // CLP factors once an iteration (and once to start)
      model_->setMaximumBarrierIterations(std::max(model_->numberIterations(), 0));
    const ClpMatrixBase& a = *model_->clpMatrix();
    const CoinBigIndex* start = a.getVectorStarts();
    const int* length = a.getVectorLengths();
    const double* value = a.getElements();
    double* x = static_cast<double*>(f_->x);
    int k = 0;
    double largest = 0.0;
    for (int j = 0; j < columns_; ++j) {
      const double scale = std::sqrt(static_cast<double>(diagonal[j]));
      for (CoinBigIndex e = start[j]; e < start[j] + length[j]; ++e) x[k++] = value[e] * scale;
      largest = std::max(largest, static_cast<double>(diagonal[j]));
    }
    for (int r = 0; r < numberRows_; ++r) x[k++] = std::sqrt(static_cast<double>(diagonal[columns_ + r]));
    const double delta = static_cast<double>(model_->delta());
    double beta[2] = {delta * delta, 0.0};
    for (int attempt = 0;; ++attempt) {
      cholmod_factorize_p(f_, beta, nullptr, 0, factor_, &common_);
      if (common_.status == CHOLMOD_OK) break;
      if (common_.status != CHOLMOD_NOT_POSDEF || attempt == 6) return -1;
      beta[0] = std::max(beta[0] * 100.0, 1e-14 * std::max(largest, 1.0));
    }
    std::fill(rowsDropped, rowsDropped + numberRows_, 0);
    return 0;
  }

  void solve(CoinWorkDouble* region) override {
    cholmod_dense b{};
    b.nrow = b.nzmax = b.d = static_cast<std::size_t>(numberRows_);
    b.ncol = 1;
    b.x = region;
    b.xtype = CHOLMOD_REAL;
    b.dtype = CHOLMOD_DOUBLE;
    cholmod_dense* solution = cholmod_solve(CHOLMOD_A, factor_, &b, &common_);
    if (solution == nullptr) return;  // out of memory: leaves the right-hand side, the step fails
    std::copy_n(static_cast<const double*>(solution->x), numberRows_, region);
    cholmod_free_dense(&solution, &common_);
  }

 private:
  StepWatch& watch_;
  cholmod_common common_{};
  cholmod_factor* factor_ = nullptr;
  cholmod_sparse* f_ = nullptr;
  int columns_ = 0;
  int steps_ = 0;
};

// The interior point on `reduced`, then the primal simplex's crossover to a basis. False when
// the interior point was stopped (time limit or divergence, as `watch` says): no crossover then.
bool interior_point_and_crossover(ClpSimplex& reduced, StepWatch& watch) {
  {
    const BlasThreads threads(analysis::core_count());  // PLANNER_THREADS applies
    ClpInterior interior;
    interior.borrowModel(reduced);
    // borrowModel gave the interior a clone of the simplex's event handler, still pointing at the
    // simplex (CLP asserts a handler belongs to its model): give it a plain one. Progress and the
    // time limit are watched from the Cholesky's steps instead.
    const ClpEventHandler plain;
    interior.passInEventHandler(&plain);
    interior.setCholesky(new CholmodNormalEquations(watch));  // ClpInterior owns it
    interior.primalDual();
    interior.returnModel(reduced);
  }
  if (watch.out_of_time() || watch.diverged()) return false;
  ClpPrimalColumnSteepest partial(4);  // as the primal simplex prices elsewhere (clp_solver.cpp)
  reduced.setPrimalColumnPivotAlgorithm(partial);
  reduced.primal(1);  // 1: a values pass from the interior point, then the simplex proper
  return true;
}

// After a stopped interior point: a time limit is the user's word (status 3, reported as the
// limit); a divergence leaves the model at the all-slack basis, undecided (status 4), for the
// dual simplex that finishes every undecided solve (clp_solver.cpp) to classify.
void end_stopped(ClpSimplex& model, const StepWatch& watch) {
  if (watch.out_of_time()) {
    model.setProblemStatus(3);
    return;
  }
  model.createStatus();
  model.setProblemStatus(4);
}

}  // namespace

void solve_by_barrier(ClpSimplex& model, const SolveOptions& options) {
  StepWatch watch(options, model.numberRows(), model.numberColumns());
  if (!options.presolve) {
    if (!interior_point_and_crossover(model, watch)) end_stopped(model, watch);
    return;
  }
  ClpPresolve presolve;
  presolve.setDoDoubleton(false);  // CoinUtils 2.11's doubleton step leaks (clp_solver.cpp)
  std::unique_ptr<ClpSimplex> reduced(presolve.presolvedModel(model, 1e-8, false, 5, true));
  if (!reduced) return;  // presolve proved the LP infeasible or unbounded: the simplex says which
  if (!interior_point_and_crossover(*reduced, watch)) {
    end_stopped(model, watch);  // no postsolve of a point that is not a solution
    return;
  }
  presolve.postsolve(true);
  reduced.reset();
  model.checkSolution();
  model.primal(1);  // clean up what postsolve left (usually nothing: 0 iterations)
}

}  // namespace planner::lp
