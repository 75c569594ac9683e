#include "planner/report/bands_format.hpp"

#include <fmt/format.h>

#include "planner/report/comparison_format.hpp"

namespace planner {

std::string format_probability(const std::optional<double>& p) {
  if (!p) return "–";  // the report's missing mark
  const double pct = 100.0 * *p;
  // below 1 % and above 99 % say so rather than round to a certainty the draws do not show
  if (pct > 0.0 && pct < 1.0) return "< 1 %";
  if (pct < 100.0 && pct > 99.0) return "> 99 %";
  return fmt::format("{:.0f} %", pct);
}

std::string bands_sentence(const PlanBands& b) {
  std::string s = fmt::format("Over {} draws (seed {}) of {} uncertain numbers in {} independent inputs, {} with an optimum",
                              b.samples, b.seed, b.numbers, b.inputs, b.solved);
  if (b.fulfilment) {
    const Percentiles& l = *b.fulfilment;
    s += fmt::format(": λ* median {}, 90 % of draws in [{}, {}], half in [{}, {}]", format_lambda(l[2]),
                     format_lambda(l[0]), format_lambda(l[4]), format_lambda(l[1]), format_lambda(l[3]));
  }
  if (b.prob_all_goals) s += fmt::format("; every goal feasible together in {} of them", format_probability(b.prob_all_goals));
  s += ".";
  if (b.base_year == "hold-use") s += " Each draw keeps the base year's recorded use of every product.";
  return s;
}

std::optional<Percentiles> band_in(const PlanBands& b, const std::string& product, int year) {
  auto p = b.products.find(product);
  if (p == b.products.end()) return std::nullopt;
  auto y = p->second.path.find(year);
  if (y == p->second.path.end()) return std::nullopt;
  return y->second;
}

std::optional<double> goal_probability(const PlanBands& b, const std::string& product) {
  auto p = b.products.find(product);
  return p == b.products.end() ? std::nullopt : p->second.prob_goal;
}

Table bands_table(const PlanComparison& p) {
  Table t({"product", "goal", "feasible", "p5", "p25", "median", "p75", "p95", "how sure (P goal)"});
  const PlanBands& b = *p.bands;
  for (const auto& x : p.products) {
    auto band = band_in(b, x.id, x.goal_year);
    if (!band) continue;
    std::vector<std::string> row{short_name(x), format_quantity(x.goal), format_quantity(x.feasible)};
    for (double v : *band) row.push_back(format_quantity(v));
    row.push_back(x.goal ? format_probability(goal_probability(b, x.id)) : format_probability(std::nullopt));
    t.add_row(std::move(row));
  }
  return t;
}

std::vector<std::string> failure_lines(const PlanBands& b, std::size_t limit) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < b.failures.size() && i < limit; ++i)
    out.push_back(fmt::format("{} × {}", b.failures[i].first, b.failures[i].second));
  if (b.failures.size() > limit) {
    std::size_t rest = 0;
    for (std::size_t i = limit; i < b.failures.size(); ++i) rest += b.failures[i].first;
    out.push_back(fmt::format("{} more draws for {} other reasons (--format json lists them all)", rest, b.failures.size() - limit));
  }
  return out;
}

std::vector<std::string> sensitivity_lines(const PlanBands& b, std::size_t limit) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < b.sensitivity.size() && i < limit; ++i) {
    const SensitivityBar& s = b.sensitivity[i];
    out.push_back(fmt::format("{}: ST {:.2f} ± {:.2f}, S1 {:.2f} ± {:.2f}{}", s.input, s.st, s.st_conf, s.s1, s.s1_conf,
                              s.reason.empty() ? "" : " — " + s.reason));
  }
  return out;
}

nlohmann::ordered_json bands_json(const PlanBands& b) {
  using json = nlohmann::ordered_json;
  auto band = [](const Percentiles& p) { return json{{"p5", p[0]}, {"p25", p[1]}, {"p50", p[2]}, {"p75", p[3]}, {"p95", p[4]}}; };
  json j;
  j["samples"] = b.samples;
  j["seed"] = b.seed;
  j["optimal"] = b.solved;
  j["uncertain_numbers"] = b.numbers;
  j["independent_inputs"] = b.inputs;
  j["base_year_closure"] = b.base_year;
  j["fulfilment"] = b.fulfilment ? band(*b.fulfilment) : json(nullptr);
  j["prob_all_goals"] = b.prob_all_goals ? json(*b.prob_all_goals) : json(nullptr);
  json products = json::object();
  for (const auto& [id, p] : b.products) {
    json jp;
    jp["prob_goal_feasible"] = p.prob_goal ? json(*p.prob_goal) : json(nullptr);
    json path = json::object();
    for (const auto& [year, v] : p.path) path[std::to_string(year)] = band(v);
    jp["path"] = std::move(path);
    products[id] = std::move(jp);
  }
  j["products"] = std::move(products);
  j["failures"] = json::array();
  for (const auto& [count, why] : b.failures) j["failures"].push_back({{"count", count}, {"diagnosis", why}});
  j["sobol_samples"] = b.sobol_samples;
  j["sensitivity"] = json::array();
  for (const SensitivityBar& s : b.sensitivity)
    j["sensitivity"].push_back({{"input", s.input}, {"s1", s.s1}, {"s1_conf", s.s1_conf}, {"st", s.st}, {"st_conf", s.st_conf},
                                {"reason", s.reason}});
  return j;
}

}  // namespace planner
