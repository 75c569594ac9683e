#pragma once
// Monte Carlo over a plan (docs/uncertainty.md): draw d reads the plan's files with every
// uncertain number drawn at u[g] = uniform01(seed, d, g) and solves the plan LP, first stage
// and second, exactly as `planner solve` does. A draw depends on (seed, d) only, so any number
// of threads, or shards on a cluster, give the same draws.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "planner/lp/plan_result.hpp"
#include "planner/lp/solve_plan.hpp"
#include "planner/model/plan.hpp"
#include "planner/uncertainty/base_year_closure.hpp"
#include "planner/uncertainty/uncertain_inputs.hpp"

namespace planner::uncertainty {

/// A product and plan year whose feasible target the run reports; `goal` says whether the
/// plan states a goal for it then (sector goals only).
struct TargetCell {
  std::string product;
  int year = 0;        ///< plan year t (1…T)
  int goal = -1;       ///< index into Plan::goals, or −1
};

/// What one draw gave.
struct PlanDraw {
  /// optimal | infeasible | unbounded | error | bad-draw (a drawn value the model refuses) |
  /// base-year (infeasible in year 0 only: the draw contradicts the recorded base year)
  std::string status = "error";
  std::optional<double> objective;   ///< the first stage's objective (λ* for max-fulfilment)
  std::vector<double> targets;       ///< one per TargetCell (empty unless optimal)
  std::vector<double> goals;         ///< the drawn goal of each TargetCell with a goal (NaN otherwise)
  std::vector<lp::BindingRow> binding;  ///< rows of the first stage that bind, with shadow prices
  std::string failure;               ///< why it has no optimum (diagnosis summary, or the error)
};

/// A plan with its uncertain inputs, read once.
class UncertainPlan {
 public:
  /// How each read of the plan is posed before it is solved (`compare` poses every plan as
  /// max-fulfilment); none: solved as written.
  using Pose = std::function<Plan(const Plan&)>;

  explicit UncertainPlan(std::filesystem::path file, BaseYearClosure closure = BaseYearClosure::hold_use,
                         Pose pose = {});

  const std::filesystem::path& file() const { return file_; }
  const Plan& nominal() const { return nominal_; }
  const UncertainInputs& inputs() const { return inputs_; }
  const std::vector<TargetCell>& cells() const { return cells_; }
  BaseYearClosure closure() const { return closure_; }

  /// The plan read at the point u (one value in (0,1) per input group), its base year closed
  /// as closure() says.
  Plan at(const std::vector<double>& u) const;
  /// Draw `draw` of the run with `seed`: the point, the plan read there, and its solve.
  PlanDraw solve_draw(std::uint64_t seed, std::uint64_t draw, const lp::SolveOptions& options) const;
  /// The same at a given point (Sobol designs choose their own points).
  PlanDraw solve_at(const std::vector<double>& u, const lp::SolveOptions& options) const;

 private:
  std::filesystem::path file_;
  Plan nominal_;
  UncertainInputs inputs_;
  std::vector<TargetCell> cells_;
  BaseYearClosure closure_ = BaseYearClosure::hold_use;
  Pose pose_;
};

/// The goal's amount in its sector's unit (target, or multiple × base-year output); nullopt
/// for group goals.
std::optional<double> sector_goal_amount(const Plan& plan, const Goal& goal);

}  // namespace planner::uncertainty
