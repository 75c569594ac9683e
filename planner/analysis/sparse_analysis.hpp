#pragma once
// Static input–output analysis of a large sparse economy (spec §1, for n up to ~10⁶): every
// per-sector result that needs no n×n matrix, each from one iterative solve —
//   required output x = L·f                      (I − A)x = f
//   output multipliers = column sums of L        (I − A)ᵀy = 1
//   input multipliers k·L, one per resource      (I − A)ᵀy = k
//   forward linkage = row sums of G = (L·x̄)/x̄    (I − A)z = x̄   (when every x̄ > 0)
// with backward/forward Rasmussen indices and key sectors. L, G and prices are not formed.
// Productivity: ρ(A) is bracketed by Collatz–Wielandt bounds (productivity.hpp); the economy
// is refused unless the upper bound is below 1.
//
// Which analysis a model gets (choose_analysis): the dense one (every quantity, L and G as
// matrices) while n ≤ dense_sector_limit or the table is not sparse, the sparse one beyond.
#include <Eigen/Dense>
#include <string>
#include <vector>

#include "planner/analysis/linkages.hpp"
#include "planner/analysis/sparse_leontief.hpp"
#include "planner/model/sparse_economy.hpp"

namespace planner::analysis {

/// Up to this many sectors the dense analysis runs (L at n = 2,000 is 32 MB and ~0.5 s).
inline constexpr std::size_t dense_sector_limit = 2000;
/// Beyond the limit a table is analysed sparse when at most this share of A is nonzero.
inline constexpr double sparse_density_limit = 0.05;

enum class AnalysisKind { dense, sparse };

/// Dense when n ≤ dense_sector_limit or density > sparse_density_limit (up to 20,000 sectors);
/// sparse otherwise. `nonzeros` counts A's nonzero entries.
AnalysisKind choose_analysis(std::size_t sectors, std::size_t nonzeros);

/// "dense" or "sparse".
std::string to_string(AnalysisKind kind);

struct SparseAnalysis {
  std::vector<std::string> sectors;      ///< sector ids, the order of every vector
  std::vector<std::string> resources;    ///< resource ids, the rows of input_multipliers
  std::size_t nonzeros = 0;              ///< nonzero entries of A
  Eigen::VectorXd output;                ///< base-year output x̄
  Eigen::VectorXd final_demand;          ///< f, the model's demand
  Eigen::VectorXd required_output;       ///< x = L·f
  Eigen::VectorXd output_multipliers;    ///< column sums of L
  Eigen::MatrixXd input_multipliers;     ///< row r = k_r·L (resources × sectors)
  Eigen::VectorXd backward_linkage_raw;  ///< column sums of L (= output multipliers)
  Eigen::VectorXd backward_linkage;      ///< Rasmussen index of the above
  Eigen::VectorXd forward_linkage_raw;   ///< row sums of G; empty unless every x̄ > 0
  Eigen::VectorXd forward_linkage;       ///< Rasmussen index; empty unless every x̄ > 0
  std::vector<SectorClass> key_sectors;  ///< empty unless forward linkages exist
  bool productive = true;                ///< always true: a non-productive economy is refused
  double spectral_radius = 0.0;          ///< the estimate of ρ(A) (between the bounds)
  double spectral_radius_lower = 0.0;    ///< proven ρ(A) ≥ this
  double spectral_radius_upper = 0.0;    ///< proven ρ(A) ≤ this (< 1)
  int spectral_iterations = 0;           ///< power iterations used for the bounds
  std::size_t inputs_exceed_output = 0;  ///< number of sectors whose column sum of A is ≥ 1
  std::vector<SolveReport> solves;       ///< one per solve, in order
  double residual = 0.0;                 ///< the largest relative residual of the solves
};

/// Analyses `economy` sparse; throws Error(bad_input) when the bounds do not prove ρ(A) < 1,
/// Error(solver_failure) when a solve does not reach `options.tolerance`·10⁴ (above that a
/// residual is only reported, see residual_warning in leontief.hpp).
SparseAnalysis analyze_sparse(const SparseEconomy& economy, IterativeOptions options = {});

}  // namespace planner::analysis
