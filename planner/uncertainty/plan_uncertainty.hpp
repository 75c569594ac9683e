#pragma once
// What a Monte Carlo run says about a plan: per product and year the feasible target's
// 5/25/50/75/95 percentiles and the probability that the stated goal was feasible; the first
// stage's objective (λ*) likewise; how often each constraint binds and at what shadow price;
// and every draw without an optimum, counted by what went wrong.
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "planner/uncertainty/plan_draws.hpp"

namespace planner::uncertainty {

using Band = std::array<double, 5>;  ///< percentiles 5, 25, 50, 75, 95

struct TargetBand {
  std::string product;
  int year = 0;                             ///< calendar year
  std::optional<Band> target;               ///< over the draws with an optimum; none when no draw had one
  std::optional<double> goal;               ///< the nominal goal, when the plan states one then
  /// Share of the draws consistent with the base year whose feasible target reached the draw's goal.
  std::optional<double> prob_goal_feasible;
};

struct BindingShare {
  std::string row;
  double share = 0.0;  ///< of the draws with an optimum
  Band shadow{};       ///< shadow price percentiles over the draws in which the row binds
};

struct FailureCount {
  std::string status;   ///< infeasible | unbounded | error | bad-draw
  std::string failure;  ///< the diagnosis's summary (or the error)
  std::size_t count = 0;
};

struct PlanUncertainty {
  std::string plan;            ///< the plan file's stem (CSV's `plan` column)
  std::string name;            ///< the plan's name
  std::string objective_kind;
  std::size_t samples = 0;
  std::size_t solved = 0;      ///< draws with an optimum
  /// Draws whose year 0 cannot hold (PlanDraw status base-year): set aside and counted; the
  /// probabilities are shares of the other draws (conditional on the recorded base year).
  std::size_t base_year = 0;
  BaseYearClosure closure = BaseYearClosure::hold_use;  ///< how the draws met the base year
  std::size_t numbers = 0;     ///< uncertain numbers in its files
  std::size_t groups = 0;      ///< independent inputs
  std::optional<Band> objective;        ///< λ* (max-fulfilment) or the objective
  std::optional<double> prob_all_goals; ///< max-fulfilment: share of the draws consistent with the base year with λ* ≥ 1
  std::vector<TargetBand> targets;
  std::vector<BindingShare> binding;    ///< most often binding first
  std::vector<FailureCount> failures;   ///< most frequent first
};

/// Told after each finished draw: (done, total).
using DrawProgress = std::function<void(std::size_t, std::size_t)>;

/// Draws [first, first + count) of the run with `seed`, over `threads` threads (0 = all).
std::vector<PlanDraw> run_draws(const UncertainPlan& plan, std::uint64_t seed, std::size_t first, std::size_t count,
                                const lp::SolveOptions& options, unsigned threads = 0, const DrawProgress& progress = {});

/// The summary of a whole run's draws (in draw order).
PlanUncertainty summarise(const UncertainPlan& plan, const std::vector<PlanDraw>& draws);

/// A relative tolerance for "the target reached the goal" (LP accuracy, not economics).
inline constexpr double goal_tolerance = 1e-6;

}  // namespace planner::uncertainty
