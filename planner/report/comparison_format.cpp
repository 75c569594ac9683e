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

}  // namespace

std::string column_key(const PlanComparison& p) { return stage_key(p); }
std::string lambda_sentence(const PlanComparison& p) { return lambda_words(p); }
std::string comparison_to_text(const Comparison& c) { return render_text(document(c)); }
std::string comparison_to_markdown(const Comparison& c) { return render_markdown(document(c)); }

}  // namespace planner
