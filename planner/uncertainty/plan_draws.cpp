#include "planner/uncertainty/plan_draws.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "planner/io/plan_reader.hpp"
#include "planner/lp/row_name.hpp"
#include "planner/model/error.hpp"
#include "planner/uncertainty/random_stream.hpp"

namespace planner::uncertainty {
namespace {

std::vector<TargetCell> target_cells(const Plan& plan) {
  std::vector<TargetCell> cells;
  for (const Sector& s : plan.economy.sectors)
    for (int t = 1; t <= plan.years; ++t) {
      TargetCell c{s.id, t, -1};
      for (std::size_t g = 0; g < plan.goals.size(); ++g)
        if (plan.goals[g].sector == s.id && plan.goals[g].year == t) c.goal = static_cast<int>(g);
      cells.push_back(c);
    }
  return cells;
}

/// The rows that must move, largest first (at most four), so draws that fail alike count
/// together; the solver's words when there is no such list.
std::string failure_words(const lp::PlanResult& r) {
  if (!r.diagnosis) return r.message;
  const auto& v = r.diagnosis->violations;
  if (v.empty()) return r.diagnosis->summary;
  std::vector<std::string> rows;
  for (std::size_t k = 0; k < v.size() && k < 4; ++k) rows.push_back(v[k].row);
  std::sort(rows.begin(), rows.end());
  std::string words = "must move: ";
  for (std::size_t k = 0; k < rows.size(); ++k) words += (k ? ", " : "") + rows[k];
  if (v.size() > 4) words += fmt::format(" and {} more", v.size() - 4);
  return words;
}

/// Infeasible only in year 0: the draw's coefficients cannot reproduce the base year the
/// files record (its output cannot cover its own inputs and consumption), whatever the plan.
bool contradicts_base_year(const lp::PlanResult& r) {
  if (r.status != "infeasible" || !r.diagnosis || r.diagnosis->violations.empty()) return false;
  for (const auto& v : r.diagnosis->violations)
    if (lp::parse_row_name(v.row).year != 0) return false;
  return true;
}

}  // namespace

std::optional<double> sector_goal_amount(const Plan& plan, const Goal& goal) {
  if (goal.sector.empty()) return std::nullopt;
  if (goal.target) return *goal.target;
  auto i = plan.economy.sector_index(goal.sector);
  if (!i || !goal.multiple) return std::nullopt;
  return *goal.multiple * plan.economy.sectors[*i].output;
}

UncertainPlan::UncertainPlan(std::filesystem::path file, BaseYearClosure closure, Pose pose)
    : file_(std::move(file)), closure_(closure), pose_(std::move(pose)) {
  auto [plan, inputs] = UncertainInputs::collect([&] { return read_plan(file_); });
  nominal_ = pose_ ? pose_(plan) : std::move(plan);
  inputs_ = std::move(inputs);
  cells_ = target_cells(nominal_);
}

Plan UncertainPlan::at(const std::vector<double>& u) const {
  Plan plan = inputs_.read_at(u, [&] { return read_plan(file_); });
  if (pose_) plan = pose_(plan);
  if (closure_ == BaseYearClosure::hold_use) hold_base_year_use(plan, nominal_);
  return plan;
}

PlanDraw UncertainPlan::solve_draw(std::uint64_t seed, std::uint64_t draw, const lp::SolveOptions& options) const {
  std::vector<double> u(inputs_.size());
  for (std::size_t g = 0; g < u.size(); ++g) u[g] = uniform01(seed, draw, g);
  return solve_at(u, options);
}

PlanDraw UncertainPlan::solve_at(const std::vector<double>& u, const lp::SolveOptions& options) const {
  PlanDraw out;
  Plan plan;
  try {
    plan = at(u);
  } catch (const Error& e) {  // a drawn value outside what the model allows (say, depreciation ≥ 1)
    out.status = "bad-draw";
    out.failure = (e.where().empty() ? "" : e.where() + ": ") + e.message();
    return out;
  }
  const lp::PlanResult r = lp::solve_plan(plan, options);
  out.status = r.status;
  out.objective = r.fulfilment ? r.fulfilment : r.objective;
  out.goals.assign(cells_.size(), std::numeric_limits<double>::quiet_NaN());
  for (std::size_t c = 0; c < cells_.size(); ++c)
    if (cells_[c].goal >= 0)
      if (auto g = sector_goal_amount(plan, plan.goals[static_cast<std::size_t>(cells_[c].goal)])) out.goals[c] = *g;
  if (r.status != "optimal") {
    out.failure = failure_words(r);
    if (contradicts_base_year(r)) out.status = "base-year";
    return out;
  }
  out.targets.reserve(cells_.size());
  for (const TargetCell& c : cells_) out.targets.push_back(r.output.get(c.product, c.year).value_or(0.0));
  out.binding = r.binding;
  return out;
}

}  // namespace planner::uncertainty
