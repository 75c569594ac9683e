#include "planner/uncertainty/comparison_bands.hpp"

namespace planner::uncertainty {
namespace {

/// The first reason any member of the input gives for its range.
std::string reason_of(const UncertainInputs& inputs, const std::string& name) {
  for (const InputGroup& g : inputs.groups())
    if (g.name == name)
      for (std::size_t m : g.members)
        if (!inputs.numbers()[m].reason.empty()) return inputs.numbers()[m].reason;
  return {};
}

}  // namespace

PlanBands plan_bands(const UncertainPlan& plan, const PlanUncertainty& run, const PlanSensitivity* ranking) {
  PlanBands b;
  b.samples = run.samples;
  b.solved = run.solved;
  b.numbers = run.numbers;
  b.inputs = run.groups;
  b.base_year = to_string(run.closure);
  b.fulfilment = run.objective;
  b.prob_all_goals = run.prob_all_goals;
  for (const TargetBand& t : run.targets) {
    ProductBand& p = b.products[t.product];
    if (t.target) p.path[t.year] = *t.target;
    if (t.goal) p.prob_goal = t.prob_goal_feasible;
  }
  for (const FailureCount& f : run.failures) b.failures.emplace_back(f.count, f.status + ": " + f.failure);
  if (ranking) {
    b.sobol_samples = ranking->base_samples;
    for (const ResultSensitivity& r : ranking->results) {
      if (r.result != "lambda") continue;
      for (const InputSensitivity& i : r.inputs)
        b.sensitivity.push_back({i.input, reason_of(plan.inputs(), i.input), i.s1, i.s1_conf, i.st, i.st_conf});
    }
  }
  return b;
}

void add_bands(Comparison& c, const std::vector<std::string>& files, const BandOptions& options,
               const lp::SolveOptions& solve, const DrawProgress& progress) {
  std::vector<UncertainPlan> plans;
  std::size_t total = 0;
  for (const std::string& f : files) {
    plans.emplace_back(f, options.closure, fulfilment_plan);
    total += options.samples + options.sobol * (plans.back().inputs().size() + 2);
  }
  std::size_t before = 0;
  auto from = [&](std::size_t start) {
    return [&progress, start, total](std::size_t done, std::size_t) {
      if (progress) progress(start + done, total);
    };
  };
  for (std::size_t i = 0; i < plans.size() && i < c.plans.size(); ++i) {
    if (c.plans[i].status == "no-goals") continue;  // nothing to fulfil, so no verdict to be sure of
    const auto draws = run_draws(plans[i], options.seed, 0, options.samples, solve, options.threads, from(before));
    before += options.samples;
    PlanUncertainty run = summarise(plans[i], draws);
    std::optional<PlanSensitivity> ranking;
    if (options.sobol > 0) {
      ranking = sobol_sensitivity(plans[i], options.sobol, options.seed, solve, options.threads, from(before));
      before += options.sobol * (plans[i].inputs().size() + 2);
    }
    PlanBands bands = plan_bands(plans[i], run, ranking ? &*ranking : nullptr);
    bands.seed = options.seed;
    c.plans[i].bands = std::move(bands);
  }
}

}  // namespace planner::uncertainty
