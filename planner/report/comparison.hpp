#pragma once
// Plan versus feasible versus actual (issue #4): for each plan and each product with a goal
// or a recorded outcome, the base-year output, the stated goal (absolute and as a multiple),
// what the plan LP can reach at maximal fulfilment λ (by the goal year and by the year of the
// recorded outcome), what history recorded, the three ratios, and the binding rows that
// stopped a goal being met. Building it re-solves plans; rendering it (comparison_format,
// html_report) does no numerics.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "planner/model/plan.hpp"
#include "planner/report/binding_constraint.hpp"
#include "planner/report/binding_summary.hpp"
#include "planner/report/plan_bands.hpp"

namespace planner {

/// A figure that may be missing (no goal, no actual, the solve failed).
using Figure = std::optional<double>;

/// One recorded value and where it comes from.
struct RecordedValue {
  double value = 0.0;
  std::string source;
};

/// One product (a sector, or a weighted group goal) of one plan.
struct ProductComparison {
  std::string id;               ///< sector id, or the goal id of a weighted group goal
  std::string name;             ///< display name
  std::string unit;             ///< unit of every quantity below
  bool group = false;           ///< a weighted group goal: quantities are weighted sums
  double base = 0.0;            ///< base-year output x̄
  Figure goal;                  ///< stated goal, absolute (a multiple m gives m·x̄)
  Figure goal_multiple;         ///< stated goal as a multiple of x̄ (a target T gives T/x̄)
  int goal_year = 0;            ///< calendar year of the goal
  std::string goal_source;      ///< the goal's `source`
  Figure feasible;              ///< LP output in the goal year at maximal fulfilment λ (second stage)
  /// Frontier (a): the most of it reachable by its goal year with every goal held at λ*.
  Figure frontier_goals;
  /// Frontier (b): the most of it reachable by `frontier_history_year` with every recorded
  /// product held at its actual (times min(1, θ*) when history is not feasible).
  Figure frontier_history;
  int frontier_history_year = 0; ///< calendar year of frontier (b)
  /// Why `feasible` is below the base year, when it is (empty otherwise).
  std::string below_base;
  Figure feasible_by_actual_year;  ///< LP output in the actual's year, plan truncated to it
  Figure actual;                ///< recorded outcome
  int actual_year = 0;          ///< calendar year of the recorded outcome (0 = none)
  std::string actual_source;
  std::string actual_note;
  std::vector<RecordedValue> actual_alternatives;  ///< other values where sources conflict
  /// Every recorded value of the product by calendar year (the plan may record several years;
  /// `actual` is the latest one not after the goal year, else the earliest).
  std::map<int, double> history;
  std::map<int, double> path;                 ///< LP output by calendar year, full plan
  std::map<int, double> path_by_actual_year;  ///< LP output by calendar year, truncated plan

  /// actual / goal: how much of the stated goal history recorded.
  Figure goal_fulfilment() const;
  /// feasible / goal: how much of the goal the LP could reach (< 1: the goal was infeasible).
  Figure feasibility_gap() const;
  /// actual / feasible, with feasible taken in the actual's year when the actual is earlier
  /// than the goal year and the truncated plan solved (else in the goal year).
  Figure realised_share() const;
  /// The feasible figure realised_share() divides by.
  Figure feasible_for_actual() const;
  /// frontier (a) / goal: how much of its goal the product could reach with the others at λ*.
  Figure frontier_gap() const;
  /// actual / frontier (b): how much of what history allowed the product reached.
  Figure history_share() const;
  /// True when there is a goal, the LP solved, and the feasible output falls short of it.
  bool goal_unmet() const;
};


/// A re-solve of a plan under a changed assumption.
struct Scenario {
  std::string id;               ///< "by-1932", "no-consumption-floor", "no-exports"
  std::string label;            ///< in words, for reports
  int goal_year = 0;            ///< calendar year the goals are asked for
  std::string status;           ///< "optimal", "infeasible", "unbounded", "error"
  Figure fulfilment;            ///< λ
  Figure delta_fulfilment;      ///< λ − the plan's λ
  double imports_value = 0.0;   ///< Σ years Σ sectors import price × imports
  double exports_value = 0.0;   ///< Σ years Σ sectors export price × exports
  Figure delta_imports_value;   ///< imports_value − the plan's
  std::map<std::string, double> feasible;     ///< sector → output in goal_year
  std::map<std::string, double> imports;      ///< sector → imports summed over plan years
  std::map<std::string, double> delta_imports;  ///< sector → imports − the plan's
};

/// History tested against the model (planner/lp/history_test.hpp), in report form.
struct HistorySummary {
  /// "feasible", "infeasible", "model-infeasible", "not-applicable", "error"; empty when not run.
  std::string status;
  std::string verdict;          ///< one sentence
  int year = 0;                 ///< calendar year of the latest record (in a HistorySolver's answer: plan year)
  Figure share;                 ///< θ*: the largest share of every record reachable at once
  std::vector<std::string> findings;  ///< the relaxation in words, when infeasible
  std::vector<std::string> caveats;   ///< why a recorded figure may mislead (notes, conflicting sources)
  std::map<std::string, double> frontier;  ///< product → frontier (b), from the solver
};

/// A product whose frontier is asked: Σ weight·x[sector, year] (year: plan year 1…T).
struct FrontierQuestion {
  std::string id;
  std::map<std::string, double> weights;  ///< sector id → weight (one sector: weight 1)
  int year = 0;
};

/// One technique of a product and what it made by year (models with [[process]], issue #19).
struct TechniqueUse {
  std::string product;          ///< sector id
  std::string process;          ///< process id
  std::string name;             ///< display name
  std::string kind;             ///< "make", "import", "export"
  std::map<int, double> output; ///< calendar year → product made (or traded) by it: activity × output per unit
};

/// Where a figure comes from: one source text and what cites it.
struct SourceNote {
  std::string text;
  std::vector<std::string> cited_by;  ///< "goal coal", "actual coal", "sector coal"
};

/// One plan's comparison.
struct PlanComparison {
  std::string name;
  std::string file;
  std::string model_name;
  std::string description;
  int base_year = 0;            ///< calendar year of year 0
  int years = 0;                ///< T
  int goal_year = 0;            ///< calendar year of T
  std::string status;           ///< of the max-fulfilment solve; "no-goals" when nothing to fulfil
  std::string diagnosis;        ///< when not optimal
  Figure fulfilment;            ///< λ: the share of every goal reachable at once
  double imports_value = 0.0;
  double exports_value = 0.0;
  std::map<std::string, double> imports;  ///< sector → imports summed over plan years
  std::vector<ProductComparison> products;
  std::vector<BindingConstraint> binding;  ///< by |shadow price|, largest first
  std::vector<BindingFamily> binding_families;  ///< the binding rows, one sentence per family and subject
  /// The second stage (planner/lp/second_stage.hpp): weighting when the quantities come from it.
  std::string second_stage;
  Figure second_stage_growth;   ///< μ*: products without a goal reach ≥ μ*·x̄ in the goal year
  std::vector<BindingConstraint> second_stage_binding;  ///< what bounds μ* (∂μ per unit), largest first
  std::string second_stage_note;
  HistorySummary history;
  std::vector<std::string> summary;  ///< three sentences a teacher could read aloud
  std::vector<Scenario> scenarios;
  std::vector<SourceNote> sources;
  /// The technique mix of the max-fulfilment solve, processes in model order; empty without processes.
  std::vector<TechniqueUse> techniques;
  /// How sure the verdicts are (`compare --samples N`); none without draws.
  std::optional<PlanBands> bands;

  /// Products whose goal the LP could not reach.
  std::vector<const ProductComparison*> unmet_goals() const;
  /// The scenario with this id, or nullptr.
  const Scenario* scenario(const std::string& id) const;
};

/// Several plans side by side.
struct Comparison {
  std::vector<PlanComparison> plans;
  /// Every source of every plan, de-duplicated, in order of first appearance.
  std::vector<SourceNote> sources() const;
};

// ---- Building: the numerics of what to re-solve ------------------------------------------

/// What the comparison needs from one LP solve (an adapter fills it from the LP library's
/// result; tests hand in fakes). Years are plan years 0…H.
struct SolveSummary {
  std::string status = "error";   ///< "optimal", "infeasible", "unbounded", "error"
  std::string diagnosis;
  Figure fulfilment;              ///< λ
  std::map<std::string, std::map<int, double>> output;   ///< sector → t → x[j,t]
  std::map<std::string, std::map<int, double>> imports;  ///< sector → t → m[i,t]
  std::map<std::string, std::map<int, double>> exports;  ///< sector → t → z[i,t]
  std::map<std::string, std::map<int, double>> activity; ///< process → t → activity[p,t]
  std::vector<BindingConstraint> binding;  ///< years as plan years t (converted later)
  std::string second_stage;       ///< weighting of the second stage that gave the quantities, or ""
  Figure second_stage_growth;     ///< μ*
  std::vector<BindingConstraint> second_stage_binding;  ///< years as plan years t
  std::string second_stage_note;
};

/// Solves one plan; the default calls the LP library (planner/report/plan_solve.hpp).
using PlanSolver = std::function<SolveSummary(const Plan&)>;
/// Frontiers of the max-fulfilment plan with λ held at `level`, one per question (nullopt where
/// the LP has no optimum); the default calls planner/lp/frontier.hpp.
using FrontierSolver = std::function<std::vector<Figure>(const Plan&, double level, const std::vector<FrontierQuestion>&)>;
/// The history test of a plan and frontier (b) of each question (planner/lp/history_test.hpp).
using HistorySolver = std::function<HistorySummary(const Plan&, const std::vector<FrontierQuestion>&)>;

struct ComparisonOptions {
  bool by_actual_year = true;          ///< re-solve truncated to each earlier actual year
  bool no_consumption_floor = false;   ///< re-solve with exogenous demand set to zero
  bool no_exports = false;             ///< re-solve with every paid export limited to zero
  FrontierSolver frontier;             ///< frontier (a) of every product; none when unset
  HistorySolver history;               ///< the history test and frontier (b); none when unset
};

/// The plan re-posed as `max-fulfilment` of its goals, without a `then` objective, so every
/// shadow price reads as a change of λ (the plan's own objective is not used).
Plan fulfilment_plan(const Plan& plan);
/// The plan truncated to `years` (T' < T): goals later than T' are asked for in T'.
Plan truncated_plan(const Plan& plan, int years);
/// The plan with its exogenous final demand set to zero in every plan year 1…H (a demand the
/// plan places in the base year 0 is kept).
Plan without_consumption_floor(const Plan& plan);
/// The plan with every export that earns currency (export price > 0) limited to zero; a
/// zero-price export is only a way to dispose of output and is left alone.
Plan without_exports(const Plan& plan);

/// Per-sector goals of a plan (sector goals, and unweighted group goals applied to each
/// member; a sector goal wins over its group's). Value: (absolute target, plan year).
std::map<std::string, std::pair<double, int>> sector_goals(const Plan& plan);

/// Fills the names and units of binding rows from the plan's model, turns their plan years into
/// calendar years (0 for none) and sorts them by |shadow price|, largest first.
void name_binding(const Plan& plan, std::vector<BindingConstraint>& rows);

/// Compares one plan: solves it (and its scenarios) with `solve`.
PlanComparison compare_plan(const Plan& plan, const ComparisonOptions& options, const PlanSolver& solve);
/// Compares several plans side by side.
Comparison compare_plans(const std::vector<Plan>& plans, const ComparisonOptions& options, const PlanSolver& solve);

}  // namespace planner
