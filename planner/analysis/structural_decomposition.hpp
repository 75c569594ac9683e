#pragma once
// Structural decomposition analysis (Miller & Blair 2009, ch. 13; Dietzenbacher & Los 1998):
// the change in gross output between two tables, Δx = L₁f₁ − L₀f₀, split into the change
// due to technology (the Leontief inverse L) and due to final demand f, and f further into
// its level φ = Σ_i f_i and its product structure s = f/φ, so x = L·φ·s.
//
// A decomposition walks the factors in an order, switching each from its year-0 to its
// year-1 value; a factor's effect is the change in x when it switches. The effects of one
// ordering sum to Δx exactly. The two polar decompositions are the order (L, φ, s) and its
// reverse — e.g. ΔL·f₀ + L₁·Δf and ΔL·f₁ + L₀·Δf for the two-factor split — and the
// Dietzenbacher–Los estimate is their average; `all_orderings` averages over all 3! = 6.
// Final-demand categories (households, exports …) are not in a model file, so the "mix"
// part of Δf is not defined here: Δf = level + product structure.
#include <Eigen/Dense>
#include <string>
#include <vector>

#include "planner/model/economy.hpp"

namespace planner::analysis {

/// The effects on gross output of one decomposition, one entry per sector.
struct DecompositionEffects {
  Eigen::VectorXd technology;    ///< from ΔL
  Eigen::VectorXd demand_level;  ///< from Δφ (total final demand)
  Eigen::VectorXd demand_structure;  ///< from Δs (shares of products in final demand)
  /// technology + demand_level + demand_structure = Δx
  Eigen::VectorXd final_demand() const { return demand_level + demand_structure; }
};

struct StructuralDecomposition {
  std::vector<std::string> sectors;
  Eigen::VectorXd output_0, output_1;  ///< x = L f of each table
  Eigen::VectorXd change;              ///< Δx = x₁ − x₀
  DecompositionEffects polar_first;    ///< order (L, φ, s): ΔL φ₀s₀ + L₁Δφ s₀ + L₁φ₁Δs
  DecompositionEffects polar_last;     ///< order (s, φ, L): L₀φ₀Δs + L₀Δφ s₁ + ΔL φ₁s₁
  DecompositionEffects average;        ///< (polar_first + polar_last) / 2, or of all orderings
  bool all_orderings = false;          ///< `average` is over all 6 orderings
};

/// Effects of switching the factors (0 = L, 1 = φ, 2 = s) from year 0 to year 1 in `order`.
DecompositionEffects decompose_in_order(const Eigen::MatrixXd& l0, double level0, const Eigen::VectorXd& s0,
                                        const Eigen::MatrixXd& l1, double level1, const Eigen::VectorXd& s1,
                                        const std::vector<int>& order);

/// Decomposes the change from `e0` to `e1` (their final demand and A). Throws Error (exit 2)
/// naming the second model when the two have different sectors, and when either is not
/// productive (no Leontief inverse).
StructuralDecomposition structural_decomposition(const Economy& e0, const Economy& e1, bool all_orderings);

}  // namespace planner::analysis
