#pragma once
// The whole static input–output analysis of one economy (spec §1), labelled by sector and
// resource ids: A, L, B, G, multipliers, linkages, key sectors and prices. I − A is
// factorised once; vectors are solved for, only L itself is formed as a matrix.
#include <Eigen/Dense>
#include <string>
#include <vector>

#include "planner/analysis/linkages.hpp"
#include "planner/analysis/price_model.hpp"
#include "planner/model/economy.hpp"

namespace planner::analysis {

struct StaticAnalysis {
  std::vector<std::string> sectors;    ///< sector ids, the order of every vector and matrix
  std::vector<std::string> resources;  ///< resource ids, the rows of input_multipliers
  Eigen::VectorXd output;              ///< base-year output x̄
  Eigen::VectorXd final_demand;        ///< f, the model's demand
  Eigen::VectorXd required_output;     ///< x = L·f: output every sector needs to deliver f
  Eigen::MatrixXd technical;           ///< A
  Eigen::MatrixXd leontief_inverse;    ///< L = (I − A)⁻¹
  Eigen::MatrixXd flows;               ///< Z (the file's flows, else A·diag(x̄))
  Eigen::MatrixXd allocation;          ///< B = diag(x̄)⁻¹·Z
  Eigen::MatrixXd ghosh_inverse;       ///< G = (I − B)⁻¹
  Eigen::VectorXd output_multipliers;  ///< column sums of L
  Eigen::MatrixXd input_multipliers;   ///< row r = k_r·L (resources × sectors), type I
  Linkages linkages;                   ///< backward/forward, raw and normalised; key sectors
  ValueAdded value_added;              ///< v of the price model and where it came from
  Eigen::VectorXd prices;              ///< p = (I − A)ᵀ⁻¹·v
  bool productive = true;              ///< always true: a non-productive economy is refused
  double spectral_radius = 0.0;        ///< ρ(A) (exact, or the estimate between the bounds below)
  double spectral_radius_lower = 0.0;  ///< proven lower bound on ρ(A) (= ρ(A) when exact)
  double spectral_radius_upper = 0.0;  ///< proven upper bound on ρ(A) (= ρ(A) when exact)
  std::string spectral_method;         ///< "eigenvalues" (n ≤ 400) or "Collatz–Wielandt bounds"
  /// Largest relative residual of the solves: ‖(I − A)(L·1) − 1‖/‖1‖ for L, ‖(I − A)ᵀp − v‖/‖v‖
  /// for prices. Above residual_warning (leontief.hpp) the numbers are not to be trusted.
  double residual = 0.0;
  /// Sectors whose inputs per unit of output (column sum of A) are ≥ 1: allowed while ρ(A) < 1,
  /// but in a value table they have negative value added (see productivity.hpp).
  std::vector<std::string> inputs_exceed_output;
};

/// Analyses `economy`; throws Error(bad_input) naming ρ(A) and the sectors when A is not productive.
StaticAnalysis analyze(const Economy& economy);

}  // namespace planner::analysis
