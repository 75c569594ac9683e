#include "planner/report/comparison_solve.hpp"

#include <cctype>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "planner/lp/frontier.hpp"
#include "planner/lp/history_test.hpp"
#include "planner/lp/solve_plan.hpp"
#include "planner/model/error.hpp"

namespace planner {

namespace {

std::vector<std::string> split_args(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    auto comma = s.find(',', start);
    out.push_back(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

bool is_int(const std::string& s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i])) && !(i == 0 && s[i] == '-')) return false;
  return s != "-";
}

std::map<std::string, std::map<int, double>> series_map(const lp::Series& s) {
  std::map<std::string, std::map<int, double>> out;
  for (std::size_t k = 0; k < s.ids.size(); ++k) out[s.ids[k]] = s.values[k];
  return out;
}

}  // namespace

BindingConstraint describe_row(const Plan& plan, const std::string& row, double shadow_price) {
  BindingConstraint b;
  b.row = row;
  b.shadow_price = shadow_price;
  b.kind = "other";
  b.year = -1;
  auto open = row.find('[');
  auto close = row.rfind(']');
  if (open == std::string::npos || close == std::string::npos || close < open) return b;
  std::string family = row.substr(0, open);
  auto args = split_args(row.substr(open + 1, close - open - 1));
  const Economy& e = plan.economy;
  if ((family == "balance" || family == "capacity" || family == "floor") && args.size() == 2 && is_int(args[1])) {
    b.kind = family;
    b.subject = args[0];
    b.year = std::stoi(args[1]);
  } else if (family == "currency" && args.size() == 1 && is_int(args[0])) {
    b.kind = "trade";
    b.year = std::stoi(args[0]);
  } else if (family == "terminal" && args.size() == 1) {
    b.kind = "terminal";
    b.subject = args[0];
    b.year = plan.horizon();
  } else if (family == "goal" || family == "fulfilment_goal" || family == "shortfall_goal") {
    b.kind = "goal";
    // goal[<goal id>] or, for a member of an unweighted group goal, goal[<goal id>,<sector>].
    const std::string& id = args.front();
    for (const auto& g : plan.goals)
      if (g.id == id) {
        b.subject = args.size() > 1 ? args.back() : (g.sector.empty() ? g.id : g.sector);
        b.year = g.year > 0 ? g.year : plan.years;
        if (!g.sector.empty() || args.size() > 1) break;
        b.subject_name = g.id;
        b.unit = "unit of the weighted sum";
      }
  } else if (e.resource_index(family) && args.size() == 1 && is_int(args[0])) {
    b.kind = "resource";
    b.subject = family;
    b.year = std::stoi(args[0]);
  }
  return b;
}

SolveSummary summarise(const Plan& plan, const lp::PlanResult& r) {
  SolveSummary s;
  s.status = r.status;
  if (r.diagnosis) s.diagnosis = r.diagnosis->summary;
  else if (!r.message.empty()) s.diagnosis = r.message;
  s.fulfilment = r.fulfilment;
  s.output = series_map(r.output);
  s.imports = series_map(r.imports);
  s.exports = series_map(r.exports);
  s.activity = series_map(r.activity);
  for (const auto& b : r.binding) {
    if (std::fabs(b.shadow_price) <= 1e-9) continue;            // binds without a valuation
    if (b.row.rfind("hold[", 0) == 0) continue;                  // lexicographic artefact
    s.binding.push_back(describe_row(plan, b.row, b.shadow_price));
  }
  s.second_stage = r.second_stage;
  s.second_stage_growth = r.second_stage_growth;
  s.second_stage_note = r.second_stage_note;
  for (const auto& b : r.second_stage_binding) s.second_stage_binding.push_back(describe_row(plan, b.row, b.shadow_price));
  return s;
}

SolveSummary solve_for_comparison(const Plan& plan) { return summarise(plan, lp::solve_plan(plan)); }

namespace {

std::vector<lp::FrontierProduct> frontier_products(const Plan& plan, const std::vector<FrontierQuestion>& questions,
                                                   int last_year) {
  std::vector<lp::FrontierProduct> out;
  for (const auto& q : questions) {
    lp::FrontierProduct p;
    p.id = q.id;
    p.year = std::min(q.year, last_year);
    for (const auto& [id, w] : q.weights) {
      auto j = plan.economy.sector_index(id);
      if (!j) throw Error(ExitCode::bad_input, plan.file, q.id, fmt::format("no sector \"{}\" in the model", id));
      p.weights.emplace_back(*j, w);
    }
    out.push_back(p);
  }
  return out;
}

}  // namespace

FrontierSolver frontier_with_clp(const lp::SolveOptions& options) {
  return [options](const Plan& plan, double level, const std::vector<FrontierQuestion>& questions) {
    std::vector<Figure> out;
    for (const auto& v : lp::fulfilment_frontier(plan, level, frontier_products(plan, questions, plan.years), options))
      out.push_back(v.value);
    return out;
  };
}

HistorySummary summarise(const lp::HistoryTest& t) {
  HistorySummary h;
  h.status = t.status;
  h.verdict = t.verdict;
  h.year = t.last_year;
  h.share = t.share;
  h.findings = t.findings;
  return h;
}

HistorySolver history_with_clp(const lp::SolveOptions& options) {
  return [options](const Plan& plan, const std::vector<FrontierQuestion>& questions) {
    lp::HistoryTest t = lp::test_history(plan, options);
    HistorySummary h = summarise(t);
    if (t.status == "feasible" || t.status == "infeasible") {
      // Frontier (b): every other record held at its value, in the model granted what those
      // records need when they are out of its reach.
      std::vector<FrontierQuestion> asked;
      for (const auto& q : questions)
        if (q.year > 0) asked.push_back(q);
      auto values = lp::history_frontier(plan, frontier_products(plan, asked, plan.years), options);
      for (std::size_t k = 0; k < asked.size() && k < values.size(); ++k)
        if (values[k].value) h.frontier[asked[k].id] = *values[k].value;
    }
    return h;
  };
}

}  // namespace planner
