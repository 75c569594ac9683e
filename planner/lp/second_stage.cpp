#include "planner/lp/second_stage.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "planner/lp/solve_plan.hpp"
#include "planner/model/error.hpp"
#include "planner/model/sector_groups.hpp"

namespace planner::lp {

bool has_second_stage(const Plan& plan) {
  const bool goal_objective =
      plan.objective.kind == ObjectiveKind::max_fulfilment || plan.objective.kind == ObjectiveKind::min_shortfall;
  return goal_objective && !plan.then && plan.second_stage != SecondStage::none && !plan.goals.empty();
}

std::vector<bool> sectors_with_goals(const Plan& plan) {
  const Economy& e = plan.economy;
  std::vector<bool> has(e.size(), false);
  for (const Goal& g : plan.goals) {
    if (!g.sector.empty()) {
      if (auto j = e.sector_index(g.sector)) has[*j] = true;
    } else if (g.weights.empty()) {
      for (std::size_t j = 0; j < e.size(); ++j)
        if (in_group(e.sectors[j], g.group))
          has[j] = true;
    }
  }
  return has;
}

std::vector<double> second_stage_weights(const Plan& plan) {
  const Economy& e = plan.economy;
  std::vector<double> w(e.size(), 0.0);
  for (std::size_t j = 0; j < e.size(); ++j) {
    const Sector& s = e.sectors[j];
    if (plan.second_stage == SecondStage::prices) {
      if (!s.price)
        throw Error(ExitCode::bad_input, plan.file, "second_stage",
                    fmt::format("second_stage = \"prices\" needs a `price` for sector \"{}\" in the model", s.id));
      w[j] = *s.price;
    } else {
      // A product new to the economy (x̄ = 0) has no growth to count; it keeps whatever the goals need.
      w[j] = s.output > 0.0 ? 1.0 / s.output : 0.0;
    }
  }
  return w;
}

LinearProgram held_first_stage(const PlanLp& plan_lp, double z, double tol) {
  LinearObjective nothing;  // no objective yet: each stage sets its own
  nothing.sense = Sense::maximise;
  return hold_objective(plan_lp.lp, plan_lp.objective, z, nothing, tol);
}

std::optional<LinearProgram> floor_stage(const Plan& plan, const PlanLp& plan_lp, const LinearProgram& held) {
  const Economy& e = plan.economy;
  const std::vector<bool> with_goal = sectors_with_goals(plan);
  LpBuilder b(held);
  const int mu = b.add_variable("second_stage_growth", 0.0, kInf, 1.0);
  int rows = 0;
  for (std::size_t j = 0; j < e.size(); ++j) {
    if (with_goal[j] || !(e.sectors[j].output > 0.0)) continue;
    const int x = plan_lp.columns.output[j][static_cast<std::size_t>(plan.years)];
    b.add_row(fmt::format("second_stage_floor[{}]", e.sectors[j].id), {{x, 1.0}, {mu, -e.sectors[j].output}}, 0.0, kInf);
    ++rows;
  }
  if (rows == 0) return std::nullopt;
  b.set_sense(Sense::maximise);
  return b.build();
}

LinearProgram size_stage(const Plan& plan, const PlanLp& plan_lp, const LinearProgram& lp, std::optional<double> mu,
                         double tol) {
  LpBuilder b(lp);
  b.clear_objective();
  b.set_sense(Sense::maximise);
  if (mu) {
    auto col = b.column("second_stage_growth");
    if (!col) throw std::logic_error("size_stage: the LP has no second_stage_growth column");
    b.set_bounds(*col, *mu - tol * std::max(1.0, std::fabs(*mu)), kInf);
  }
  const std::vector<double> w = second_stage_weights(plan);
  for (std::size_t j = 0; j < w.size(); ++j)
    if (w[j] != 0.0) b.add_cost(plan_lp.columns.output[j][static_cast<std::size_t>(plan.years)], w[j]);
  return b.build();
}

}  // namespace planner::lp
