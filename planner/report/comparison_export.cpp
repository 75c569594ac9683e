// `planner compare` for scripts: one CSV row per plan × product with every figure, and the
// JSON document with stable keys; numbers at full precision (the text and Markdown reports,
// rounded for reading, are comparison_format.cpp's).
#include <fmt/format.h>

#include <cmath>

#include "planner/report/bands_format.hpp"
#include "planner/report/comparison_format.hpp"
#include "planner/report/table.hpp"

namespace planner {
namespace {

std::string csv_number(const Figure& v) { return v ? fmt::format("{}", *v) : ""; }

nlohmann::ordered_json json_number(const Figure& v) {
  if (!v || !std::isfinite(*v)) return nullptr;
  return *v;
}

nlohmann::ordered_json json_years(const std::map<int, double>& m) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [y, v] : m) j[std::to_string(y)] = v;
  return j;
}

template <class M>
nlohmann::ordered_json json_map(const M& m) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [k, v] : m) j[k] = v;
  return j;
}


}  // namespace

std::string comparison_to_csv(const Comparison& c) {
  std::vector<std::string> headers({"plan", "plan_file", "status", "fulfilment", "product", "name", "unit", "group", "base_year", "base",
           "goal_year", "goal", "goal_multiple", "feasible", "actual_year", "actual", "feasible_by_actual_year",
           "goal_fulfilment", "feasibility_gap", "realised_share", "goal_unmet", "fulfilment_by_actual_year",
           "fulfilment_no_consumption_floor", "fulfilment_no_exports", "actual_alternatives", "goal_source",
           "actual_source", "frontier_goals", "frontier_goals_gap", "frontier_history_year", "frontier_history",
           "actual_share_of_frontier_history", "below_base", "second_stage", "second_stage_growth", "history_status",
           "history_share"});
  // With draws (compare --samples), the goal year's band and how sure the goal is, appended.
  bool banded = false;
  for (const auto& p : c.plans) banded = banded || p.bands.has_value();
  if (banded)
    for (const char* h : {"p5", "p25", "p50", "p75", "p95", "prob_goal_feasible"}) headers.emplace_back(h);
  Table t(headers);
  for (const auto& p : c.plans) {
    Figure noc, nox;
    if (auto s = p.scenario("no-consumption-floor")) noc = s->fulfilment;
    if (auto s = p.scenario("no-exports")) nox = s->fulfilment;
    for (const auto& x : p.products) {
      Figure by;
      if (auto s = p.scenario(fmt::format("by-{}", x.actual_year))) by = s->fulfilment;
      std::string alts;
      for (const auto& a : x.actual_alternatives) alts += (alts.empty() ? "" : "; ") + fmt::format("{}", a.value) + " (" + a.source + ")";
      std::vector<std::string> row({p.name, p.file, p.status, csv_number(p.fulfilment), x.id, x.name, x.unit, x.group ? "true" : "false",
                 std::to_string(p.base_year), csv_number(x.base), std::to_string(x.goal_year), csv_number(x.goal),
                 csv_number(x.goal_multiple), csv_number(x.feasible), x.actual ? std::to_string(x.actual_year) : "",
                 csv_number(x.actual), csv_number(x.feasible_by_actual_year), csv_number(x.goal_fulfilment()),
                 csv_number(x.feasibility_gap()), csv_number(x.realised_share()),
                 x.goal && x.feasible ? (x.goal_unmet() ? "true" : "false") : "", csv_number(by), csv_number(noc),
                 csv_number(nox), alts, x.goal_source, x.actual_source, csv_number(x.frontier_goals),
                 csv_number(x.frontier_gap()), x.frontier_history ? std::to_string(x.frontier_history_year) : "",
                 csv_number(x.frontier_history), csv_number(x.history_share()), x.below_base, p.second_stage,
                 csv_number(p.second_stage_growth), p.history.status, csv_number(p.history.share)});
      if (banded) {
        const auto band = p.bands ? band_in(*p.bands, x.id, x.goal_year) : std::nullopt;
        for (int k = 0; k < 5; ++k) row.push_back(band ? fmt::format("{}", (*band)[static_cast<std::size_t>(k)]) : "");
        const auto prob = p.bands && x.goal ? goal_probability(*p.bands, x.id) : std::nullopt;
        row.push_back(prob ? fmt::format("{}", *prob) : "");
      }
      t.add_row(std::move(row));
    }
  }
  return t.to_csv();
}

nlohmann::ordered_json comparison_to_json(const Comparison& c) {
  using json = nlohmann::ordered_json;
  json plans = json::array();
  for (const auto& p : c.plans) {
    json jp;
    jp["name"] = p.name;
    jp["file"] = p.file;
    jp["model"] = p.model_name;
    jp["base_year"] = p.base_year;
    jp["years"] = p.years;
    jp["goal_year"] = p.goal_year;
    jp["status"] = p.status;
    jp["diagnosis"] = p.diagnosis;
    jp["fulfilment"] = json_number(p.fulfilment);
    jp["imports_value"] = p.imports_value;
    jp["exports_value"] = p.exports_value;
    jp["imports"] = json_map(p.imports);
    json products = json::array();
    for (const auto& x : p.products) {
      json jx;
      jx["id"] = x.id;
      jx["name"] = x.name;
      jx["unit"] = x.unit;
      jx["group"] = x.group;
      jx["base"] = x.base;
      jx["goal"] = json_number(x.goal);
      jx["goal_multiple"] = json_number(x.goal_multiple);
      jx["goal_year"] = x.goal_year;
      jx["feasible"] = json_number(x.feasible);
      jx["feasible_by_actual_year"] = json_number(x.feasible_by_actual_year);
      jx["actual"] = json_number(x.actual);
      jx["actual_year"] = x.actual ? json(x.actual_year) : json(nullptr);
      jx["goal_fulfilment"] = json_number(x.goal_fulfilment());
      jx["feasibility_gap"] = json_number(x.feasibility_gap());
      jx["realised_share"] = json_number(x.realised_share());
      jx["goal_unmet"] = x.goal_unmet();
      jx["frontier_goals"] = json_number(x.frontier_goals);
      jx["frontier_goals_gap"] = json_number(x.frontier_gap());
      jx["frontier_history"] = json_number(x.frontier_history);
      jx["frontier_history_year"] = x.frontier_history ? json(x.frontier_history_year) : json(nullptr);
      jx["actual_share_of_frontier_history"] = json_number(x.history_share());
      jx["below_base"] = x.below_base;
      jx["goal_source"] = x.goal_source;
      jx["actual_source"] = x.actual_source;
      jx["actual_note"] = x.actual_note;
      json alts = json::array();
      for (const auto& a : x.actual_alternatives) alts.push_back({{"value", a.value}, {"source", a.source}});
      jx["actual_alternatives"] = alts;
      jx["history"] = json_years(x.history);
      jx["path"] = json_years(x.path);
      jx["path_by_actual_year"] = json_years(x.path_by_actual_year);
      products.push_back(jx);
    }
    jp["products"] = products;
    json unmet = json::array();
    for (const auto* x : p.unmet_goals()) unmet.push_back(x->id);
    jp["unmet_goals"] = unmet;
    json binding = json::array();
    for (const auto& b : p.binding)
      binding.push_back({{"row", b.row},
                         {"kind", b.kind},
                         {"subject", b.subject},
                         {"year", b.year == 0 ? json(nullptr) : json(b.year)},
                         {"shadow_price", b.shadow_price},
                         {"unit", b.unit},
                         {"text", b.text()}});
    jp["binding"] = binding;
    json families = json::array();
    for (const auto& f : p.binding_families)
      families.push_back({{"kind", f.kind},
                          {"subject", f.subject},
                          {"years", f.years},
                          {"min_shadow_price", f.min_price},
                          {"max_shadow_price", f.max_price},
                          {"unit", f.unit},
                          {"rows", f.rows},
                          {"text", f.text}});
    jp["binding_families"] = families;
    json second = json::object();
    second["weighting"] = p.second_stage.empty() ? json(nullptr) : json(p.second_stage);
    second["growth"] = json_number(p.second_stage_growth);
    second["note"] = p.second_stage_note;
    json second_binding = json::array();
    for (const auto& b : p.second_stage_binding)
      second_binding.push_back({{"row", b.row}, {"shadow_price", b.shadow_price}, {"text", b.text()}});
    second["binding"] = second_binding;
    jp["second_stage"] = second;
    jp["history"] = {{"status", p.history.status.empty() ? json(nullptr) : json(p.history.status)},
                     {"verdict", p.history.verdict},
                     {"year", p.history.year == 0 ? json(nullptr) : json(p.history.year)},
                     {"share", json_number(p.history.share)},
                     {"findings", p.history.findings},
                     {"caveats", p.history.caveats}};
    jp["summary"] = p.summary;
    json scenarios = json::array();
    for (const auto& s : p.scenarios) {
      json js;
      js["id"] = s.id;
      js["label"] = s.label;
      js["goal_year"] = s.goal_year;
      js["status"] = s.status;
      js["fulfilment"] = json_number(s.fulfilment);
      js["delta_fulfilment"] = json_number(s.delta_fulfilment);
      js["imports_value"] = s.imports_value;
      js["exports_value"] = s.exports_value;
      js["delta_imports_value"] = json_number(s.delta_imports_value);
      js["feasible"] = json_map(s.feasible);
      js["imports"] = json_map(s.imports);
      js["delta_imports"] = json_map(s.delta_imports);
      scenarios.push_back(js);
    }
    jp["scenarios"] = scenarios;
    json sources = json::array();
    for (const auto& s : p.sources) sources.push_back({{"text", s.text}, {"cited_by", s.cited_by}});
    if (p.bands) jp["uncertainty"] = bands_json(*p.bands);
    jp["sources"] = sources;
    plans.push_back(jp);
  }
  json out;
  out["plans"] = plans;
  json sources = json::array();
  for (const auto& s : c.sources()) sources.push_back({{"text", s.text}, {"cited_by", s.cited_by}});
  out["sources"] = sources;
  return out;
}


}  // namespace planner
