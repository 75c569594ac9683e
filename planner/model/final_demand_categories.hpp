#pragma once
// Final demand by category (households, investment, exports … or, for a solved plan, the
// uses of the goal year's output): products in the model's sector order × categories, with
// f = Y·1. Plain data for structural decomposition (analysis/structural_decomposition.hpp).
#include <Eigen/Dense>
#include <string>
#include <vector>

namespace planner {

struct FinalDemandCategories {
  std::vector<std::string> categories;
  Eigen::MatrixXd y;   ///< sectors × categories
  std::string source;  ///< the file or plan it came from, for messages
};

}  // namespace planner
