#include "planner/uncertainty/uncertainty_format.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace planner::uncertainty {

namespace {
constexpr const char* band_keys[5] = {"p5", "p25", "p50", "p75", "p95"};

}  // namespace

std::string exact(double v) { return fmt::format("{}", v); }

nlohmann::json band_json(const Band& b) {
  nlohmann::json j = nlohmann::json::object();
  for (int k = 0; k < 5; ++k) j[band_keys[k]] = b[static_cast<std::size_t>(k)];
  return j;
}

std::string readable(double v) {
  const double a = std::abs(v);
  if (a == 0) return "0";
  if (a >= 1000) return fmt::format("{:.0f}", v);
  if (a >= 10) return fmt::format("{:.1f}", v);
  if (a >= 0.01) return fmt::format("{:.3f}", v);
  return fmt::format("{:.3g}", v);
}

namespace {

std::string percent(double share) { return fmt::format("{:.0f} %", 100.0 * share); }

}  // namespace

std::string to_csv(const std::vector<PlanUncertainty>& plans) {
  std::string out = "plan,product,year,p5,p25,p50,p75,p95,prob_goal_feasible\n";
  for (const PlanUncertainty& p : plans)
    for (const TargetBand& t : p.targets) {
      out += fmt::format("{},{},{}", p.plan, t.product, t.year);
      for (int k = 0; k < 5; ++k) out += "," + (t.target ? exact((*t.target)[static_cast<std::size_t>(k)]) : std::string());
      out += "," + (t.prob_goal_feasible ? exact(*t.prob_goal_feasible) : std::string()) + "\n";
    }
  return out;
}

nlohmann::json to_json(const RunHeader& run, const std::vector<PlanUncertainty>& plans) {
  nlohmann::json j;
  j["samples"] = run.samples;
  j["seed"] = run.seed;
  j["plans"] = nlohmann::json::array();
  for (const PlanUncertainty& p : plans) {
    nlohmann::json jp;
    jp["plan"] = p.plan;
    jp["name"] = p.name;
    jp["objective_kind"] = p.objective_kind;
    jp["draws"] = {{"samples", p.samples},
                   {"optimal", p.solved},
                   {"without_optimum", p.samples - p.solved},
                   {"contradict_base_year", p.base_year}};
    jp["base_year_closure"] = to_string(p.closure);
    jp["uncertain_numbers"] = p.numbers;
    jp["independent_inputs"] = p.groups;
    jp["objective"] = p.objective ? band_json(*p.objective) : nlohmann::json(nullptr);
    jp["prob_all_goals"] = p.prob_all_goals ? nlohmann::json(*p.prob_all_goals) : nlohmann::json(nullptr);
    jp["targets"] = nlohmann::json::array();
    for (const TargetBand& t : p.targets) {
      nlohmann::json jt = {{"product", t.product}, {"year", t.year}};
      jt["target"] = t.target ? band_json(*t.target) : nlohmann::json(nullptr);
      jt["goal"] = t.goal ? nlohmann::json(*t.goal) : nlohmann::json(nullptr);
      jt["prob_goal_feasible"] = t.prob_goal_feasible ? nlohmann::json(*t.prob_goal_feasible) : nlohmann::json(nullptr);
      jp["targets"].push_back(std::move(jt));
    }
    jp["binding"] = nlohmann::json::array();
    for (const BindingShare& b : p.binding)
      jp["binding"].push_back({{"row", b.row}, {"share", b.share}, {"shadow_price", band_json(b.shadow)}});
    jp["failures"] = nlohmann::json::array();
    for (const FailureCount& f : p.failures)
      jp["failures"].push_back({{"status", f.status}, {"count", f.count}, {"diagnosis", f.failure}});
    j["plans"].push_back(std::move(jp));
  }
  return j;
}

std::string to_text(const RunHeader& run, const std::vector<PlanUncertainty>& plans) {
  std::string out;
  for (const PlanUncertainty& p : plans) {
    out += fmt::format("{}\n", p.name);
    out += fmt::format("{} draws (seed {}) of {} uncertain numbers in {} independent inputs; {} with an optimum, {} without.\n",
                       run.samples, run.seed, p.numbers, p.groups, p.solved, p.samples - p.solved);
    if (p.closure == BaseYearClosure::hold_use)
      out += "Each draw keeps the base year's recorded use of every product (its coefficients and demand for it\n"
             "scaled together; --base-year as-drawn keeps them as drawn).\n";
    if (p.base_year > 0)
      out += fmt::format("{} draws contradict the recorded base year (only year-0 rows would have to move: with their\n"
                         "coefficients the base year's output cannot cover its own inputs and consumption). They are set\n"
                         "aside and counted; the probabilities below are shares of the other {} draws.\n",
                         p.base_year, p.samples - p.base_year);
    if (p.objective) {
      const Band& b = *p.objective;
      out += fmt::format("{} {}: median {}, 90 % of draws in [{}, {}], half in [{}, {}].\n",
                         p.objective_kind == "max-fulfilment" ? "λ* (share of every goal reachable together)" : "objective",
                         p.objective_kind == "max-fulfilment" ? "" : p.objective_kind, readable(b[2]), readable(b[0]),
                         readable(b[4]), readable(b[1]), readable(b[3]));
    }
    if (p.prob_all_goals)
      out += fmt::format("Every goal reachable together (λ* ≥ 1) in {} of the draws.\n", percent(*p.prob_all_goals));
    // The goal-year table: the products with goals, then the rest in their last year.
    std::vector<const TargetBand*> rows;
    for (const TargetBand& t : p.targets)
      if (t.goal) rows.push_back(&t);
    out += "\nFeasible targets in the goal year (percentiles over the draws with an optimum)\n";
    const std::string head = fmt::format("{:<16} {:>5} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>9}\n", "product", "year",
                                         "goal", "p5", "p25", "p50", "p75", "p95", "P(goal)");
    out += head;
    for (const TargetBand* t : rows) {
      auto cell = [&](int k) { return t->target ? readable((*t->target)[static_cast<std::size_t>(k)]) : std::string("—"); };
      out += fmt::format("{:<16} {:>5} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>9}\n", t->product, t->year,
                         readable(*t->goal), cell(0), cell(1), cell(2), cell(3), cell(4),
                         t->prob_goal_feasible ? percent(*t->prob_goal_feasible) : "");
    }
    if (!p.binding.empty()) {
      out += "\nConstraints that bind most often (share of draws with an optimum; shadow price median [p5, p95])\n";
      std::size_t shown = 0;
      for (const BindingShare& b : p.binding) {
        if (shown++ == 15) break;
        out += fmt::format("  {:>5}  {:<40} {} [{}, {}]\n", percent(b.share), b.row, readable(b.shadow[2]),
                           readable(b.shadow[0]), readable(b.shadow[4]));
      }
      if (p.binding.size() > 15) out += fmt::format("  … {} more rows (--format json lists them all)\n", p.binding.size() - 15);
    }
    if (!p.failures.empty()) {
      out += "\nDraws without an optimum\n";
      for (const FailureCount& f : p.failures) out += fmt::format("  {} × {}: {}\n", f.count, f.status, f.failure);
    }
    out += "\n";
  }
  return out;
}

std::string format_run(const RunHeader& run, const std::vector<PlanUncertainty>& plans, const std::string& format) {
  if (format == "json") return to_json(run, plans).dump(2) + "\n";
  if (format == "csv") return to_csv(plans);
  return to_text(run, plans);
}

}  // namespace planner::uncertainty
