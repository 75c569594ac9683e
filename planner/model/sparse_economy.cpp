#include "planner/model/sparse_economy.hpp"

namespace planner {

std::vector<std::string> SparseEconomy::sector_ids() const {
  std::vector<std::string> ids;
  ids.reserve(sectors.size());
  for (const auto& s : sectors) ids.push_back(s.id);
  return ids;
}

Eigen::VectorXd SparseEconomy::outputs() const {
  Eigen::VectorXd v(static_cast<Eigen::Index>(sectors.size()));
  for (std::size_t i = 0; i < sectors.size(); ++i) v[static_cast<Eigen::Index>(i)] = sectors[i].output;
  return v;
}

Eigen::VectorXd SparseEconomy::demands() const {
  Eigen::VectorXd v(static_cast<Eigen::Index>(sectors.size()));
  for (std::size_t i = 0; i < sectors.size(); ++i) v[static_cast<Eigen::Index>(i)] = sectors[i].demand;
  return v;
}

double SparseEconomy::density() const {
  if (sectors.empty()) return 0.0;
  const double n = static_cast<double>(sectors.size());
  return static_cast<double>(technical.nonZeros()) / (n * n);
}

}  // namespace planner
