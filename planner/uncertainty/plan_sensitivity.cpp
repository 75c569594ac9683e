#include "planner/uncertainty/plan_sensitivity.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>

#include "planner/uncertainty/parallel_draws.hpp"
#include "planner/uncertainty/sobol.hpp"

namespace planner::uncertainty {

PlanSensitivity sobol_sensitivity(const UncertainPlan& plan, std::size_t base_samples, std::uint64_t seed,
                                  const lp::SolveOptions& options, unsigned threads, const DrawProgress& progress) {
  const SaltelliDesign design{base_samples, plan.inputs().size(), seed};
  // The headline results: λ* (or the objective), then each goal cell's target.
  std::vector<std::size_t> goal_cells;
  for (std::size_t c = 0; c < plan.cells().size(); ++c)
    if (plan.cells()[c].goal >= 0) goal_cells.push_back(c);
  const std::size_t results = 1 + goal_cells.size();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<std::vector<double>> f(results, std::vector<double>(design.evaluations(), nan));
  std::atomic<std::size_t> done{0};
  std::mutex report;
  for_each_draw(design.evaluations(), threads, [&](std::size_t e) {
    const PlanDraw d = plan.solve_at(design.row(e), options);
    if (d.status == "optimal") {
      f[0][e] = d.objective.value_or(nan);
      for (std::size_t r = 0; r < goal_cells.size(); ++r) f[r + 1][e] = d.targets[goal_cells[r]];
    }
    const std::size_t n = ++done;
    if (progress) {
      std::lock_guard<std::mutex> lock(report);
      progress(n, design.evaluations());
    }
  });
  PlanSensitivity out;
  out.plan = plan.file().stem().string();
  out.base_samples = base_samples;
  out.inputs = design.k;
  const Plan& p = plan.nominal();
  for (std::size_t r = 0; r < results; ++r) {
    ResultSensitivity rs;
    if (r == 0) {
      rs.result = p.objective.kind == ObjectiveKind::max_fulfilment ? "lambda" : to_string(p.objective.kind);
    } else {
      const TargetCell& c = plan.cells()[goal_cells[r - 1]];
      rs.result = fmt::format("{} {}", c.product, p.calendar_year(c.year));
    }
    const SobolIndices s = sobol_indices(design, f[r], seed);
    rs.dropped_rows = s.dropped_rows;
    for (std::size_t i = 0; i < design.k; ++i)
      rs.inputs.push_back({plan.inputs().groups()[i].name, s.s1[i], s.s1_conf[i], s.st[i], s.st_conf[i]});
    std::stable_sort(rs.inputs.begin(), rs.inputs.end(),
                     [](const InputSensitivity& a, const InputSensitivity& b) { return a.st > b.st; });
    out.results.push_back(std::move(rs));
  }
  return out;
}

std::string to_text(const PlanSensitivity& s, std::size_t top) {
  std::string out = fmt::format(
      "Which assumptions matter (Sobol indices by Saltelli sampling: {} base samples, {} inputs, {} solves;\n"
      "S1 = share of the result's variance an input explains alone, ST = with its interactions; ± 95 % bootstrap)\n",
      s.base_samples, s.inputs, s.base_samples * (s.inputs + 2));
  for (const ResultSensitivity& r : s.results) {
    out += fmt::format("  {}{}\n", r.result,
                       r.dropped_rows ? fmt::format(" ({} of {} base rows dropped: a draw without an optimum)",
                                                    r.dropped_rows, s.base_samples)
                                      : "");
    if (r.dropped_rows == s.base_samples) {
      out += "    no base row solved in all its draws: no indices\n";
      continue;
    }
    for (std::size_t i = 0; i < r.inputs.size() && i < top; ++i) {
      const InputSensitivity& in = r.inputs[i];
      out += fmt::format("    {:<40} ST {:.2f} ± {:.2f}   S1 {:.2f} ± {:.2f}\n", in.input, in.st, in.st_conf, in.s1, in.s1_conf);
    }
  }
  return out;
}

namespace {
std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}
}  // namespace

std::string sensitivity_csv(const std::vector<PlanSensitivity>& plans) {
  std::string out = "plan,result,input,s1,s1_conf,st,st_conf\n";
  for (const PlanSensitivity& p : plans)
    for (const ResultSensitivity& r : p.results)
      for (const InputSensitivity& i : r.inputs)
        out += fmt::format("{},{},{},{},{},{},{}\n", p.plan, r.result, csv_cell(i.input), i.s1, i.s1_conf, i.st, i.st_conf);
  return out;
}

}  // namespace planner::uncertainty

namespace planner::uncertainty {

nlohmann::json sensitivity_json(const std::vector<PlanSensitivity>& plans) {
  nlohmann::json out = nlohmann::json::array();
  for (const PlanSensitivity& p : plans) {
    nlohmann::json jp = {{"plan", p.plan}, {"base_samples", p.base_samples}, {"inputs", p.inputs}};
    jp["results"] = nlohmann::json::array();
    for (const ResultSensitivity& r : p.results) {
      nlohmann::json jr = {{"result", r.result}, {"dropped_rows", r.dropped_rows}};
      jr["inputs"] = nlohmann::json::array();
      for (const InputSensitivity& i : r.inputs)
        jr["inputs"].push_back({{"input", i.input}, {"s1", i.s1}, {"s1_conf", i.s1_conf}, {"st", i.st}, {"st_conf", i.st_conf}});
      jp["results"].push_back(std::move(jr));
    }
    out.push_back(std::move(jp));
  }
  return out;
}

}  // namespace planner::uncertainty
