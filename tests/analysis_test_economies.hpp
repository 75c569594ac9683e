#pragma once
// Small economies built in code for the tests of planner/analysis (no files, no reader).
#include <string>
#include <vector>

#include "planner/model/economy.hpp"

namespace analysis_test {

/// An economy with these sector ids, technical matrix A, outputs and demands.
inline planner::Economy economy(const std::vector<std::string>& ids, const Eigen::MatrixXd& a,
                                const Eigen::VectorXd& output, const Eigen::VectorXd& demand) {
  planner::Economy e;
  e.name = "test";
  e.file = "test.toml";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    planner::Sector s;
    s.id = ids[i];
    s.name = ids[i];
    s.output = output[static_cast<Eigen::Index>(i)];
    s.demand = demand[static_cast<Eigen::Index>(i)];
    e.sectors.push_back(s);
  }
  e.technical = a;
  return e;
}

/// A resource with per-output coefficients k.
inline planner::Resource resource(const std::string& id, const Eigen::VectorXd& k, bool value_added = false) {
  planner::Resource r;
  r.id = id;
  r.per_output = k;
  r.value_added = value_added;
  return r;
}

/// A consistent 3-sector economy (coal, steel, transport): x = L f for f = (20, 30, 25).
inline planner::Economy three_sectors() {
  Eigen::MatrixXd a(3, 3);
  a << 0.10, 0.50, 0.40,
       0.10, 0.10, 0.20,
       0.20, 0.10, 0.20;
  Eigen::VectorXd f(3);
  f << 20, 30, 25;
  Eigen::VectorXd x = (Eigen::MatrixXd::Identity(3, 3) - a).partialPivLu().solve(f);
  planner::Economy e = economy({"coal", "steel", "transport"}, a, x, f);
  Eigen::VectorXd labour(3), wages(3), profits(3);
  labour << 0.6, 0.3, 0.2;
  wages << 0.2, 0.1, 0.1;
  profits << 0.1, 0.05, 0.05;
  e.resources.push_back(resource("labour", labour));
  e.resources.push_back(resource("wages", wages, true));
  e.resources.push_back(resource("profits", profits, true));
  return e;
}

}  // namespace analysis_test
