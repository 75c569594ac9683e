#include "planner/lp/history_test.hpp"
#include "planner/lp/row_name.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "planner/lp/clp_solver.hpp"
#include "planner/lp/solve_plan.hpp"
#include "planner/model/error.hpp"

namespace planner::lp {
namespace {

std::string unit_of(const Economy& e, const Sector& s) { return s.unit.empty() ? e.unit : s.unit; }

std::string qty(double v) { return std::fabs(v) >= 1000.0 ? fmt::format("{:.0f}", v) : fmt::format("{:.4g}", v); }

// "coal,3" inside "capacity[coal,3]" → (coal, 3); (row, −1) when the row has no such form.
std::pair<std::string, int> sector_year(const std::string& row) {
  const RowName r = parse_row_name(row);
  if (r.id.empty() || !r.year) return {row, -1};
  return {r.id, *r.year};
}

// One violation of the relaxation in words, with the record it serves where there is one.
std::string finding(const Plan& plan, const HistoryTest& h, const Violation& v, const LinearProgram& lp) {
  const Economy& e = plan.economy;
  if (v.kind == "capacity" || v.kind == "balance") {
    auto [id, t] = sector_year(v.row);
    auto j = e.sector_index(id);
    if (j && t >= 0) {
      const Sector& s = e.sectors[*j];
      const std::string unit = unit_of(e, s);
      const int year = plan.calendar_year(t);
      if (v.kind == "capacity") {
        std::string text = fmt::format("{} capacity in {} falls short by {} {}", s.short_name(), year, qty(v.amount), unit);
        for (const auto& r : h.records)
          if (r.sector == id && r.year == t && r.value > v.amount)
            return text + fmt::format(": the record ({} {}) needs about {:.2f}× the capacity the {} stock and all the "
                                      "investment the model can afford give by then ({})",
                                      qty(r.value), unit, r.value / (r.value - v.amount), e.base_year, qty(r.value - v.amount));
        if (s.output > 0.0) text += fmt::format(" ({:.0f} % of {} output)", 100.0 * v.amount / s.output, e.base_year);
        return text;
      }
      const bool surplus = v.advice.find("more than can be used") != std::string::npos;
      std::string text = surplus ? fmt::format("{} in {}: {} {} more than can be used", s.short_name(), year, qty(v.amount), unit)
                                 : fmt::format("{} supply in {} is short by {} {}", s.short_name(), year, qty(v.amount), unit);
      if (s.output > 0.0) text += fmt::format(" ({:.0f} % of {} output)", 100.0 * v.amount / s.output, e.base_year);
      return text;
    }
  }
  if (v.kind == "resource") {
    const RowName name = parse_row_name(v.row);
    auto r = e.resource_index(name.family);
    auto row = lp.row(v.row);
    const int t = name.year.value_or(-1);
    if (r && row && t >= 0) {
      const Resource& res = e.resources[*r];
      const double limit = lp.row_upper[static_cast<std::size_t>(*row)];
      std::string text = fmt::format("{} in {}: {} {} more than the model allows", res.name.empty() ? res.id : res.name,
                                     plan.calendar_year(t), qty(v.amount), res.unit);
      if (std::isfinite(limit) && limit > 0.0) text += fmt::format(" (+{:.0f} %)", 100.0 * v.amount / limit);
      return text;
    }
  }
  if (v.kind == "currency")
    return fmt::format("foreign currency in {} is short by {}", plan.calendar_year(parse_row_name(v.row).year.value_or(0)),
                       qty(v.amount));
  return v.advice;
}

std::string percent(double share) { return fmt::format("{:.1f} %", 100.0 * share); }

// The history plan's LP with λ = 1: every record held at its value; the record rows renamed
// record[…] so the elastic re-solve cannot relax them.
PlanLp records_held(const Plan& hp) {
  PlanLp held = build_plan_lp(hp);
  LpBuilder b(held.lp);
  b.set_bounds(held.columns.lambda, 1.0, 1.0);
  held.lp = b.build();
  for (auto& name : held.lp.row_names)
    if (name.rfind("goal[", 0) == 0) name = "record[" + name.substr(5);
  held.lp.index_names();
  return held;
}

}  // namespace

std::vector<HistoryRecord> history_records(const Plan& plan) {
  std::vector<HistoryRecord> out;
  const int last = plan.calendar_year(plan.years);
  for (const Actual& a : plan.actuals) {
    if (a.year > last)
      throw Error(ExitCode::bad_input, plan.file, "actual." + a.sector + ".year",
                  fmt::format("the actual of {} in {} is outside the plan ({}–{}): the model has no output that year to "
                              "test it against; give the plan more years or drop the record",
                              a.sector, a.year, plan.calendar_year(0), last));
    const int t = a.year - plan.economy.base_year;
    if (t < 1) continue;  // a base-year record is the model's own data
    out.push_back({a.sector, t, a.value});
  }
  std::stable_sort(out.begin(), out.end(), [](const HistoryRecord& x, const HistoryRecord& y) { return x.year < y.year; });
  return out;
}

Plan history_plan(const Plan& plan) {
  Plan h = plan;
  const std::vector<HistoryRecord> records = history_records(plan);
  h.objective = Objective{};
  h.objective.kind = ObjectiveKind::max_fulfilment;
  h.then.reset();
  h.second_stage = SecondStage::none;
  h.goals.clear();
  int last = 1;
  for (const auto& r : records) {
    Goal g;
    g.id = fmt::format("{}@{}", r.sector, plan.calendar_year(r.year));
    g.sector = r.sector;
    g.target = r.value;
    g.year = r.year;
    h.goals.push_back(g);
    last = std::max(last, r.year);
  }
  // History ends with the latest record: no terminal condition, and what the last year makes
  // beyond its use may go unused (the economy went on; the plan's horizon is not history's).
  h.years = last;
  h.terminal_steady_state = false;
  h.free_disposal = true;
  std::vector<int> demand;
  for (int t : plan.demand_years)
    if (t <= h.horizon()) demand.push_back(t);
  h.demand_years = demand;
  return h;
}

std::vector<FrontierValue> history_frontier(const Plan& plan, const std::vector<FrontierProduct>& products,
                                            const SolveOptions& options) {
  const Plan hp = history_plan(plan);
  const PlanLp all = records_held(hp);
  const LpSolver solver = [](const LinearProgram& lp, const SolveOptions& o) { return solve_with_clp(lp, o); };
  std::vector<FrontierValue> out;
  for (FrontierProduct p : products) {
    p.year = std::min(p.year, hp.years);
    // The product's own records are released: the question is what the others leave for it.
    LinearProgram lp = all.lp;
    for (const auto& [j, w] : p.weights) {
      const std::string prefix = "record[" + hp.economy.sectors[j].id + "@";
      for (int i = 0; i < lp.num_row; ++i)
        if (lp.row_names[static_cast<std::size_t>(i)].rfind(prefix, 0) == 0) lp.row_lower[static_cast<std::size_t>(i)] = -kInf;
    }
    Diagnosis d = diagnose_infeasible(hp, lp, solver, options, /*relative=*/true);
    if (d.status == "error") {
      out.push_back({});
      continue;
    }
    for (const Violation& v : d.violations) {
      auto i = lp.row(v.row);
      if (!i) continue;
      // A hair more than the elastic optimum moved, so the held records stay feasible after rounding.
      const double move = v.amount * (1.0 + 1e-9) + 1e-9;
      if (v.upper) lp.row_upper[static_cast<std::size_t>(*i)] += move;
      else lp.row_lower[static_cast<std::size_t>(*i)] -= move;
    }
    out.push_back(lp_frontier(hp, all.columns, lp, {p}, options, solver).front());
  }
  return out;
}

HistoryTest test_history(const Plan& plan, const SolveOptions& options) {
  return test_history(plan, options, [](const LinearProgram& lp, const SolveOptions& o) { return solve_with_clp(lp, o); });
}

HistoryTest test_history(const Plan& plan, const SolveOptions& options, const LpSolver& solver) {
  HistoryTest h;
  h.records = history_records(plan);
  if (h.records.empty()) {
    h.status = "not-applicable";
    h.verdict = "The plan records no outcome in its years, so the history test does not apply.";
    return h;
  }
  const Plan hp = history_plan(plan);
  h.last_year = hp.years;
  const int year = plan.calendar_year(hp.years);
  PlanResult r = solve_plan(hp, options, solver);
  if (r.status == "infeasible") {
    h.status = "model-infeasible";
    h.verdict = fmt::format("The model cannot reach even a zero share of the record by {}: it cannot meet its own "
                            "demand from {} ({})", year, plan.economy.base_year, r.diagnosis ? r.diagnosis->summary : r.message);
    return h;
  }
  if (r.status != "optimal" || !r.fulfilment) {
    h.status = "error";
    h.verdict = "The history test's solve failed (" + r.status + (r.message.empty() ? "" : ": " + r.message) + ").";
    return h;
  }
  h.share = *r.fulfilment;
  if (*h.share >= 1.0 - 1e-7) {
    h.status = "feasible";
    h.verdict = fmt::format("History is feasible in the model: every recorded outcome to {} can be reached together "
                            "from {} (up to {} of each record at once).",
                            year, plan.economy.base_year, percent(*h.share));
    return h;
  }

  // The records held at 100 %: which rows of the model must give way, and by how much.
  const LinearProgram held = records_held(hp).lp;
  Diagnosis d = diagnose_infeasible(hp, held, solver, options, /*relative=*/true);
  h.status = "infeasible";
  h.relaxation = d.violations;
  for (const auto& v : h.relaxation) h.findings.push_back(finding(hp, h, v, held));
  h.verdict = fmt::format("The model cannot reproduce {}: at most {} of every recorded outcome can be reached together "
                          "from {}.",
                          year, percent(*h.share), plan.economy.base_year);
  if (!h.findings.empty())
    h.verdict += fmt::format(" To reach all of it, {} row{} of the model must move; the largest: {}.", h.findings.size(),
                             h.findings.size() == 1 ? "" : "s", h.findings.front());
  return h;
}

}  // namespace planner::lp
