#pragma once
// Why a plan has no optimum, in words a student can act on. Infeasible: an elastic re-solve
// lets goal, terminal, resource, capacity, balance, currency and floor rows give way at a
// penalty per unit (targets 1, limits 10, balances 100, so stated targets give way first) and
// reports the rows that must move and by how much. Unbounded: the variables
// that grow without limit.
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "planner/lp/linear_program.hpp"
#include "planner/lp/lp_solution.hpp"
#include "planner/model/plan.hpp"

namespace planner::lp {

/// A solver: LP in, solution out (CLP in the program, anything in tests).
using LpSolver = std::function<LpSolution(const LinearProgram&, const SolveOptions&)>;

/// One row that has to move for the plan to become feasible.
struct Violation {
  std::string row;        ///< e.g. "labour[3]", "goal[coal]", "balance[steel,2]"
  std::string kind;       ///< goal | terminal | resource | capacity | balance | currency | floor
  double amount = 0.0;    ///< by how much (in the row's unit) it must move
  std::string advice;     ///< what that means and what to change
  bool upper = false;     ///< the row's upper bound gives way (raised by amount), else its lower (lowered)
};

struct Diagnosis {
  std::string status;                    ///< infeasible | unbounded | error
  std::string summary;                   ///< one paragraph
  std::vector<Violation> violations;     ///< infeasible: rows that must move, largest first
  std::vector<std::string> unbounded;    ///< unbounded: columns that grow without limit
};

/// Minimises the total violation of the relaxable rows of `lp`; status "infeasible" when it is
/// positive, else "feasible" (the solver's verdict was numerical). With `relative`, each unit of
/// violation is also divided by the row's own size (a sector's base-year output, a resource's
/// availability), so rows in small units (Mt) and large ones (million rubles) give way alike.
Diagnosis diagnose_infeasible(const Plan& plan, const LinearProgram& lp, const LpSolver& solver,
                              const SolveOptions& options, bool relative = false);

/// Re-solves with every column capped at a large bound and names the columns that reach it.
Diagnosis diagnose_unbounded(const Plan& plan, const LinearProgram& lp, const LpSolver& solver,
                             const SolveOptions& options);

/// {"status", "summary", "violations": [{row, kind, amount, advice}], "unbounded": [...]}.
nlohmann::json to_json(const Diagnosis& diagnosis);

/// The diagnosis as plain text lines for a terminal.
std::string to_text(const Diagnosis& diagnosis);

}  // namespace planner::lp
