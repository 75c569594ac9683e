#pragma once
// The numbers of a plan a student may change (issue #21, `planner serve`): goals, opening
// capacities, resource limits by year, the consumption floor (exogenous demand) and the
// technical and capital coefficients, each under a stable id; and the plan file rewritten
// with edits of them, a plan `planner solve` reads (the overrides of plan_overrides.hpp).
#include <string>
#include <vector>

#include "planner/model/plan.hpp"

namespace planner {

/// One number of a plan that can be edited.
struct EditableNumber {
  /// "goal.<goal id>", "capacity.<sector>", "resource.<id>" (one value for every year) or
  /// "resource.<id>.<calendar year>", "demand.<sector>", "technical.<row>.<col>", "capital.<row>.<col>".
  std::string id;
  std::string kind;    ///< goal | capacity | resource | floor | technical | capital
  std::string label;   ///< in words: "Electricity goal (multiple of 1928 output)"
  std::string unit;    ///< unit of the value ("× base-year output" for a multiple)
  std::string subject; ///< sector, goal or resource id
  int year = 0;        ///< calendar year of a per-year resource limit or a goal, else 0
  double value = 0.0;  ///< the plan's value
};

/// An edit: number `id` set to `value`.
struct PlanEdit {
  std::string id;
  double value = 0.0;
};

/// Every editable number of `plan`, in a stable order (goals, capacities, resources, floor,
/// technical, capital). Coefficients: every cell up to 30 sectors, else the non-zero ones.
std::vector<EditableNumber> editable_numbers(const Plan& plan);

/// `plan_text` (the TOML of `plan`) with `edits` written in, `model` set to the model's absolute
/// path (so the file solves wherever it is saved) and a first comment naming `origin`.
/// Throws Error (bad input) naming "edits[i]" for an unknown id or a value that is not finite;
/// the value's domain is checked when the text is read as a plan.
std::string edited_plan_toml(const std::string& plan_text, const Plan& plan, const std::vector<PlanEdit>& edits,
                             const std::string& origin);

}  // namespace planner
