// Building the verdicts of a plan comparison (issue #17): frontiers (a) and (b), the history
// test, why a figure falls below its base year, and the three summary sentences.
#include "planner/report/comparison_verdicts.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace planner {
namespace {

std::string percent_text(double v) { return fmt::format("{:.1f} %", 100.0 * v); }

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t k = 0; k < names.size(); ++k)
    out += (k == 0 ? "" : k + 1 == names.size() ? " and " : ", ") + names[k];
  return out;
}

// The question "how much of product p" in plan year t: a sector, or a weighted group's sum.
FrontierQuestion question(const ProductComparison& p, const std::vector<const Goal*>& weighted, int t) {
  FrontierQuestion q;
  q.id = p.id;
  q.year = t;
  if (p.group) {
    for (const Goal* g : weighted)
      if (g->id == p.id) q.weights = g->weights;
  } else {
    q.weights[p.id] = 1.0;
  }
  return q;
}

}  // namespace

// Frontier (a): each product's most with every goal held at λ*.
void add_frontiers(const Plan& plan, const Plan& posed, const std::vector<const Goal*>& weighted,
                   const ComparisonOptions& options, PlanComparison& c) {
  if (!options.frontier || !c.fulfilment || c.products.empty()) return;
  std::vector<FrontierQuestion> qs;
  for (const auto& p : c.products) qs.push_back(question(p, weighted, p.goal_year - plan.economy.base_year));
  std::vector<Figure> v = options.frontier(posed, *c.fulfilment, qs);
  for (std::size_t k = 0; k < c.products.size() && k < v.size(); ++k) c.products[k].frontier_goals = v[k];
}

// The history test, frontier (b), and why a recorded figure may mislead.
void add_history(const Plan& plan, const std::vector<const Goal*>& weighted, const ComparisonOptions& options,
                 PlanComparison& c) {
  const int base = plan.economy.base_year;
  int last = 0;  // plan year of the latest record in the plan's years
  for (const auto& a : plan.actuals)
    if (a.year > base && a.year <= c.goal_year) last = std::max(last, a.year - base);
  std::vector<FrontierQuestion> qs;
  for (const auto& p : c.products) {
    int t = p.actual && p.actual_year > base && p.actual_year <= c.goal_year ? p.actual_year - base : last;
    qs.push_back(question(p, weighted, t));
  }
  c.history = options.history(plan, qs);
  c.history.year = c.history.year > 0 ? plan.calendar_year(c.history.year) : 0;
  for (std::size_t k = 0; k < c.products.size(); ++k) {
    auto& p = c.products[k];
    if (auto f = c.history.frontier.find(p.id); f != c.history.frontier.end() && qs[k].year > 0) {
      p.frontier_history = f->second;
      p.frontier_history_year = plan.calendar_year(qs[k].year);
    }
  }
  const Economy& e = plan.economy;
  for (const auto& a : plan.actuals) {
    auto j = e.sector_index(a.sector);
    if (!j) continue;
    const std::string what = fmt::format("{} {}", e.sectors[*j].short_name(), a.year);
    if (!a.note.empty()) c.history.caveats.push_back(what + ": " + a.note);
    if (!a.alternatives.empty()) {
      std::string alts = fmt::format("{:.4g} ({})", a.value, a.source.empty() ? "this plan's source" : a.source);
      for (const auto& [v, src] : a.alternatives) alts += fmt::format(" against {:.4g} ({})", v, src.empty() ? "another source" : src);
      c.history.caveats.push_back(what + ": sources differ, " + alts);
    }
  }
}

// A line for every product whose feasible figure falls below its base year.
void explain_below_base(PlanComparison& c) {
  if (!c.fulfilment) return;
  const double lambda = *c.fulfilment;
  for (auto& p : c.products) {
    if (!p.feasible || !(*p.feasible < p.base * (1.0 - 1e-9))) continue;
    if (p.goal && lambda * *p.goal < p.base) {
      p.below_base = fmt::format("its goal at λ* = {:.3f} is {:.4g}, below {}: the goals as a whole ask that little of it",
                                 lambda, lambda * *p.goal, c.base_year);
    } else if (c.second_stage.empty()) {
      p.below_base = c.second_stage_note.empty()
                         ? "the second stage is off (second_stage = \"none\"): the figure is where one optimal vertex "
                           "left it, not the most the goals allowed"
                         : c.second_stage_note;
    } else if (c.second_stage_growth) {
      std::string why;
      for (const auto& b : c.second_stage_binding) {
        if (b.row.rfind("hold[", 0) == 0) {
          why = fmt::format("; giving up 1 % of every goal (λ −0.01) would lift that floor by {:.2f}", 0.01 * b.shadow_price);
          break;
        }
      }
      p.below_base = fmt::format("with every goal held at λ* = {:.3f}, the products without a goal can all reach at most "
                                 "×{:.2f} of {} in {} (second stage){}; frontier (a) is the most of it alone",
                                 lambda, *c.second_stage_growth, c.base_year, c.goal_year, why);
    } else {
      p.below_base = fmt::format("the goals held at λ* = {:.3f} leave no more of it in {}", lambda, c.goal_year);
    }
  }
}

// Three sentences a teacher could read aloud: how much was feasible, what held it back, history.
std::vector<std::string> plan_summary(const PlanComparison& c) {
  std::vector<std::string> s;
  if (!c.fulfilment) return s;
  const double lambda = *c.fulfilment;
  std::string first = fmt::format("{} of every goal could be reached together by {} (λ = {:.3f})",
                                  percent_text(lambda), c.goal_year, lambda);
  if (lambda >= 1.0 - 1e-9) {
    first += ": the plan was feasible.";
  } else {
    // Frontier (a): which goals could rise above λ* on their own, the others held at λ*.
    std::vector<std::string> further;
    for (const auto& p : c.products)
      if (p.goal && *p.goal > 0.0 && p.frontier_goals && *p.frontier_goals > lambda * *p.goal * (1.0 + 1e-3)) {
        further.push_back(fmt::format("{} (to {} of its goal)", without_gloss(p.name), percent_text(*p.frontier_goals / *p.goal)));
      }
    if (further.empty()) first += "; no goal could rise above that share without pulling another below it.";
    else first += "; with the others held there, " + join_names(further) + " could go further on its own.";
  }
  s.push_back(first);
  if (!c.binding_families.empty()) {
    std::string held = "What held it back most: " + c.binding_families.front().text;
    if (c.binding_families.size() > 1) held += "; next, " + c.binding_families[1].text;
    s.push_back(held + ".");
  }
  int met = 0, with_actual = 0;
  for (const auto& p : c.products)
    if (p.goal && p.actual) {
      ++with_actual;
      if (*p.actual >= *p.goal * (1.0 - 1e-9)) ++met;
    }
  std::string record = with_actual ? fmt::format("history met {} of the {} goals it recorded", met, with_actual) : "";
  if (c.history.status == "feasible")
    s.push_back(fmt::format("The model can reproduce the record of {} from {}, so its verdict can be set beside history{}.",
                            c.history.year, c.base_year, record.empty() ? "" : ": " + record));
  else if (c.history.status == "infeasible")
    s.push_back(fmt::format("But the model cannot reproduce the record of {} (at most {} of it together), so read its "
                            "verdict with care{}.",
                            c.history.year, c.history.share ? percent_text(*c.history.share) : "none",
                            record.empty() ? "" : "; " + record));
  else if (c.history.status == "not-applicable")
    s.push_back("The plan records no outcome, so the model's verdict cannot be set beside history.");
  else if (!c.history.verdict.empty())
    s.push_back(c.history.verdict);
  return s;
}

}  // namespace planner
