// Structural decomposition (planner/analysis/structural_decomposition): a 2-sector change
// whose polar forms and their average are derived by hand below, one with final demand by
// category (level, mix, structure), exactness of every ordering, and the refusal of models
// with different sectors.
#include "planner/analysis/structural_decomposition.hpp"

#include <gtest/gtest.h>

#include "analysis_test_economies.hpp"
#include "expect_error.hpp"

namespace {

using planner::analysis::structural_decomposition;

// Hand derivation. A₀ = [[0, ½], [½, 0]]: L₀ = (4/3)[[1, ½], [½, 1]] = [[4/3, 2/3], [2/3, 4/3]].
// A₁ = [[0, ½], [0, 0]]: L₁ = [[1, ½], [0, 1]]. ΔL = [[−1/3, −1/6], [−2/3, −1/3]].
// f₀ = (30, 30): φ₀ = 60, s₀ = (½, ½); f₁ = (60, 30): φ₁ = 90, s₁ = (⅔, ⅓); Δf = (30, 0).
// x₀ = L₀f₀ = (60, 60); x₁ = L₁f₁ = (75, 30); Δx = (15, −30).
// Polar (L, φ, s): technology ΔL f₀ = (−15, −30); level L₁Δφ s₀ = L₁(15, 15) = (22.5, 15);
//   structure L₁φ₁Δs = L₁(15, −15) = (7.5, −15); demand L₁Δf = (30, 0).
// Polar (s, φ, L): structure L₀φ₀Δs = L₀(10, −10) = (20/3, −20/3); level L₀Δφ s₁ = L₀(20, 10)
//   = (100/3, 80/3); technology ΔL f₁ = (−25, −50); demand L₀Δf = (40, 20).
// Average: technology (−20, −40); level (335/12, 125/6); structure (85/12, −65/6).
struct TwoTables {
  planner::Economy e0, e1;
  TwoTables() {
    Eigen::MatrixXd a0(2, 2), a1(2, 2);
    a0 << 0, 0.5, 0.5, 0;
    a1 << 0, 0.5, 0, 0;
    e0 = analysis_test::economy({"a", "b"}, a0, Eigen::Vector2d(60, 60), Eigen::Vector2d(30, 30));
    e1 = analysis_test::economy({"a", "b"}, a1, Eigen::Vector2d(75, 30), Eigen::Vector2d(60, 30));
    e1.file = "later.toml";
  }
};

void expect_vector(const Eigen::VectorXd& got, double v0, double v1, const char* what) {
  EXPECT_NEAR(got[0], v0, 1e-12) << what;
  EXPECT_NEAR(got[1], v1, 1e-12) << what;
}

TEST(StructuralDecomposition, HandDerivedPolarFormsAndAverage) {
  const TwoTables t;
  const auto r = structural_decomposition(t.e0, t.e1, false);
  expect_vector(r.output_0, 60, 60, "x0");
  expect_vector(r.output_1, 75, 30, "x1");
  expect_vector(r.change, 15, -30, "dx");
  expect_vector(r.polar_first.technology, -15, -30, "polar first technology");
  expect_vector(r.polar_first.demand_level, 22.5, 15, "polar first level");
  expect_vector(r.polar_first.demand_structure, 7.5, -15, "polar first structure");
  expect_vector(r.polar_first.final_demand(), 30, 0, "polar first demand");
  expect_vector(r.polar_last.technology, -25, -50, "polar last technology");
  expect_vector(r.polar_last.demand_level, 100.0 / 3, 80.0 / 3, "polar last level");
  expect_vector(r.polar_last.demand_structure, 20.0 / 3, -20.0 / 3, "polar last structure");
  expect_vector(r.polar_last.final_demand(), 40, 20, "polar last demand");
  expect_vector(r.average.technology, -20, -40, "average technology");
  expect_vector(r.average.demand_level, 335.0 / 12, 125.0 / 6, "average level");
  expect_vector(r.average.demand_structure, 85.0 / 12, -65.0 / 6, "average structure");
  // One category (the demand vector itself): nothing can shift between categories.
  expect_vector(r.average.demand_mix, 0, 0, "average mix");
}

// Hand derivation with two categories h, e. A₀ = 0: L₀ = I; A₁ = [[0, ½], [0, 0]]: L₁ = [[1, ½], [0, 1]].
// Y₀ = [[20, 10], [10, 20]]: y₀ = 60, d₀ = (½, ½), B₀ = [[⅔, ⅓], [⅓, ⅔]], f₀ = (30, 30), x₀ = (30, 30).
// Y₁ = [[40, 20], [20, 0]]:  y₁ = 80, d₁ = (¾, ¼), B₁ = [[⅔, 1], [⅓, 0]], f₁ = (60, 20), x₁ = (70, 20).
// Δx = (40, −10); ΔL = [[0, ½], [0, 0]]; Δd = (¼, −¼); ΔB = [[0, ⅔], [0, −⅔]].
// Polar (L, y, d, B): technology ΔL f₀ = (15, 0); level L₁B₀d₀Δy = L₁(10, 10) = (15, 10);
//   mix L₁B₀Δd y₁ = L₁(20/3, −20/3) = (10/3, −20/3); structure L₁ΔB d₁y₁ = L₁(40/3, −40/3) = (20/3, −40/3).
// Polar (B, d, y, L): structure L₀ΔB d₀y₀ = ΔB(30, 30) = (20, −20); mix L₀B₁Δd y₀ = 60·(−1/12, 1/12)
//   = (−5, 5); level L₀B₁d₁Δy = 20·(¾, ¼) = (15, 5); technology ΔL f₁ = (10, 0).
// Average: technology (12.5, 0); level (15, 7.5); mix (−5/6, −5/6); structure (40/3, −50/3).
TEST(StructuralDecomposition, HandDerivedLevelMixAndStructure) {
  Eigen::MatrixXd a0 = Eigen::MatrixXd::Zero(2, 2), a1(2, 2), y0(2, 2), y1(2, 2);
  a1 << 0, 0.5, 0, 0;
  y0 << 20, 10, 10, 20;
  y1 << 40, 20, 20, 0;
  const auto e0 = analysis_test::economy({"a", "b"}, a0, Eigen::Vector2d(30, 30), Eigen::Vector2d(30, 30));
  const auto e1 = analysis_test::economy({"a", "b"}, a1, Eigen::Vector2d(70, 20), Eigen::Vector2d(60, 20));
  const planner::FinalDemandCategories c0{{"h", "e"}, y0, "y0.csv"}, c1{{"h", "e"}, y1, "y1.csv"};
  const auto r = structural_decomposition(e0, e1, false, &c0, &c1);
  expect_vector(r.change, 40, -10, "dx");
  expect_vector(r.polar_first.technology, 15, 0, "polar first technology");
  expect_vector(r.polar_first.demand_level, 15, 10, "polar first level");
  expect_vector(r.polar_first.demand_mix, 10.0 / 3, -20.0 / 3, "polar first mix");
  expect_vector(r.polar_first.demand_structure, 20.0 / 3, -40.0 / 3, "polar first structure");
  expect_vector(r.polar_last.technology, 10, 0, "polar last technology");
  expect_vector(r.polar_last.demand_level, 15, 5, "polar last level");
  expect_vector(r.polar_last.demand_mix, -5, 5, "polar last mix");
  expect_vector(r.polar_last.demand_structure, 20, -20, "polar last structure");
  expect_vector(r.average.technology, 12.5, 0, "average technology");
  expect_vector(r.average.demand_level, 15, 7.5, "average level");
  expect_vector(r.average.demand_mix, -5.0 / 6, -5.0 / 6, "average mix");
  expect_vector(r.average.demand_structure, 40.0 / 3, -50.0 / 3, "average structure");
  EXPECT_EQ(r.categories, (std::vector<std::string>{"h", "e"}));

  // A category absent from table 0 takes table 1's product structure: its structure effect is 0,
  // its appearance all mix; every ordering still sums to Δx.
  Eigen::MatrixXd y0x(2, 3), y1x(2, 3);
  y0x << 20, 10, 0, 10, 20, 0;
  y1x << 40, 20, 5, 20, 0, 5;
  const planner::FinalDemandCategories x0{{"h", "e", "x"}, y0x, "y0.csv"}, x1{{"h", "e", "x"}, y1x, "y1.csv"};
  auto e1x = e1;
  e1x.sectors[0].demand = 65;
  e1x.sectors[1].demand = 25;
  const auto rx = structural_decomposition(e0, e1x, true, &x0, &x1);
  const Eigen::VectorXd sum = rx.average.technology + rx.average.final_demand();
  EXPECT_LE((sum - rx.change).cwiseAbs().maxCoeff(), 1e-12 * rx.change.cwiseAbs().maxCoeff());
  expect_vector(rx.output_1, 65 + 12.5, 25, "x1 with the new category");
}

// A category whose entries cancel (stock built up in a, drawn down in b: total 0) has no
// product shares; split into its positive and negative parts, every ordering still sums to Δx.
TEST(StructuralDecomposition, CancellingCategoryIsSplitBySign) {
  Eigen::MatrixXd a0 = Eigen::MatrixXd::Zero(2, 2), a1(2, 2), y0(2, 2), y1(2, 2);
  a1 << 0, 0.5, 0, 0;
  y0 << 25, 5, 35, -5;
  y1 << 50, 10, 22, -2;
  const auto e0 = analysis_test::economy({"a", "b"}, a0, Eigen::Vector2d(30, 30), Eigen::Vector2d(30, 30));
  const auto e1 = analysis_test::economy({"a", "b"}, a1, Eigen::Vector2d(70, 20), Eigen::Vector2d(60, 20));
  const planner::FinalDemandCategories c0{{"h", "stock"}, y0, "y0"}, c1{{"h", "stock"}, y1, "y1"};
  for (bool all : {false, true}) {
    const auto r = structural_decomposition(e0, e1, all, &c0, &c1);
    EXPECT_EQ(r.categories, (std::vector<std::string>{"h", "stock+", "stock-"}));
    expect_vector(r.change, 40, -10, "dx");
    for (const auto* d : {&r.polar_first, &r.polar_last, &r.average}) {
      const Eigen::VectorXd sum = d->technology + d->final_demand();
      EXPECT_LE((sum - r.change).cwiseAbs().maxCoeff(), 1e-12 * 40);
    }
    // The demand level is unchanged by the split: y = 60 and 80, as without the stock column.
    expect_vector(r.polar_first.technology, 15, 0, "polar first technology = ΔL f0");
  }
}

// Every ordering telescopes: its effects sum to Δx (to rounding, 1e-12 relative).
TEST(StructuralDecomposition, EffectsSumToTheChangeInEveryOrdering) {
  const TwoTables t;
  for (bool all : {false, true}) {
    const auto r = structural_decomposition(t.e0, t.e1, all);
    for (const auto* d : {&r.polar_first, &r.polar_last, &r.average}) {
      const Eigen::VectorXd sum = d->technology + d->demand_level + d->demand_mix + d->demand_structure;
      EXPECT_LE((sum - r.change).cwiseAbs().maxCoeff(), 1e-12 * r.change.cwiseAbs().maxCoeff());
    }
  }
  // All 24 orderings of (L, y, d, B), d fixed: as the six of (L, y, B) — technology first (2 orderings) ΔL f₀, last (2) ΔL f₁, in the middle
  // ΔL φ₁s₀ (after φ) = ΔL(45, 45) = (−22.5, −45) and ΔL φ₀s₁ (after s) = ΔL(40, 20) = (−50/3, −100/3).
  const auto r = structural_decomposition(t.e0, t.e1, true);
  expect_vector(r.average.technology, (2 * -15 + 2 * -25 - 22.5 - 50.0 / 3) / 6, (2 * -30 + 2 * -50 - 45 - 100.0 / 3) / 6,
                "all orderings technology");
}

TEST(StructuralDecomposition, DifferentSectorsAreRefused) {
  TwoTables t;
  t.e1.sectors[1].id = "c";
  planner::expect_bad_input([&] { structural_decomposition(t.e0, t.e1, false); },
                            {"later.toml", "same sectors", "sector \"b\" of test.toml is missing"});
}

}  // namespace
