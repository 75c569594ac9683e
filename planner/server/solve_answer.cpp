#include "planner/server/solve_answer.hpp"

#include "planner/report/binding_summary.hpp"
#include "planner/report/comparison.hpp"
#include "planner/report/comparison_solve.hpp"

namespace planner::server {
namespace {

using nlohmann::json;

/// A sector's output path by calendar year.
json path_of(const Plan& plan, const lp::PlanResult& r, const std::string& id) {
  json path = json::object();
  for (int t : r.years)
    if (auto v = r.output.get(id, t)) path[std::to_string(plan.calendar_year(t))] = *v;
  return path;
}

json products(const Plan& plan, const lp::PlanResult& r) {
  const auto goals = sector_goals(plan);
  json out = json::array();
  for (const Sector& s : plan.economy.sectors) {
    json p{{"id", s.id}, {"name", s.short_name()}, {"unit", s.unit.empty() ? plan.economy.unit : s.unit}, {"base", s.output}};
    int t = plan.years;
    if (auto g = goals.find(s.id); g != goals.end()) {
      p["goal"] = g->second.first;
      t = g->second.second;
    }
    p["goal_year"] = plan.calendar_year(t);
    if (auto v = r.output.get(s.id, t)) p["feasible"] = *v;
    for (const Actual& a : plan.actuals)  // the latest record not after the goal year
      if (a.sector == s.id && a.year <= plan.calendar_year(t) && (!p.contains("actual_year") || a.year > p["actual_year"].get<int>())) {
        p["actual"] = a.value;
        p["actual_year"] = a.year;
      }
    p["path"] = path_of(plan, r, s.id);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

json solve_answer(const Plan& plan, const lp::PlanResult& r) {
  json a{{"status", r.status}, {"result", lp::to_json(r)}, {"objective_kind", r.objective_kind}};
  if (r.fulfilment) a["fulfilment"] = *r.fulfilment;
  json years = json::array();
  for (int t : r.years) years.push_back(plan.calendar_year(t));
  a["years"] = years;
  a["base_year"] = plan.calendar_year(0);
  a["products"] = products(plan, r);

  std::vector<BindingConstraint> rows = summarise(plan, r).binding;
  name_binding(plan, rows);
  json binding_rows = json::array();
  for (const auto& b : rows)
    binding_rows.push_back({{"row", b.row}, {"kind", b.kind}, {"subject", b.subject}, {"what", b.what()},
                            {"year", b.year}, {"shadow_price", b.shadow_price}, {"unit", b.unit}, {"text", b.text()}});
  a["binding_rows"] = binding_rows;
  // The sentences read a shadow price as a change of λ, every goal's share: only a
  // max-fulfilment objective's prices are that; any other objective gets the rows' own words.
  json binding = json::array();
  if (r.objective_kind == "max-fulfilment" && r.then_kind.empty()) {
    for (const auto& f : summarise_binding(rows))
      binding.push_back({{"kind", f.kind}, {"subject", f.subject}, {"years", f.years}, {"min_price", f.min_price},
                         {"max_price", f.max_price}, {"unit", f.unit}, {"rows", f.rows}, {"text", f.text}});
  } else {
    for (const auto& b : rows)
      binding.push_back({{"kind", b.kind}, {"subject", b.subject}, {"years", json::array({b.year})},
                         {"min_price", b.shadow_price}, {"max_price", b.shadow_price}, {"unit", b.unit},
                         {"rows", json::array({b.row})}, {"text", b.text()}});
  }
  a["binding"] = binding;
  if (r.diagnosis) a["diagnosis"] = {{"text", lp::to_text(*r.diagnosis)}, {"summary", r.diagnosis->summary},
                                     {"violations", lp::to_json(*r.diagnosis)["violations"]}};
  if (!r.message.empty()) a["message"] = r.message;
  return a;
}

}  // namespace planner::server
