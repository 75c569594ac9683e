#pragma once
// What a solved plan says (spec §2, §4): status, objective, the plan's variables by sector
// and year, resource use against limits, shadow prices and binding rows, and when there is
// no optimum a diagnosis. Plain data plus its JSON form.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "planner/lp/diagnosis.hpp"
#include "planner/lp/linear_program.hpp"
#include "planner/lp/lp_solution.hpp"
#include "planner/lp/plan_lp_builder.hpp"
#include "planner/lp/solution_check.hpp"
#include "planner/model/plan.hpp"

namespace planner::lp {

/// Values by id and year, ids kept in model order: series.at("coal", 3).
struct Series {
  std::vector<std::string> ids;
  std::vector<std::map<int, double>> values;   ///< one map year → value per id

  /// Sets the value of `id` in `year` (adding the id at the end when new).
  void set(const std::string& id, int year, double value);
  /// The value of `id` in `year`, or nullopt when the series has none.
  std::optional<double> get(const std::string& id, int year) const;
  /// The value of `id` in `year`; throws std::out_of_range when absent.
  double at(const std::string& id, int year) const;
  bool empty() const { return ids.empty(); }
};

/// A row that binds at the optimum, with its shadow price.
struct BindingRow {
  std::string row;
  double shadow_price = 0.0;
};

struct PlanResult {
  std::string status = "error";          ///< optimal | infeasible | unbounded | error (spec §4)
  SolveStatus solver_status = SolveStatus::numerical;
  std::string message;                   ///< solver's words when status is error
  std::string objective_kind;            ///< "max-capacity", …
  std::optional<double> objective;       ///< primary objective, constant terms included
  std::string then_kind;                 ///< the `then` objective's kind, empty without one
  std::optional<double> then_objective;  ///< its value at the lexicographic optimum
  std::vector<int> years;                ///< 0 … H

  Series output, capacity, capacity_additions, stock, exports, imports, consumption;
  /// Techniques (Economy::processes; all empty without them): activity by process id and year,
  /// and each product's processes in model order — the technique mix per product and year.
  Series activity;
  std::vector<std::pair<std::string, std::vector<std::string>>> techniques;
  /// By process id and plan year: what a unit of the process's activity would have to save,
  /// valued at the optimum's shadow prices in the objective's units, to be worth using — its
  /// reduced cost with the sign turned so that ≥ 0 means "not worth it" (0 for a process in use).
  /// From the same solve as the shadow prices (the first stage when a second stage ran).
  Series reduced_cost;
  Series resource_use;                   ///< use of each resource by year, as in its row
  Series resource_limits;                ///< availability of limited resources by year
  std::optional<double> fulfilment;      ///< λ of max-fulfilment
  /// The second stage of a goal objective (second_stage.hpp): its weighting ("base-output",
  /// "prices") when the quantities above come from it, else empty (first-stage vertex).
  std::string second_stage;
  std::optional<double> second_stage_growth;  ///< μ*: products without a goal reach ≥ μ*·x̄ in year T
  std::string second_stage_note;         ///< why a second stage that was due did not finish
  /// What bounds μ*: the floor stage's binding rows with shadow prices (∂μ per unit), largest first.
  std::vector<BindingRow> second_stage_binding;
  std::vector<std::pair<std::string, double>> shortfall;  ///< min-shortfall: goal → u

  /// Shadow prices (of the first stage when a second stage ran): gain in the objective (in its own sense) per unit the row is relaxed —
  /// one more unit of the good supplied (balance), of capacity, of a resource available, or
  /// one unit less required (terminal, goal, floor, currency).
  Series shadow_balance, shadow_capacity, shadow_resource;
  std::vector<std::pair<std::string, double>> shadow_other;  ///< terminal, goal, currency, floor rows
  std::vector<BindingRow> binding;
  std::optional<Diagnosis> diagnosis;    ///< set when status is not optimal
  std::optional<SolutionCheck> accuracy; ///< KKT check of the optimal answer read (solution_check.hpp)
};

/// Reads the plan's quantities, shadow prices and binding rows from an optimal `solution` of `lp`,
/// and checks the solution's accuracy against `lp` (PlanResult::accuracy).
PlanResult read_plan_result(const Plan& plan, const PlanLp& plan_lp, const LinearProgram& lp, const LpSolution& solution);

/// The shadow price of row `i` as PlanResult defines it (gain per unit of relaxation).
double shadow_price(const LinearProgram& lp, const LpSolution& solution, int i);

/// True when row i binds: an inequality at its bound, or any row with a nonzero shadow price.
bool is_binding(const LinearProgram& lp, const LpSolution& solution, int i);

/// "warning: the solution is inaccurate: …\n" when the result's accuracy check is poor, else "".
std::string accuracy_warning(const PlanResult& result);

/// The JSON object of spec §4 (keys stable; series years as strings "0" … "H").
nlohmann::json to_json(const PlanResult& result);

}  // namespace planner::lp
