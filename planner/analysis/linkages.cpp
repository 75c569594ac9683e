#include "planner/analysis/linkages.hpp"

namespace planner::analysis {

std::string_view to_string(SectorClass c) {
  switch (c) {
    case SectorClass::key: return "key";
    case SectorClass::backward: return "backward";
    case SectorClass::forward: return "forward";
    case SectorClass::weak: return "weak";
  }
  return "weak";
}

Eigen::VectorXd rasmussen_index(const Eigen::VectorXd& raw) {
  if (raw.size() == 0) return raw;
  double mean = raw.mean();
  if (mean == 0.0) return Eigen::VectorXd::Zero(raw.size());
  return raw / mean;
}

SectorClass classify(double backward, double forward) {
  if (backward >= 1.0 && forward >= 1.0) return SectorClass::key;
  if (backward >= 1.0) return SectorClass::backward;
  if (forward >= 1.0) return SectorClass::forward;
  return SectorClass::weak;
}

Linkages linkages(const Eigen::MatrixXd& leontief_inverse, const Eigen::MatrixXd& ghosh_inverse) {
  Linkages l;
  l.backward_raw = leontief_inverse.colwise().sum().transpose();
  l.forward_raw = ghosh_inverse.rowwise().sum();
  l.backward = rasmussen_index(l.backward_raw);
  l.forward = rasmussen_index(l.forward_raw);
  for (Eigen::Index j = 0; j < l.backward.size(); ++j) l.key_sectors.push_back(classify(l.backward[j], l.forward[j]));
  return l;
}

}  // namespace planner::analysis
