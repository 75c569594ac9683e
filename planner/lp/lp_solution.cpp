#include "planner/lp/lp_solution.hpp"

namespace planner::lp {

std::string to_string(SolveStatus status) {
  switch (status) {
    case SolveStatus::optimal: return "optimal";
    case SolveStatus::infeasible: return "infeasible";
    case SolveStatus::unbounded: return "unbounded";
    case SolveStatus::iteration_limit: return "iteration-limit";
    case SolveStatus::numerical: return "numerical";
  }
  return "numerical";
}

}  // namespace planner::lp
