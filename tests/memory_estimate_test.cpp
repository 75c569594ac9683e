// The memory estimate before a solve (planner/lp/memory_estimate.cpp, issue #20): a plan too
// large for the memory allowed stops with exit 2, a message naming the plan, --memory-limit and
// the estimate, and nothing written; the interior point's estimate counts its Cholesky factor.
#include <gtest/gtest.h>

#include <Eigen/OrderingMethods>
#include <Eigen/SparseCholesky>
#include <filesystem>

#include "cli_run.hpp"
#include "expect_error.hpp"
#include "generated_plan.hpp"
#include "planner/io/plan_reader.hpp"
#include "planner/lp/memory_estimate.hpp"
#include "planner/lp/plan_lp_builder.hpp"
#include "planner/lp/solve_plan.hpp"
#include "scratch_dir.hpp"

using namespace planner;
using namespace planner::lp;

namespace {

const std::string kWilliams = std::string(PLANNER_SOURCE_DIR) + "/plans/williams-max-capacity.toml";

/// Nonzeros of L in L·Lᵀ = F·Fᵀ, F = [A | I], AMD-ordered, counted by Eigen (its own AMD and
/// symbolic factorization; an independent count of the fill CHOLMOD reports).
double eigen_factor_nonzeros(const LinearProgram& lp) {
  Eigen::SparseMatrix<double> f(lp.num_row, lp.num_col + lp.num_row);
  std::vector<Eigen::Triplet<double>> t;
  for (int j = 0; j < lp.num_col; ++j)
    for (int e = lp.a_start[static_cast<std::size_t>(j)]; e < lp.a_start[static_cast<std::size_t>(j) + 1]; ++e)
      t.emplace_back(lp.a_index[static_cast<std::size_t>(e)], j, 1.0);  // ones: no cancellation in F·Fᵀ
  for (int r = 0; r < lp.num_row; ++r) t.emplace_back(r, lp.num_col + r, 1.0);
  f.setFromTriplets(t.begin(), t.end());
  const Eigen::SparseMatrix<double> m = f * f.transpose();
  Eigen::SimplicialLLT<Eigen::SparseMatrix<double>, Eigen::Lower, Eigen::AMDOrdering<int>> llt(m);
  EXPECT_EQ(llt.info(), Eigen::Success);
  return static_cast<double>(Eigen::SparseMatrix<double>(llt.matrixL()).nonZeros());
}

}  // namespace

TEST(MemoryEstimate, SimplexGrowsWithRowsAndInteriorPointCountsTheFactor) {
  const LinearProgram lp = build_plan_lp(test::generated_plan(120, 7)).lp;  // 1,566 rows
  const MemoryEstimate dual = estimate_memory(lp, Algorithm::by_size);
  EXPECT_EQ(dual.algorithm, Algorithm::primal);  // 1,566 rows: by-size's primal simplex
  EXPECT_EQ(dual.factor_entries, 0u);
  EXPECT_GT(dual.bytes, estimate_memory(build_plan_lp(read_plan(kWilliams)).lp, Algorithm::dual).bytes);

  const MemoryEstimate barrier = estimate_memory(lp, Algorithm::barrier);
  EXPECT_EQ(barrier.algorithm, Algorithm::barrier);
  // CHOLMOD's supernodal factor holds every nonzero of L, plus the zeros of its dense
  // supernodes (relaxed amalgamation); the two AMD codes may order a little differently.
  const double nonzeros = eigen_factor_nonzeros(lp);
  EXPECT_GE(static_cast<double>(barrier.factor_entries), 0.9 * nonzeros);
  EXPECT_LE(static_cast<double>(barrier.factor_entries), 3.0 * nonzeros);
  EXPECT_GE(barrier.bytes, dual.bytes + 8 * barrier.factor_entries);
}

TEST(MemoryEstimate, OverTheLimitIsBadInputBeforeTheSolve) {
  const Plan plan = read_plan(kWilliams);
  SolveOptions o;
  o.memory_limit = 1000;  // bytes: less than any solve
  expect_bad_input([&] { solve_plan(plan, o); },
                   {kWilliams, "--memory-limit", "needs an estimated", "more than the 1 kB of --memory-limit"});
  o.memory_limit = 0;  // the machine's memory: the Williams plan fits
  EXPECT_EQ(solve_plan(plan, o).status, "optimal");
  EXPECT_GT(machine_memory(), 1u << 26);
}

TEST(MemoryEstimate, InteriorPointOverTheLimitSuggestsTheSimplex) {
  Plan plan = test::generated_plan(120, 7);
  plan.file = "generated.toml";
  const LinearProgram lp = build_plan_lp(plan).lp;
  SolveOptions o;
  o.algorithm = Algorithm::barrier;
  // Between the simplex's estimate and the interior point's: refused, with the simplex named.
  o.memory_limit = (estimate_memory(lp, Algorithm::primal).bytes + estimate_memory(lp, Algorithm::barrier).bytes) / 2;
  expect_bad_input([&] { solve_plan(plan, o); }, {"generated.toml", "by the interior point", "Cholesky factor", "--algorithm primal"});
}

TEST(MemoryEstimateCli, ExitsTwoAndWritesNothing) {
  const auto dir = test::scratch_dir("memory_limit");
  const auto out = dir / "result.json";
  for (const char* c : {"solve plans/williams-max-capacity.toml", "compare plans/fyp1-gosplan-optimal.toml",
                        "sweep plans/williams-max-capacity.toml --vary resources.labour.available=400:500:3"}) {
    const std::string cmd = c;
    auto r = test::run_cli(cmd + " --format json --memory-limit 1kb --out " + out.string());
    EXPECT_EQ(r.code, 2) << cmd << "\n" << r.err;
    EXPECT_NE(r.err.find("--memory-limit"), std::string::npos) << cmd << "\n" << r.err;
    EXPECT_NE(r.err.find("needs an estimated"), std::string::npos) << cmd << "\n" << r.err;
    EXPECT_FALSE(std::filesystem::exists(out)) << cmd;
  }
  auto ok = test::run_cli("solve plans/williams-max-capacity.toml --memory-limit 1GB --format json --out " + out.string());
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_TRUE(std::filesystem::exists(out));
  auto bad = test::run_cli("solve plans/williams-max-capacity.toml --memory-limit lots");
  EXPECT_NE(bad.code, 0);
  std::filesystem::remove_all(dir);
}
