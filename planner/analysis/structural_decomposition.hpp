#pragma once
// Structural decomposition analysis (Miller & Blair 2009, ch. 13; Dietzenbacher & Los 1998):
// the change in gross output between two tables, Δx = L₁f₁ − L₀f₀, split into the change
// due to technology (the Leontief inverse L) and due to final demand f. Final demand by
// category, Y (products × categories: households, investment, exports …; f = Y·1), is
// factored as f = B·d·y: its level y = 1ᵀY1 (a scalar), its mix d = Yᵀ1 / y (the category
// shares) and its product structure B = Y·diag(Yᵀ1)⁻¹ (each category's product shares), so
// x = L·B·d·y. Without categories Y is the one column f: d = (1) and the mix effect is 0.
//
// A decomposition walks the factors in an order, switching each from its year-0 to its
// year-1 value; a factor's effect is the change in x when it switches. The effects of one
// ordering sum to Δx exactly. The two polar decompositions are the order (L, y, d, B) and its
// reverse — ΔL·f₀ + L₁·Δf and ΔL·f₁ + L₀·Δf for the technology/demand split — and the
// Dietzenbacher–Los estimate is their average (Muradov 2021, J. Econ. Structures 10:16, for
// the general N-factor polar forms); `all_orderings` averages over all 4! = 24 orderings.
// A category whose total is 0 in one table has no product structure there: it takes the
// other table's (its structure effect is then 0; its appearance is all mix). A category whose
// entries cancel (a stock change up in one product, down in another) is split into its
// positive and negative entries, "<id>+" and "<id>-", so that every share is defined.
#include <Eigen/Dense>
#include <string>
#include <vector>

#include "planner/model/economy.hpp"
#include "planner/model/final_demand_categories.hpp"

namespace planner::analysis {

/// The effects on gross output of one decomposition, one entry per sector.
struct DecompositionEffects {
  Eigen::VectorXd technology;        ///< from ΔL
  Eigen::VectorXd demand_level;      ///< from Δy (total final demand)
  Eigen::VectorXd demand_mix;        ///< from Δd (shares of the categories in final demand)
  Eigen::VectorXd demand_structure;  ///< from ΔB (shares of products within each category)
  /// technology + final_demand() = Δx
  Eigen::VectorXd final_demand() const { return demand_level + demand_mix + demand_structure; }
};

/// The factors of x = L·B·d·y in one table.
struct SdaFactors {
  Eigen::MatrixXd leontief;   ///< L
  double level = 0;           ///< y
  Eigen::VectorXd mix;        ///< d (categories)
  Eigen::MatrixXd structure;  ///< B (products × categories)
};

struct StructuralDecomposition {
  std::vector<std::string> sectors;
  std::vector<std::string> categories;  ///< of final demand (one, "final_demand", without categories)
  Eigen::VectorXd output_0, output_1;   ///< x = L f of each table
  Eigen::VectorXd change;               ///< Δx = x₁ − x₀
  DecompositionEffects polar_first;     ///< order (L, y, d, B): ΔL B₀d₀y₀ + L₁B₀d₀Δy + L₁B₀Δd y₁ + L₁ΔB d₁y₁
  DecompositionEffects polar_last;      ///< order (B, d, y, L): L₀ΔB d₀y₀ + L₀B₁Δd y₀ + L₀B₁d₁Δy + ΔL B₁d₁y₁
  DecompositionEffects average;         ///< (polar_first + polar_last) / 2, or of all orderings
  bool all_orderings = false;           ///< `average` is over all 24 orderings
};

/// Effects of switching the factors (0 = L, 1 = level y, 2 = mix d, 3 = structure B) from
/// table 0 to table 1 in `order`.
DecompositionEffects decompose_in_order(const SdaFactors& f0, const SdaFactors& f1, const std::vector<int>& order);

/// Decomposes the change from `e0` to `e1` (their A, and final demand: `y0`/`y1` by category
/// when given — they replace the models' demand vectors — else each model's demand as one
/// category). Throws Error (exit 2) naming the second model when the two have different
/// sectors, the categories differ, a total final demand is 0, or either is not productive.
StructuralDecomposition structural_decomposition(const Economy& e0, const Economy& e1, bool all_orderings,
                                                 const FinalDemandCategories* y0 = nullptr,
                                                 const FinalDemandCategories* y1 = nullptr);

}  // namespace planner::analysis
