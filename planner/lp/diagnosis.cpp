#include "planner/lp/diagnosis.hpp"
#include "planner/lp/row_name.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace planner::lp {
namespace {

std::string family(const std::string& row) { return parse_row_name(row).family; }
std::string inside(const std::string& row) {
  auto open = row.find('['), close = row.rfind(']');
  return open == std::string::npos ? "" : row.substr(open + 1, close - open - 1);
}

// The kind of a row the elastic re-solve may relax, or "" for rows that must hold.
std::string relaxable_kind(const Plan& plan, const std::string& row) {
  const std::string fam = family(row);
  if (fam == "goal" || fam == "fulfilment_goal" || fam == "shortfall_goal") return "goal";
  if (fam == "terminal" || fam == "capacity" || fam == "balance" || fam == "currency" || fam == "floor") return fam;
  if (plan.economy.resource_index(fam)) return "resource";
  return "";
}

// Penalty per unit of violation: stated targets (goals, the terminal condition, floors) give
// way first, then limits (resources, capacities, foreign currency), and the material balances
// — accounting identities — only when nothing else can.
double penalty(const std::string& kind) {
  if (kind == "goal" || kind == "terminal" || kind == "floor") return 1.0;
  if (kind == "balance") return 100.0;
  return 10.0;
}

// The size a relative penalty divides by: the sector's base-year output for sector rows, the
// row's finite bound for a resource or the currency; 1 where there is none.
double row_size(const Plan& plan, const LinearProgram& lp, int i, const std::string& kind) {
  const std::string& row = lp.row_names[i];
  if (kind == "balance" || kind == "capacity" || kind == "terminal" || kind == "floor") {
    std::string id = inside(row);
    id = id.substr(0, id.find(','));
    if (auto j = plan.economy.sector_index(id); j && plan.economy.sectors[*j].output > 0.0) return plan.economy.sectors[*j].output;
    return 1.0;
  }
  const double bound = std::isinf(lp.row_upper[i]) ? lp.row_lower[i] : lp.row_upper[i];
  return std::isfinite(bound) && std::fabs(bound) > 1e-9 ? std::fabs(bound) : 1.0;
}

std::string num(double v) { return fmt::format("{:.6g}", v); }

// "coal,3" → ("coal", "3")
std::pair<std::string, std::string> split(const std::string& s) {
  auto comma = s.rfind(',');
  if (comma == std::string::npos) return {s, ""};
  return {s.substr(0, comma), s.substr(comma + 1)};
}

std::string advice(const std::string& kind, const std::string& row, double amount, bool surplus, const LinearProgram& lp,
                   int i) {
  auto [id, year] = split(inside(row));
  const std::string a = num(amount);
  if (kind == "resource")
    return fmt::format("{} in year {} would have to exceed its availability ({}) by {}: make more available "
                       "(resources.{}.available) or ask for less output or capacity building",
                       family(row), inside(row), num(lp.row_upper[i]), a, family(row));
  if (kind == "capacity")
    return fmt::format("{} output in year {} would have to exceed its capacity by {}: raise the opening capacity, "
                       "or leave time for capacity building (capital lag)", id, year, a);
  if (kind == "balance" && !surplus)
    return fmt::format("{} in year {} is short by {}: stocks and output cannot cover the inputs, capacity building and "
                       "final demand of that year; lower demand, raise opening stocks, or allow more capacity",
                       id, year, a);
  if (kind == "balance")
    return fmt::format("{} in year {} has {} more than can be used and it cannot be carried on (no stock after the "
                       "last year): extend the horizon, add demand in that year, or drop the terminal condition", id, year, a);
  if (kind == "terminal")
    return fmt::format("the steady-state output of {} in the terminal year (at least {}) is missed by {}: "
                       "allow more plan years or drop terminal = \"steady-state\"", inside(row), num(lp.row_lower[i]), a);
  if (kind == "goal")
    return fmt::format("goal {} is missed by {} (in the goal's unit): lower it, give it a later year, or use "
                       "objective kind = \"min-shortfall\" to see how close the plan can come", inside(row), a);
  if (kind == "currency")
    return fmt::format("foreign currency in year {} is short by {}: allow credit ([trade] credit), raise export "
                       "limits, or import less", inside(row), a);
  if (kind == "floor")
    return fmt::format("the consumption floor of {} in year {} is missed by {}: lower the floor", id, year, a);
  return fmt::format("row {} must move by {}", row, a);
}

}  // namespace

Diagnosis diagnose_infeasible(const Plan& plan, const LinearProgram& lp, const LpSolver& solver,
                              const SolveOptions& options, bool relative) {
  // Elastic form: every relaxable row gets a nonnegative slack that lets it give way; the
  // penalised sum of the slacks is minimised and the plan's objective is dropped.
  LpBuilder b(lp);
  b.clear_objective();
  b.set_sense(Sense::minimise);
  struct Slack {
    int row, col;
    std::string kind;
    bool surplus;
    bool upper;
  };
  std::vector<Slack> slacks;
  for (int i = 0; i < lp.num_row; ++i) {
    const std::string kind = relaxable_kind(plan, lp.row_names[i]);
    if (kind.empty()) continue;
    const bool has_lower = !std::isinf(lp.row_lower[i]), has_upper = !std::isinf(lp.row_upper[i]);
    const bool equality = lp.row_lower[i] == lp.row_upper[i];
    const double cost = penalty(kind) / (relative ? row_size(plan, lp, i, kind) : 1.0);
    if (has_lower) {  // a ≥ row or a balance gets help from the left: extra supply, less requirement
      int col = b.add_variable("short[" + lp.row_names[i] + "]", 0.0, kInf, cost);
      b.add_coefficient(i, col, 1.0);
      slacks.push_back({i, col, kind, false, false});
    }
    if (has_upper) {  // a ≤ row (or a balance's surplus) may be exceeded
      int col = b.add_variable("excess[" + lp.row_names[i] + "]", 0.0, kInf, cost);
      b.add_coefficient(i, col, -1.0);
      slacks.push_back({i, col, kind, equality, true});
    }
  }
  LpSolution s = solver(b.build(), options);

  Diagnosis d;
  if (s.status != SolveStatus::optimal) {
    d.status = "error";
    d.summary = "The plan has no solution, and the elastic re-solve that would say why failed too (" +
                to_string(s.status) + "); check the model's data for extreme numbers.";
    return d;
  }
  for (const Slack& sl : slacks) {
    double v = s.col_value[static_cast<std::size_t>(sl.col)];
    if (v <= 1e-7) continue;
    const std::string& row = lp.row_names[sl.row];
    d.violations.push_back({row, sl.kind, v, advice(sl.kind, row, v, sl.surplus, lp, sl.row), sl.upper});
  }
  std::stable_sort(d.violations.begin(), d.violations.end(),
                   [](const Violation& x, const Violation& y) { return x.amount > y.amount; });
  if (d.violations.empty()) {
    d.status = "feasible";
    d.summary = "The solver reported no solution, but the elastic re-solve finds the plan feasible: "
                "the data are probably badly scaled.";
    return d;
  }
  d.status = "infeasible";
  d.summary = fmt::format(
      "The plan cannot be met: its goals, resources, capacities and balances cannot all hold together. "
      "The least change that makes it feasible (targets give way before limits, limits before balances) "
      "moves {} row{}:",
      d.violations.size(), d.violations.size() == 1 ? "" : "s");
  return d;
}

Diagnosis diagnose_unbounded(const Plan& plan, const LinearProgram& lp, const LpSolver& solver,
                             const SolveOptions& options) {
  // Cap every column at a bound far beyond the data; what reaches the cap grows without limit.
  double scale = 1.0;
  for (double v : lp.row_lower) if (std::isfinite(v)) scale = std::max(scale, std::fabs(v));
  for (double v : lp.row_upper) if (std::isfinite(v)) scale = std::max(scale, std::fabs(v));
  const double cap = 1e6 * scale;
  LinearProgram capped = lp;
  for (double& u : capped.col_upper) u = std::min(u, cap);
  LpSolution s = solver(capped, options);
  Diagnosis d;
  d.status = "unbounded";
  if (s.status == SolveStatus::optimal)
    for (int j = 0; j < lp.num_col; ++j)
      if (s.col_value[static_cast<std::size_t>(j)] >= 0.5 * cap) d.unbounded.push_back(lp.col_names[j]);
  d.summary = fmt::format(
      "The objective ({}) can grow without limit: nothing bounds {}. Give the sectors involved a capacity, "
      "limit a resource they use, or choose a bounded objective.",
      to_string(plan.objective.kind),
      d.unbounded.empty() ? std::string("some variables")
                          : fmt::format("{}{}", fmt::join(d.unbounded.begin(), d.unbounded.begin() + std::min<std::size_t>(d.unbounded.size(), 6), ", "),
                                        d.unbounded.size() > 6 ? ", …" : ""));
  return d;
}

nlohmann::json to_json(const Diagnosis& d) {
  nlohmann::json j;
  j["status"] = d.status;
  j["summary"] = d.summary;
  nlohmann::json v = nlohmann::json::array();
  for (const auto& x : d.violations)
    v.push_back({{"row", x.row}, {"kind", x.kind}, {"amount", x.amount}, {"advice", x.advice}});
  j["violations"] = v;
  j["unbounded"] = d.unbounded;
  return j;
}

std::string to_text(const Diagnosis& d) {
  std::string out = d.summary + "\n";
  for (const auto& v : d.violations) out += "  - " + v.row + ": " + v.advice + "\n";
  return out;
}

}  // namespace planner::lp
