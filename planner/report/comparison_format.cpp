#include "planner/report/comparison_format.hpp"

#include <fmt/format.h>

#include <cmath>
#include <variant>

#include "planner/model/economy.hpp"
#include "planner/report/bands_format.hpp"
#include "planner/report/table.hpp"

namespace planner {

// ---- numbers -----------------------------------------------------------------------------

namespace {
const char* const kMissing = "–";

std::string no_negative_zero(std::string s) {
  if (s.find_first_not_of("-0.") == std::string::npos && !s.empty() && s[0] == '-') s.erase(0, 1);
  return s;
}
}  // namespace

std::string short_name(const ProductComparison& p) { return without_gloss(p.name); }

std::string format_quantity(const Figure& v) {
  if (!v) return kMissing;
  double a = std::fabs(*v);
  if (!std::isfinite(*v)) return format_number(*v);
  int decimals = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 1 ? 2 : a >= 0.01 || a == 0.0 ? 3 : -1;
  if (decimals < 0) return fmt::format("{:.2e}", *v);
  return no_negative_zero(fmt::format("{:.{}f}", *v, decimals));
}

std::string format_multiple(const Figure& v) {
  if (!v) return kMissing;
  return "×" + no_negative_zero(fmt::format("{:.2f}", *v));
}

std::string format_percent(const Figure& v) {
  if (!v) return kMissing;
  return no_negative_zero(fmt::format("{:.1f}", *v * 100.0)) + "%";
}

std::string format_delta(const Figure& v, int decimals) {
  if (!v) return kMissing;
  std::string s = no_negative_zero(fmt::format("{:.{}f}", std::fabs(*v), decimals));
  bool zero = s.find_first_not_of("0.") == std::string::npos;
  if (zero) return "±" + s;
  return (*v < 0 ? "−" : "+") + s;
}

std::string format_lambda(const Figure& v) {
  if (!v) return kMissing;
  return no_negative_zero(fmt::format("{:.3f}", *v));
}

// ---- a small document model rendered as text or Markdown -------------------------------------

namespace {

struct Heading {
  int level;
  std::string text;
};
struct Paragraph {
  std::string text;
};
struct Bullets {
  std::vector<std::string> items;
};
using Block = std::variant<Heading, Paragraph, Bullets, Table>;

std::string render_text(const std::vector<Block>& blocks) {
  std::string out;
  for (const auto& b : blocks) {
    if (!out.empty()) out += "\n";
    if (auto h = std::get_if<Heading>(&b)) {
      out += h->text + "\n";
      if (h->level <= 2) {
        std::size_t n = 0;
        for (unsigned char ch : h->text)
          if ((ch & 0xC0) != 0x80) ++n;
        out += std::string(n, h->level == 1 ? '=' : '-') + "\n";
      }
    } else if (auto p = std::get_if<Paragraph>(&b)) {
      out += p->text + "\n";
    } else if (auto l = std::get_if<Bullets>(&b)) {
      for (const auto& i : l->items) out += "  - " + i + "\n";
    } else {
      out += std::get<Table>(b).to_text();
    }
  }
  return out;
}

std::string render_markdown(const std::vector<Block>& blocks) {
  std::string out;
  for (const auto& b : blocks) {
    if (!out.empty()) out += "\n";
    if (auto h = std::get_if<Heading>(&b)) {
      out += std::string(static_cast<std::size_t>(h->level), '#') + " " + h->text + "\n";
    } else if (auto p = std::get_if<Paragraph>(&b)) {
      out += p->text + "\n";
    } else if (auto l = std::get_if<Bullets>(&b)) {
      for (const auto& i : l->items) out += "- " + i + "\n";
    } else {
      out += std::get<Table>(b).to_markdown();
    }
  }
  return out;
}

std::string status_words(const PlanComparison& p) {
  if (p.status == "optimal") return "";
  if (p.status == "no-goals") return "no goals stated";
  return p.status + (p.diagnosis.empty() ? "" : ": " + p.diagnosis);
}

std::string lambda_words(const PlanComparison& p) {
  if (p.status == "no-goals") return "The plan states no goals, so there is no fulfilment to compute.";
  if (!p.fulfilment) return "The max-fulfilment solve did not succeed (" + status_words(p) + ").";
  double l = *p.fulfilment;
  std::string s = fmt::format("Fulfilment λ = {}: {} of every goal can be reached at once by {}", format_lambda(l),
                              format_percent(l), p.goal_year);
  s += l >= 1.0 - 1e-9 ? " — every goal is feasible." : " — the goals as a whole are not feasible.";
  return s;
}

Table product_table(const PlanComparison& p) {
  Table t({"product", "unit", fmt::format("base {}", p.base_year), "goal", "goal ×", "feasible", "frontier (a)",
           "frontier (b)", "actual", "actual/goal", "(a)/goal", "actual/(b)"});
  t.align(1, Table::Align::left);
  for (const auto& x : p.products) {
    std::string goal = format_quantity(x.goal);
    if (x.goal && x.goal_year != p.goal_year) goal += fmt::format(" ({})", x.goal_year);
    std::string actual = format_quantity(x.actual);
    if (x.actual) actual += fmt::format(" ({})", x.actual_year);
    if (!x.actual_alternatives.empty()) actual += "*";
    std::string feasible = format_quantity(x.feasible);
    if (!x.below_base.empty()) feasible += "†";
    std::string b = format_quantity(x.frontier_history);
    if (x.frontier_history && x.frontier_history_year != x.actual_year) b += fmt::format(" ({})", x.frontier_history_year);
    t.add_row({short_name(x), x.unit, format_quantity(x.base), goal, format_multiple(x.goal_multiple), feasible,
               format_quantity(x.frontier_goals), b, actual, format_percent(x.goal_fulfilment()),
               format_percent(x.frontier_gap()), format_percent(x.history_share())});
  }
  return t;
}

Table scenario_table(const PlanComparison& p) {
  Table t({"re-solve", "goal year", "λ", "Δλ", "imports (value)", "Δ imports"});
  t.add_row({"plan as stated", std::to_string(p.goal_year), format_lambda(p.fulfilment), kMissing,
             format_quantity(p.imports_value), kMissing});
  for (const auto& s : p.scenarios) {
    std::string label = s.id;
    if (s.status != "optimal") label += " (" + s.status + ")";
    t.add_row({label, std::to_string(s.goal_year), format_lambda(s.fulfilment), format_delta(s.delta_fulfilment),
               format_quantity(s.imports_value), format_delta(s.delta_imports_value, 2)});
  }
  return t;
}

std::vector<std::string> unmet_lines(const PlanComparison& p) {
  std::vector<std::string> out;
  for (const auto* x : p.unmet_goals())
    out.push_back(fmt::format("{}: feasible {} of {} {} by {} ({})", short_name(*x), format_quantity(x->feasible),
                              format_quantity(x->goal), x->unit, x->goal_year, format_percent(x->feasibility_gap())));
  return out;
}

std::vector<std::string> binding_lines(const PlanComparison& p, std::size_t limit) {
  std::vector<std::string> out;
  for (const auto& f : p.binding_families) {
    if (out.size() == limit) {
      out.push_back(fmt::format("… and {} more (see --format json)", p.binding_families.size() - limit));
      break;
    }
    out.push_back(f.text);
  }
  return out;
}

std::string history_heading(const PlanComparison& p) {
  return p.history.year ? fmt::format("Can the model reproduce {}?", p.history.year) : "Can the model reproduce history?";
}

// Which numbers come from which stage, in one paragraph under the table.
std::string stage_key(const PlanComparison& p) {
  std::string key = "feasible: the goal year's output at λ*";
  if (!p.second_stage.empty())
    key += fmt::format(", the rest of the economy as large as the goals allow (second stage, {} weighting", p.second_stage) +
           (p.second_stage_growth ? fmt::format(": every product without a goal ≥ ×{:.2f} of {})", *p.second_stage_growth, p.base_year)
                                  : std::string(")"));
  else
    key += " (one optimal vertex: no second stage)";
  key += "; frontier (a): the most of it by its goal year with every goal held at λ*; frontier (b): the most of it by its "
         "record's year with every other recorded product held at its actual";
  if (p.history.status == "infeasible")
    key += ", in the model granted the least change that makes those other records reachable (history is out of its reach)";
  return key + ".";
}

std::string plan_label(const PlanComparison& p) { return p.name.empty() ? p.file : p.name; }

std::vector<Block> document(const Comparison& c) {
  std::vector<Block> doc;
  doc.push_back(Heading{1, "Plan, feasible and actual"});
  if (c.plans.size() > 1) {
    Table s({"plan", "goal year", "λ", "λ by the actuals' year", "without consumption", "without exports",
             "history feasible", "goals not feasible"});
    for (const auto& p : c.plans) {
      std::string by = kMissing, noc = kMissing, nox = kMissing;
      for (const auto& sc : p.scenarios) {
        if (sc.id.rfind("by-", 0) == 0 && by == kMissing) by = format_lambda(sc.fulfilment) + fmt::format(" ({})", sc.goal_year);
        if (sc.id == "no-consumption-floor") noc = format_lambda(sc.fulfilment);
        if (sc.id == "no-exports") nox = format_lambda(sc.fulfilment);
      }
      std::string unmet;
      for (const auto* x : p.unmet_goals()) unmet += (unmet.empty() ? "" : ", ") + x->id;
      std::string history = p.history.status == "feasible"     ? "yes"
                            : p.history.status == "infeasible" ? "no (" + format_percent(p.history.share) + ")"
                            : p.history.status.empty()         ? kMissing
                                                               : p.history.status;
      s.add_row({plan_label(p), std::to_string(p.goal_year), format_lambda(p.fulfilment), by, noc, nox, history,
                 p.fulfilment ? (unmet.empty() ? "none" : unmet) : kMissing});
    }
    doc.push_back(Heading{2, "Summary"});
    doc.push_back(s);
  }
  for (const auto& p : c.plans) {
    doc.push_back(Heading{2, plan_label(p)});
    std::string where = p.file.empty() ? "" : p.file + "; ";
    if (!p.model_name.empty()) where += "model " + p.model_name + "; ";
    doc.push_back(Paragraph{where + fmt::format("base year {}, goal year {} (T = {}).", p.base_year, p.goal_year, p.years)});
    if (!p.summary.empty()) {
      std::string said;
      for (const auto& sentence : p.summary) said += (said.empty() ? "" : " ") + sentence;
      doc.push_back(Paragraph{said});
    }
    if (!p.history.status.empty()) {
      doc.push_back(Heading{3, history_heading(p)});
      doc.push_back(Paragraph{p.history.verdict});
      if (!p.history.findings.empty()) doc.push_back(Bullets{p.history.findings});
      if (!p.history.caveats.empty()) {
        doc.push_back(Paragraph{"Why a recorded figure may mislead:"});
        doc.push_back(Bullets{p.history.caveats});
      }
    }
    doc.push_back(Heading{3, "Goals, what was feasible, and history"});
    doc.push_back(Paragraph{lambda_words(p)});
    doc.push_back(product_table(p));
    doc.push_back(Paragraph{stage_key(p)});
    std::vector<std::string> below;
    for (const auto& x : p.products)
      if (!x.below_base.empty()) below.push_back(short_name(x) + ": " + x.below_base);
    if (!below.empty()) {
      doc.push_back(Paragraph{fmt::format("† below {}:", p.base_year)});
      doc.push_back(Bullets{below});
    }
    bool any_alt = false;
    for (const auto& x : p.products) any_alt = any_alt || !x.actual_alternatives.empty();
    if (any_alt) {
      std::vector<std::string> alts;
      for (const auto& x : p.products)
        for (const auto& a : x.actual_alternatives)
          alts.push_back(fmt::format("{} {}: {} {} (other source)", short_name(x), x.actual_year, format_quantity(a.value), x.unit));
      doc.push_back(Paragraph{"* sources conflict; alternatives:"});
      doc.push_back(Bullets{alts});
    }
    if (p.bands) {
      doc.push_back(Heading{3, "How sure: the goal year over the uncertain inputs"});
      doc.push_back(Paragraph{bands_sentence(*p.bands)});
      doc.push_back(bands_table(p));
      if (!p.bands->failures.empty()) {
        doc.push_back(Paragraph{"Draws without an optimum (they count as goals not feasible):"});
        doc.push_back(Bullets{failure_lines(*p.bands)});
      }
      if (!p.bands->sensitivity.empty()) {
        doc.push_back(Paragraph{fmt::format("What λ* hangs on (Sobol total index ST, first-order S1, ± 95 % interval; {} base samples):",
                                            p.bands->sobol_samples)});
        doc.push_back(Bullets{sensitivity_lines(*p.bands)});
      }
    }
    auto unmet = unmet_lines(p);
    if (p.fulfilment) {
      doc.push_back(Heading{3, "Goals that could not be met"});
      if (unmet.empty()) doc.push_back(Paragraph{"None: every goal is feasible."});
      else doc.push_back(Bullets{unmet});
    }
    if (!p.binding_families.empty()) {
      doc.push_back(Heading{3, "What bound them (largest shadow price first; the LP rows in --format json)"});
      doc.push_back(Bullets{binding_lines(p, 12)});
    }
    if (!p.scenarios.empty()) {
      doc.push_back(Heading{3, "Re-solves"});
      doc.push_back(scenario_table(p));
      std::vector<std::string> labels;
      for (const auto& s : p.scenarios) labels.push_back(s.id + ": " + s.label);
      doc.push_back(Bullets{labels});
    }
  }
  auto sources = c.sources();
  if (!sources.empty()) {
    doc.push_back(Heading{2, "Sources"});
    std::vector<std::string> items;
    for (const auto& s : sources) {
      std::string by;
      for (const auto& b : s.cited_by) by += (by.empty() ? "" : ", ") + b;
      items.push_back(s.text + " [" + by + "]");
    }
    doc.push_back(Bullets{items});
  }
  return doc;
}

// ---- CSV and JSON: full precision --------------------------------------------------------

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

std::string column_key(const PlanComparison& p) { return stage_key(p); }
std::string lambda_sentence(const PlanComparison& p) { return lambda_words(p); }
std::string comparison_to_text(const Comparison& c) { return render_text(document(c)); }
std::string comparison_to_markdown(const Comparison& c) { return render_markdown(document(c)); }

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
