#include "planner/uncertainty/base_year_closure.hpp"

#include <fmt/format.h>

#include "planner/lp/plan_lp_builder.hpp"
#include "planner/model/error.hpp"

namespace planner::uncertainty {
namespace {

/// The base year's use of each product: (A x̄)_i + d_i,0.
Eigen::VectorXd base_year_use(const Plan& plan) {
  Eigen::VectorXd use = plan.economy.technical * plan.economy.outputs();
  for (Eigen::Index i = 0; i < use.size(); ++i) use(i) += lp::plan_demand(plan, static_cast<std::size_t>(i), 0);
  return use;
}

}  // namespace

BaseYearClosure parse_base_year_closure(const std::string& text, const std::string& key) {
  if (text == "hold-use") return BaseYearClosure::hold_use;
  if (text == "as-drawn") return BaseYearClosure::as_drawn;
  throw Error(ExitCode::bad_input, "", key, fmt::format("expected hold-use or as-drawn, got \"{}\"", text));
}

std::string to_string(BaseYearClosure closure) {
  return closure == BaseYearClosure::hold_use ? "hold-use" : "as-drawn";
}

void hold_base_year_use(Plan& drawn, const Plan& nominal) {
  const Eigen::VectorXd use0 = base_year_use(nominal), use = base_year_use(drawn);
  for (std::size_t i = 0; i < drawn.economy.size(); ++i) {
    const auto k = static_cast<Eigen::Index>(i);
    const double x0 = nominal.economy.sectors[i].output, x = drawn.economy.sectors[i].output;
    if (use(k) <= 0.0 || use0(k) <= 0.0 || x0 <= 0.0) continue;
    const double scale = (use0(k) / x0) * x / use(k);
    drawn.economy.technical.row(k) *= scale;
    if (i < drawn.demand_paths.size())
      for (double& d : drawn.demand_paths[i]) d *= scale;
    if (drawn.demand_override && i < drawn.demand_override->size())
      (*drawn.demand_override)[i] *= scale;
    else
      drawn.economy.sectors[i].demand *= scale;
  }
}

}  // namespace planner::uncertainty
