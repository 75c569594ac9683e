#pragma once
// Backward and forward linkages (Rasmussen): how strongly a sector pulls on its suppliers
// (column sums of L) and pushes to its buyers (row sums of the Ghosh inverse G), raw and
// normalised by the mean over all sectors; sectors above 1 on both are key sectors.
#include <Eigen/Dense>
#include <string_view>
#include <vector>

namespace planner::analysis {

enum class SectorClass {
  key,       ///< backward ≥ 1 and forward ≥ 1
  backward,  ///< backward ≥ 1 only (backward-oriented: a strong buyer)
  forward,   ///< forward ≥ 1 only (forward-oriented: a strong supplier)
  weak,      ///< neither
};

/// "key", "backward", "forward" or "weak" (the spec §4 JSON values).
std::string_view to_string(SectorClass c);

struct Linkages {
  Eigen::VectorXd backward_raw;  ///< column sums of L
  Eigen::VectorXd forward_raw;   ///< row sums of G
  Eigen::VectorXd backward;      ///< Rasmussen index of backward_raw
  Eigen::VectorXd forward;       ///< Rasmussen index of forward_raw
  std::vector<SectorClass> key_sectors;  ///< class of each sector from the normalised indices
};

/// Rasmussen index: each value divided by the mean over all sectors (zeros when the mean is 0).
Eigen::VectorXd rasmussen_index(const Eigen::VectorXd& raw);

/// The class of a sector from its normalised backward and forward linkages.
SectorClass classify(double backward, double forward);

/// Backward (from L) and forward (from G) linkages, raw and normalised, and the key-sector classes.
Linkages linkages(const Eigen::MatrixXd& leontief_inverse, const Eigen::MatrixXd& ghosh_inverse);

}  // namespace planner::analysis
