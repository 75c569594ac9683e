// `planner check FILE`: validates a model or a plan (a plan is a TOML file with a `model`
// key) and prints a short summary of what was read. Any problem is one error line naming
// the file, line and key, with exit code 2.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>
#include <toml++/toml.h>

#include "planner/cli/command.hpp"
#include "planner/io/model_reader.hpp"
#include "planner/io/plan_reader.hpp"
#include "planner/model/error.hpp"
#include "planner/report/table.hpp"

namespace planner::cli {
namespace {

/// True when the file parses as TOML with a top-level `model` key. A file that does not
/// parse is left to read_model, which reports the syntax error.
bool is_plan(const std::string& file) {
  try {
    return toml::parse_file(file).contains("model");
  } catch (const std::exception&) {
    return false;
  }
}

std::string join(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string optional_number(const std::optional<double>& v) { return v ? fmt::format("{:g}", *v) : "-"; }

std::string years_list(const std::vector<int>& years) {
  std::vector<std::string> s;
  for (int y : years) s.push_back(std::to_string(y));
  return join(s);
}

std::string matrix_summary(const char* label, const Eigen::MatrixXd& m, int lag) {
  return fmt::format("{}: {}×{}, {} nonzeros, lag {}\n", label, m.rows(), m.cols(), (m.array() != 0.0).count(), lag);
}

std::string model_summary(const Economy& e) {
  std::string out = fmt::format("model {}: \"{}\" (base year {}, unit \"{}\")\n", e.file, e.name, e.base_year, e.unit);
  Table sectors({"sector", "name", "unit", "output", "stock", "capacity", "depreciation", "demand", "groups"});
  for (std::size_t c : {1u, 2u, 8u}) sectors.align(c, Table::Align::left);
  for (const auto& s : e.sectors)
    sectors.add_row({s.id, s.name, s.unit, fmt::format("{:g}", s.output), fmt::format("{:g}", s.stock),
                     optional_number(s.capacity), fmt::format("{:g}", s.depreciation), fmt::format("{:g}", s.demand),
                     join(s.groups)});
  out += fmt::format("{} sectors\n{}", e.size(), sectors.to_text());
  out += matrix_summary("technical A", e.technical, e.technical_lag);
  if (e.flows) out += "  (derived from intermediate flows Z: A = Z / output)\n";
  out += matrix_summary("capital Bk", e.capital, e.capital_lag);
  out += fmt::format("{} resources\n", e.resources.size());
  for (const auto& r : e.resources) {
    std::vector<std::string> avail;
    for (double a : r.available) avail.push_back(fmt::format("{:g}", a));
    out += fmt::format("  {} ({}, {}): available {}; per_output nonzeros {} (lag {}); per_capacity nonzeros {} (lag {}){}\n",
                       r.id, r.name, r.unit, r.unlimited() ? "unlimited" : join(avail),
                       (r.per_output.array() != 0.0).count(), r.per_output_lag, (r.per_capacity.array() != 0.0).count(),
                       r.per_capacity_lag, r.value_added ? "; value added" : "");
  }
  if (!e.processes.empty()) out += fmt::format("{} processes (techniques)\n", e.processes.size());
  for (const auto& p : e.processes)
    out += fmt::format("  {} ({} {}): {} inputs, {} capital inputs, {} resources{}{}\n", p.id, to_string(p.kind), p.product,
                       p.inputs.size(), p.capital.size(), p.resources.size(), p.capacity.empty() ? "" : "; capacity",
                       p.currency.empty() ? "" : (p.kind == ProcessKind::make ? "; currency" : "; price"));
  bool trade = false;
  for (const auto& s : e.sectors) trade = trade || s.export_price || s.import_price;
  if (trade) {
    std::vector<std::string> credit;
    for (double c : e.credit) credit.push_back(fmt::format("{:g}", c));
    out += fmt::format("foreign trade: credit {}\n", join(credit));
  }
  return out;
}

std::string objective_text(const Objective& o) {
  std::string s = to_string(o.kind);
  if (!o.resource.empty()) s += " of " + o.resource;
  if (!o.years.empty()) s += " over years " + years_list(o.years);
  return s;
}

std::string plan_summary(const Plan& p) {
  std::string out = fmt::format("plan {}: \"{}\"\nmodel: {}\n", p.file, p.name, p.model_file);
  out += fmt::format("years: T = {}, H = {} (terminal {}; capacity bound in year H: {})\n", p.years, p.horizon(),
                     p.terminal_steady_state ? "steady-state" : "none", p.terminal_capacity_bound ? "yes" : "no");
  out += fmt::format("demand years: {}{}\n", years_list(p.demand_years), p.demand_override ? " (demand overridden)" : "");
  out += "objective: " + objective_text(p.objective) + (p.then ? ", then " + objective_text(*p.then) : "") + "\n";
  out += fmt::format("{} goals\n", p.goals.size());
  for (const auto& g : p.goals) {
    std::string what = g.target ? fmt::format("target {:g}", *g.target) : fmt::format("×{:g} base output", *g.multiple);
    out += fmt::format("  {}: {} {} in {} (plan year {})\n", g.id, g.group.empty() ? g.sector : "group " + g.group, what,
                       p.calendar_year(g.year), g.year);
  }
  out += fmt::format("{} actuals\n", p.actuals.size());
  out += "\n" + model_summary(p.economy);
  return out;
}

void setup(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "check",
      "Validate a model or plan file (a plan is a TOML file with a `model` key) and print a\n"
      "short summary: sectors with units, matrix sizes, nonzeros and lags, resources; for a\n"
      "plan also the horizon, objective, goals and actuals. A bad file gets one message\n"
      "naming the file, line and key (exit 2).");
  cmd->footer(
      "Examples:\n"
      "  planner check models/williams/model.toml\n"
      "  planner check plans/williams-max-capacity.toml");
  auto file = std::make_shared<std::string>();
  cmd->add_option("FILE", *file, "model.toml or plan.toml (spec §3)")->required();
  cmd->callback([file] {
    const bool quiet = verbosity().quiet;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(*file, ec)) throw_bad_input(*file, "", "file not found");
    if (is_plan(*file)) {
      Plan plan = read_plan(*file);
      if (!quiet) std::cout << plan_summary(plan);
    } else {
      Economy economy = read_model(*file);
      if (!quiet) std::cout << model_summary(economy);
    }
    if (!quiet) std::cout << "ok\n";
  });
}

RegisterCommand reg(40, setup);

}  // namespace
}  // namespace planner::cli
