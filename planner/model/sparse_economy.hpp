#pragma once
// An economy too large for dense matrices (spec §3: `triplets = "file.csv"` and
// `sectors_file`): the same sectors and resources as Economy, with the technical
// coefficients A held sparse (compressed columns), so n = 10⁶ sectors with ~10 nonzeros per
// column take ~150 MB instead of 8 TB. Only what static analysis needs is kept: no capital
// matrix, no trade. No I/O, no solver.
#include <Eigen/Dense>
#include <Eigen/SparseCore>
#include <string>
#include <vector>

#include "planner/model/economy.hpp"

namespace planner {

struct SparseEconomy {
  std::string name;
  std::string unit;
  int base_year = 0;        ///< calendar label of year 0
  std::string file;         ///< the model file it was read from (for messages)
  std::vector<Sector> sectors;
  Eigen::SparseMatrix<double> technical;  ///< A (n×n, column-major): input of row sector per unit of column's output
  int technical_lag = 0;                  ///< ℓA ∈ {0,1}
  std::vector<Resource> resources;        ///< per_output as dense n-vectors

  std::size_t size() const { return sectors.size(); }
  /// Sector ids in order.
  std::vector<std::string> sector_ids() const;
  /// Base-year outputs x̄ as a vector.
  Eigen::VectorXd outputs() const;
  /// Exogenous final demand f as a vector.
  Eigen::VectorXd demands() const;
  /// Nonzeros of A per n² (0 for an empty economy).
  double density() const;
};

}  // namespace planner
