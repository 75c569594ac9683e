#include "planner/lp/solution_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace planner::lp {
namespace {

std::string row_label(const LinearProgram& lp, int i) {
  const auto k = static_cast<std::size_t>(i);
  return "row " + (k < lp.row_names.size() && !lp.row_names[k].empty() ? lp.row_names[k] : std::to_string(i));
}

std::string column_label(const LinearProgram& lp, int j) {
  const auto k = static_cast<std::size_t>(j);
  return "column " + (k < lp.col_names.size() && !lp.col_names[k].empty() ? lp.col_names[k] : std::to_string(j));
}

// Records one residual: the worst place is the one with the largest scaled figure. NaN counts as ∞.
void note(Residual& r, double absolute, double scale, const std::string& where) {
  if (std::isnan(absolute)) absolute = kInf;
  r.max_absolute = std::max(r.max_absolute, absolute);
  const double scaled = std::isinf(absolute) ? kInf : absolute / scale;
  if (scaled > r.scaled) {
    r.scaled = scaled;
    r.absolute = absolute;
    r.where = where;
  }
}

void poison(Residual& r, const std::string& where) {
  r.absolute = r.scaled = r.max_absolute = kInf;
  r.where = where;
}

bool within(const Residual& r, double tolerance) { return r.scaled <= tolerance; }  // false for NaN

}  // namespace

double SolutionCheck::worst() const {
  return std::max({primal.scaled, dual.scaled, complementarity.scaled, objective.scaled});
}

SolutionCheck check_solution(const LinearProgram& lp, const LpSolution& s, double tolerance) {
  SolutionCheck c;
  c.tolerance = tolerance;
  const auto n = static_cast<std::size_t>(lp.num_col), m = static_cast<std::size_t>(lp.num_row);
  if (s.col_value.size() != n || s.row_dual.size() != m) {
    for (Residual* r : {&c.primal, &c.dual, &c.complementarity, &c.objective}) poison(*r, "solution size");
    c.ok = false;
    return c;
  }
  const std::vector<double>& x = s.col_value;
  const std::vector<double>& y = s.row_dual;
  const double sense = lp.sense == Sense::maximise ? 1.0 : -1.0;  // s·d > 0: raising x gains

  // Row activities and the largest term of each row; reduced costs d = c − Aᵀy and their largest terms.
  std::vector<double> ax(m, 0.0), row_term(m, 0.0), row_norm(m, 0.0), d(lp.col_cost), col_term(n, 0.0);
  double cost_norm = 0.0, cost_terms = 0.0;
  for (std::size_t j = 0; j < n; ++j) {
    cost_norm = std::max(cost_norm, std::fabs(lp.col_cost[j]));
    cost_terms += std::fabs(lp.col_cost[j] * x[j]);
    col_term[j] = std::fabs(lp.col_cost[j]);
    for (int k = lp.a_start[j]; k < lp.a_start[j + 1]; ++k) {
      const auto i = static_cast<std::size_t>(lp.a_index[static_cast<std::size_t>(k)]);
      const double a = lp.a_value[static_cast<std::size_t>(k)];
      ax[i] += a * x[j];
      row_term[i] = std::max(row_term[i], std::fabs(a * x[j]));
      row_norm[i] = std::max(row_norm[i], std::fabs(a));
      d[j] -= a * y[i];
      col_term[j] = std::max(col_term[j], std::fabs(a * y[i]));
    }
  }
  // One unit of the objective: its largest coefficient (1 for a zero objective).
  const double unit = cost_norm > 0.0 ? cost_norm : 1.0;
  // A reduced cost is measured against the prices it is made of, at least 1e-9 of the unit.
  std::vector<double> dual_scale(n);
  for (std::size_t j = 0; j < n; ++j) dual_scale[j] = std::max(col_term[j], 1e-9 * unit);
  // A row's dual against the prices of the columns it touches.
  std::vector<double> row_dual_scale(m, 1e-9 * unit);
  for (std::size_t j = 0; j < n; ++j)
    for (int k = lp.a_start[j]; k < lp.a_start[j + 1]; ++k) {
      auto& r = row_dual_scale[static_cast<std::size_t>(lp.a_index[static_cast<std::size_t>(k)])];
      r = std::max(r, dual_scale[j]);
    }

  // Distance to the bound a dual's sign selects, times the dual: one complementarity term.
  std::vector<std::pair<double, std::string>> products;
  auto complement = [&](double gain, double value, double lo, double hi, const std::string& where, Residual& dual,
                        double scale) {
    if (gain > 0.0) {  // raising the value (or the row's upper bound) would gain: it must sit at a finite upper bound
      if (std::isinf(hi)) note(dual, gain, scale, where);
      else products.emplace_back(std::fabs((hi - value) * gain), where);
    } else if (gain < 0.0) {
      if (std::isinf(lo)) note(dual, -gain, scale, where);
      else products.emplace_back(std::fabs((value - lo) * gain), where);
    } else if (std::isnan(gain)) {
      note(dual, kInf, 1.0, where);
    }
  };

  for (std::size_t j = 0; j < n; ++j) {
    const std::string where = column_label(lp, static_cast<int>(j));
    const double lo = lp.col_lower[j], hi = lp.col_upper[j];
    if (!std::isfinite(x[j])) {
      note(c.primal, kInf, 1.0, where);
      continue;
    }
    if (x[j] < lo) note(c.primal, lo - x[j], std::max(1.0, std::fabs(lo)), where);
    if (x[j] > hi) note(c.primal, x[j] - hi, std::max(1.0, std::fabs(hi)), where);
    complement(sense * d[j], x[j], lo, hi, where, c.dual, dual_scale[j]);
  }
  for (std::size_t i = 0; i < m; ++i) {
    const std::string where = row_label(lp, static_cast<int>(i));
    const double lo = lp.row_lower[i], hi = lp.row_upper[i];
    // A row's violation against the size of its bound and terms, and at least of one unit of x
    // (the row norm), so a row of tiny coefficients is measured in its own units.
    auto scale = [&](double bound) {
      const double size = std::max({std::fabs(bound), row_term[i], row_norm[i]});
      return size > 0.0 ? size : 1.0;
    };
    if (std::isnan(ax[i])) note(c.primal, kInf, 1.0, where);
    if (ax[i] < lo) note(c.primal, lo - ax[i], scale(lo), where);
    if (ax[i] > hi) note(c.primal, ax[i] - hi, scale(hi), where);
    complement(sense * y[i], ax[i], lo, hi, where, c.dual, row_dual_scale[i]);
  }

  // The objective's own size: its value, the sum of its terms, or one unit.
  const double reported = s.objective, z = lp.objective_value(x);
  const double objective_scale = std::max({std::fabs(reported), cost_terms + std::fabs(lp.offset), unit});
  double total = 0.0, largest = 0.0;
  std::string largest_where;
  for (const auto& [p, where] : products) {
    total += p;
    if (!(p <= largest)) {  // NaN wins, so it is reported
      largest = p;
      largest_where = where;
    }
  }
  Residual& cs = c.complementarity;
  cs.absolute = std::isnan(total) ? kInf : total;
  cs.max_absolute = std::isnan(largest) ? kInf : largest;
  cs.scaled = std::isfinite(reported) && std::isfinite(objective_scale) ? cs.absolute / objective_scale : kInf;
  if (cs.absolute > 0.0) cs.where = largest_where;

  note(c.objective, std::isfinite(reported) ? std::fabs(z - reported) : kInf, objective_scale, "objective");
  c.ok = within(c.primal, tolerance) && within(c.dual, tolerance) && within(c.complementarity, tolerance) &&
         within(c.objective, tolerance);
  return c;
}

CheckedSolver retry_when_inaccurate(CheckedSolver solver, double tolerance) {
  return [solver = std::move(solver), tolerance](const LinearProgram& lp, const SolveOptions& options) {
    LpSolution first = solver(lp, options);
    if (first.status != SolveStatus::optimal || !options.presolve) return first;
    const SolutionCheck check = check_solution(lp, first, tolerance);
    if (check.ok) return first;
    SolveOptions plain = options;
    plain.presolve = false;
    LpSolution second = solver(lp, plain);
    if (second.status != SolveStatus::optimal) return first;
    // Keep the more accurate answer; either way the check read from it tells the user.
    if (!(check_solution(lp, second, tolerance).worst() <= check.worst())) return first;
    second.message = kResolvedWithoutPresolve;
    return second;
  };
}

std::string accuracy_warning(const SolutionCheck& check) {
  if (check.ok) return "";
  std::string out = "warning: the solution is inaccurate:";
  const char* sep = " ";
  auto add = [&](const char* what, const Residual& r) {
    if (within(r, check.tolerance)) return;
    out += fmt::format("{}{} {:.2g} (scaled {:.2g})", sep, what, r.absolute, r.scaled);
    if (!r.where.empty() && r.where != "objective") out += " at " + r.where;
    sep = "; ";
  };
  add("primal violation", check.primal);
  add("dual violation", check.dual);
  add("complementarity gap", check.complementarity);
  add("objective mismatch", check.objective);
  out += fmt::format(" (tolerance {:.0e}", check.tolerance);
  if (!check.resolved.empty()) out += ", also " + check.resolved;
  out += ")";
  return out;
}

nlohmann::json to_json(const SolutionCheck& check) {
  auto residual = [](const Residual& r) {
    // JSON has no infinity: a non-finite figure is written as null.
    auto num = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); };
    return nlohmann::json{{"absolute", num(r.absolute)},
                          {"scaled", num(r.scaled)},
                          {"max_absolute", num(r.max_absolute)},
                          {"where", r.where}};
  };
  nlohmann::json j{{"verdict", check.verdict()},
                   {"tolerance", check.tolerance},
                   {"worst", std::isfinite(check.worst()) ? nlohmann::json(check.worst()) : nlohmann::json()},
                   {"primal", residual(check.primal)},
                   {"dual", residual(check.dual)},
                   {"complementarity", residual(check.complementarity)},
                   {"objective", residual(check.objective)}};
  if (!check.resolved.empty()) j["resolved"] = check.resolved;
  return j;
}

}  // namespace planner::lp
