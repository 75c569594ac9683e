#include "planner/lp/plan_sweep.hpp"

#include <map>
#include <memory>

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <memory>

#include "planner/lp/clp_solver.hpp"
#include "planner/lp/solve_plan.hpp"
#include "planner/model/error.hpp"

namespace planner::lp {
namespace {

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(sep, start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

std::optional<double> parse_number(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

[[noreturn]] void unknown_key(const Plan& plan, const std::string& key, const std::string& why) {
  std::string known;
  for (const auto& k : sweep_key_patterns()) known += (known.empty() ? "" : ", ") + k;
  throw Error(ExitCode::bad_input, plan.file, key, fmt::format("cannot vary \"{}\": {}; the keys are {}", key, why, known));
}

std::size_t sector_of(const Plan& plan, const std::string& key, const std::string& id) {
  auto i = plan.economy.sector_index(id);
  if (!i) unknown_key(plan, key, fmt::format("the model has no sector \"{}\"", id));
  return *i;
}

void require_nonnegative(const Plan& plan, const std::string& key, double value) {
  if (!(value >= 0.0) || !std::isfinite(value))
    throw Error(ExitCode::bad_input, plan.file, key, fmt::format("\"{}\" must be a finite number ≥ 0, got {}", key, value));
}

}  // namespace

double SweepSpec::value(int k) const {
  if (steps <= 1) return from;
  if (k == steps - 1) return to;  // exactly TO, whatever the rounding of the steps
  return from + (to - from) * static_cast<double>(k) / static_cast<double>(steps - 1);
}

SweepSpec parse_sweep_spec(const std::string& text) {
  auto fail = [&](const std::string& why) {
    throw Error(ExitCode::usage, "", "--vary", fmt::format("\"{}\": {}; expected KEY=FROM:TO:STEPS, e.g. resources.labour.available=400:500:11", text, why));
  };
  std::size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0) fail("no KEY= before the range");
  SweepSpec s;
  s.key = text.substr(0, eq);
  auto parts = split(text.substr(eq + 1), ':');
  if (parts.size() != 3) fail("the range needs three parts FROM:TO:STEPS");
  auto from = parse_number(parts[0]), to = parse_number(parts[1]);
  if (!from || !to) fail("FROM and TO must be finite numbers");
  char* end = nullptr;
  long steps = std::strtol(parts[2].c_str(), &end, 10);
  if (parts[2].empty() || end != parts[2].c_str() + parts[2].size() || steps < 1 || steps > 100000)
    fail("STEPS must be a whole number from 1 to 100000");
  s.from = *from;
  s.to = *to;
  s.steps = static_cast<int>(steps);
  return s;
}

std::vector<std::string> sweep_key_patterns() {
  return {"resources.<id>.available", "demand.<sector>", "sectors.<id>.capacity", "sectors.<id>.stock",
          "sectors.<id>.output", "trade.credit"};
}

void set_plan_value(Plan& plan, const std::string& key, double value) {
  const auto parts = split(key, '.');
  Economy& e = plan.economy;
  if (parts.size() == 3 && parts[0] == "resources" && parts[2] == "available") {
    auto r = e.resource_index(parts[1]);
    if (!r) unknown_key(plan, key, fmt::format("the model has no resource \"{}\"", parts[1]));
    require_nonnegative(plan, key, value);
    e.resources[*r].available = {value};
    return;
  }
  if (parts.size() == 2 && parts[0] == "demand") {
    const std::size_t i = sector_of(plan, key, parts[1]);
    require_nonnegative(plan, key, value);
    if (!plan.demand_override) {
      std::vector<double> d;
      for (const Sector& s : e.sectors) d.push_back(s.demand);
      plan.demand_override = d;
    }
    (*plan.demand_override)[i] = value;
    if (i < plan.demand_paths.size()) plan.demand_paths[i].clear();  // the swept number, not a [demand] list
    return;
  }
  if (parts.size() == 3 && parts[0] == "sectors" && (parts[2] == "capacity" || parts[2] == "stock" || parts[2] == "output")) {
    Sector& s = e.sectors[sector_of(plan, key, parts[1])];
    require_nonnegative(plan, key, value);
    if (parts[2] == "capacity") {
      if (!s.capacity) unknown_key(plan, key, fmt::format("sector \"{}\" has no capacity in the model", s.id));
      s.capacity = value;
    } else if (parts[2] == "stock") {
      s.stock = value;
    } else {
      s.output = value;
    }
    return;
  }
  if (key == "trade.credit") {
    require_nonnegative(plan, key, value);
    e.credit = {value};
    return;
  }
  unknown_key(plan, key, "not a key of the plan or its model");
}

SweepResult run_sweep(const Plan& plan, const SweepSpec& spec, const SolveOptions& options, const SweepProgress& progress) {
  {
    Plan check = plan;  // unknown keys and bad values fail before any solve
    set_plan_value(check, spec.key, spec.from);
    set_plan_value(check, spec.key, spec.to);
  }
  SweepResult out;
  out.plan = plan.name;
  out.key = spec.key;
  out.objective_kind = to_string(plan.objective.kind);

  // One CLP model per LP shape for the whole sweep (a goal objective's second stage solves two
  // more LPs of other shapes each step); the stats of the first (primary) solve of each step.
  auto models = std::make_shared<std::map<std::pair<int, int>, std::unique_ptr<ClpWarmSolver>>>();
  struct Stats {
    bool first = true;
    int iterations = 0;
    bool warm = false;
  };
  auto stats = std::make_shared<Stats>();
  LpSolver solver = [models, stats](const LinearProgram& lp, const SolveOptions& o) {
    auto& warm = (*models)[{lp.num_row, lp.num_col}];
    if (!warm) warm = std::make_unique<ClpWarmSolver>();
    LpSolution s = warm->solve(lp, o);
    if (stats->first) {
      stats->first = false;
      stats->iterations = s.iterations;
      stats->warm = warm->last_was_warm();
    }
    return s;
  };
  for (int k = 0; k < spec.steps; ++k) {
    Plan p = plan;
    SweepPoint point;
    point.value = spec.value(k);
    set_plan_value(p, spec.key, point.value);
    *stats = Stats{};
    PlanResult r = solve_plan(p, options, solver);
    point.status = r.status;
    point.objective = r.objective;
    point.fulfilment = r.fulfilment;
    point.iterations = stats->iterations;
    point.warm = stats->warm;
    point.binding = r.binding;
    point.message = r.message;
    if (point.message.empty() && r.diagnosis) point.message = r.diagnosis->summary;
    out.points.push_back(std::move(point));
    if (progress) progress(k + 1, spec.steps);
  }
  return out;
}

nlohmann::json to_json(const SweepResult& result) {
  nlohmann::json j;
  j["plan"] = result.plan;
  j["key"] = result.key;
  j["objective_kind"] = result.objective_kind;
  j["points"] = nlohmann::json::array();
  for (const SweepPoint& p : result.points) {
    nlohmann::json q;
    q["value"] = p.value;
    q["status"] = p.status;
    q["objective"] = p.objective ? nlohmann::json(*p.objective) : nlohmann::json(nullptr);
    q["fulfilment"] = p.fulfilment ? nlohmann::json(*p.fulfilment) : nlohmann::json(nullptr);
    q["iterations"] = p.iterations;
    q["warm"] = p.warm;
    nlohmann::json prices = nlohmann::json::object();
    for (const BindingRow& b : p.binding) prices[b.row] = b.shadow_price;
    q["shadow_prices"] = prices;
    if (!p.message.empty()) q["message"] = p.message;
    j["points"].push_back(q);
  }
  return j;
}

}  // namespace planner::lp
