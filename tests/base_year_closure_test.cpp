// The base-year closure of a draw (planner/uncertainty/base_year_closure): with hold-use, each
// product's base-year use (A x̄ + d₀)_i keeps the nominal model's share of its output while the
// split among its users stays as drawn; as-drawn leaves the draw alone. Oracle: the balance
// recomputed here from the drawn and the closed plans, and the bundled First Plan, whose
// independent draws mostly contradict 1928 as drawn and never once closed.
#include <gtest/gtest.h>

#include <filesystem>

#include "planner/lp/plan_lp_builder.hpp"
#include "planner/uncertainty/base_year_closure.hpp"
#include "planner/uncertainty/plan_uncertainty.hpp"

namespace planner::uncertainty {
namespace {

const std::filesystem::path kPlan = std::filesystem::path(PLANNER_SOURCE_DIR) / "plans/fyp1-gosplan-optimal.toml";

double use_share(const Plan& p, std::size_t i) {
  const Eigen::VectorXd use = p.economy.technical * p.economy.outputs();
  return (use(static_cast<Eigen::Index>(i)) + lp::plan_demand(p, i, 0)) / p.economy.sectors[i].output;
}

TEST(BaseYearClosure, HoldUseKeepsEachProductsBaseYearShareAndTheDrawnSplit) {
  const UncertainPlan closed(kPlan, BaseYearClosure::hold_use), drawn(kPlan, BaseYearClosure::as_drawn);
  std::vector<double> u(closed.inputs().size());
  for (std::size_t g = 0; g < u.size(); ++g) u[g] = g % 2 ? 0.93 : 0.11;  // far from the nominal point
  const Plan c = closed.at(u), d = drawn.at(u), nominal = closed.nominal();
  bool moved = false;
  for (std::size_t i = 0; i < c.economy.size(); ++i) {
    EXPECT_NEAR(use_share(c, i), use_share(nominal, i), 1e-12) << c.economy.sectors[i].id;
    moved = moved || std::abs(use_share(d, i) - use_share(nominal, i)) > 1e-3;
    // one factor per row: the drawn coefficients' ratios and demand survive the closure
    const auto r = static_cast<Eigen::Index>(i);
    const double scale = (c.economy.technical.row(r).sum() + c.economy.sectors[i].demand) /
                         (d.economy.technical.row(r).sum() + d.economy.sectors[i].demand);
    for (Eigen::Index j = 0; j < c.economy.technical.cols(); ++j)
      EXPECT_NEAR(c.economy.technical(r, j), scale * d.economy.technical(r, j), 1e-12 * std::max(1.0, scale));
    EXPECT_NEAR(c.economy.sectors[i].demand, scale * d.economy.sectors[i].demand, 1e-9 * std::max(1.0, c.economy.sectors[i].demand));
  }
  EXPECT_TRUE(moved) << "the draw should have broken the base year before the closure";
}

TEST(BaseYearClosure, TheFirstPlansDrawsContradict1928AsDrawnAndNeverWhenClosed) {
  const auto closed = summarise(UncertainPlan(kPlan, BaseYearClosure::hold_use),
                                run_draws(UncertainPlan(kPlan, BaseYearClosure::hold_use), 1, 0, 60, {}, 2));
  const UncertainPlan raw(kPlan, BaseYearClosure::as_drawn);
  const auto as_drawn = summarise(raw, run_draws(raw, 1, 0, 60, {}, 2));
  EXPECT_EQ(closed.base_year, 0u);
  EXPECT_GT(as_drawn.base_year, 10u);            // 78 of 200 with seed 1 when measured
  EXPECT_GT(closed.solved, 3 * as_drawn.solved);  // 131 vs 11 of 200 when measured
}

}  // namespace
}  // namespace planner::uncertainty
