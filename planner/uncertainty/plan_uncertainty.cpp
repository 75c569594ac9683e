#include "planner/uncertainty/plan_uncertainty.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <mutex>

#include "planner/uncertainty/parallel_draws.hpp"
#include "planner/uncertainty/percentiles.hpp"

namespace planner::uncertainty {

std::vector<PlanDraw> run_draws(const UncertainPlan& plan, std::uint64_t seed, std::size_t first, std::size_t count,
                                const lp::SolveOptions& options, unsigned threads, const DrawProgress& progress) {
  std::vector<PlanDraw> draws(count);
  std::atomic<std::size_t> done{0};
  std::mutex report;
  for_each_draw(count, threads, [&](std::size_t i) {
    draws[i] = plan.solve_draw(seed, first + i, options);
    const std::size_t n = ++done;
    if (progress) {
      std::lock_guard<std::mutex> lock(report);
      progress(n, count);
    }
  });
  return draws;
}

PlanUncertainty summarise(const UncertainPlan& plan, const std::vector<PlanDraw>& draws) {
  const Plan& p = plan.nominal();
  PlanUncertainty out;
  out.plan = plan.file().stem().string();
  out.name = p.name;
  out.closure = plan.closure();
  out.objective_kind = to_string(p.objective.kind);
  out.samples = draws.size();
  out.numbers = plan.inputs().numbers().size();
  out.groups = plan.inputs().size();

  std::vector<double> objective;
  std::size_t all_goals = 0;
  std::map<std::string, std::vector<double>> shadow;  // row → shadow prices where it binds
  std::map<std::pair<std::string, std::string>, std::size_t> failures;
  for (const PlanDraw& d : draws) {
    if (d.status == "base-year") ++out.base_year;
    if (d.status != "optimal") {
      ++failures[{d.status, d.failure}];
      continue;
    }
    ++out.solved;
    if (d.objective) {
      objective.push_back(*d.objective);
      if (p.objective.kind == ObjectiveKind::max_fulfilment && *d.objective >= 1.0 - goal_tolerance) ++all_goals;
    }
    for (const lp::BindingRow& b : d.binding) shadow[b.row].push_back(b.shadow_price);
  }
  if (!objective.empty()) out.objective = quartiles_5_25_50_75_95(objective);
  const std::size_t consistent = draws.size() - out.base_year;
  if (p.objective.kind == ObjectiveKind::max_fulfilment && consistent > 0)
    out.prob_all_goals = static_cast<double>(all_goals) / static_cast<double>(consistent);

  const auto& cells = plan.cells();
  for (std::size_t c = 0; c < cells.size(); ++c) {
    TargetBand band;
    band.product = cells[c].product;
    band.year = p.calendar_year(cells[c].year);
    std::vector<double> values;
    std::size_t reached = 0;
    for (const PlanDraw& d : draws) {
      if (d.status != "optimal") continue;
      values.push_back(d.targets[c]);
      const double goal = d.goals[c];
      if (!std::isnan(goal) && d.targets[c] >= goal * (1.0 - goal_tolerance) - goal_tolerance) ++reached;
    }
    if (!values.empty()) band.target = quartiles_5_25_50_75_95(values);
    if (cells[c].goal >= 0) {
      band.goal = sector_goal_amount(p, p.goals[static_cast<std::size_t>(cells[c].goal)]);
      if (band.goal && consistent > 0) band.prob_goal_feasible = static_cast<double>(reached) / static_cast<double>(consistent);
    }
    out.targets.push_back(std::move(band));
  }

  for (auto& [row, prices] : shadow) {
    BindingShare b;
    b.row = row;
    b.share = static_cast<double>(prices.size()) / static_cast<double>(out.solved);
    b.shadow = quartiles_5_25_50_75_95(prices);
    out.binding.push_back(std::move(b));
  }
  std::stable_sort(out.binding.begin(), out.binding.end(),
                   [](const BindingShare& a, const BindingShare& b) { return a.share > b.share; });
  for (const auto& [key, count] : failures) out.failures.push_back({key.first, key.second, count});
  std::stable_sort(out.failures.begin(), out.failures.end(),
                   [](const FailureCount& a, const FailureCount& b) { return a.count > b.count; });
  return out;
}

}  // namespace planner::uncertainty
