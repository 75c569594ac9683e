// `planner impact MODEL --change coal=+10 …`: demand-driven impact Δx = L·Δf (spec §1).
// Parses arguments, calls planner::analysis::demand_impact and prints; no numerics here.
#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "planner/analysis/impact.hpp"
#include "planner/cli/command.hpp"
#include "planner/io/json.hpp"
#include "planner/io/model_reader.hpp"
#include "planner/io/output.hpp"
#include "planner/model/error.hpp"
#include "planner/report/table.hpp"

namespace planner::cli {
namespace {

/// "coal=+10" → ("coal", 10); anything else is a usage error.
std::pair<std::string, double> parse_change(const std::string& text) {
  auto eq = text.find('=');
  std::string id = eq == std::string::npos ? "" : text.substr(0, eq);
  std::string number = eq == std::string::npos ? "" : text.substr(eq + 1);
  char* end = nullptr;
  double value = number.empty() ? NAN : std::strtod(number.c_str(), &end);
  if (id.empty() || number.empty() || end != number.c_str() + number.size() || !std::isfinite(value))
    throw Error(ExitCode::usage, "", "--change", "expected SECTOR=CHANGE such as coal=+10 or steel=-5, got '" + text + "'");
  return {id, value};
}

std::string render(const Economy& e, const analysis::DemandImpact& d, const std::string& format) {
  const auto ids = e.sector_ids();
  if (format == "json") {
    std::vector<std::string> resources;
    for (const auto& r : e.resources) resources.push_back(r.id);
    nlohmann::json j{{"sectors", ids},
                     {"demand_change", labelled_vector_json(ids, d.demand_change)},
                     {"output_change", labelled_vector_json(ids, d.output_change)},
                     {"total_output_change", d.total_output_change},
                     {"resource_change", labelled_vector_json(resources, d.resource_change)}};
    return dump_json(j);
  }
  const bool csv = format == "csv";
  auto num = [&](double v) { return csv ? fmt::format("{}", v) : format_number(v, 4); };
  Table t(csv ? std::vector<std::string>{"sector", "demand_change", "output_change", "output_change_percent"}
              : std::vector<std::string>{"sector", "name", "unit", "Δ final demand", "Δ output", "Δ output %"});
  if (!csv) {
    t.align(1, Table::Align::left);
    t.align(2, Table::Align::left);
  }
  t.set_title("Impact of the demand change: Δx = L·Δf");
  for (std::size_t i = 0; i < e.size(); ++i) {
    const auto j = static_cast<Eigen::Index>(i);
    const auto& s = e.sectors[i];
    std::string pct = s.output > 0 ? num(100.0 * d.output_change[j] / s.output) : "";
    if (csv)
      t.add_row({s.id, num(d.demand_change[j]), num(d.output_change[j]), pct});
    else
      t.add_row({s.id, s.name, s.unit.empty() ? e.unit : s.unit, num(d.demand_change[j]), num(d.output_change[j]), pct});
  }
  double base = e.outputs().sum();
  std::string total_pct = base > 0 ? num(100.0 * d.total_output_change / base) : "";
  t.add_rule();
  if (csv)
    t.add_row({"total", num(d.demand_change.sum()), num(d.total_output_change), total_pct});
  else
    t.add_row({"total", "", "", num(d.demand_change.sum()), num(d.total_output_change), total_pct});
  if (csv) return t.to_csv();

  Table r({"resource", "unit", "Δ use"});
  r.align(1, Table::Align::left);
  r.set_title("Change in resource use: Σ_j k_j·Δx_j");
  for (std::size_t i = 0; i < e.resources.size(); ++i)
    r.add_row({e.resources[i].id, e.resources[i].unit, num(d.resource_change[static_cast<Eigen::Index>(i)])});
  const bool md = format == "md";
  std::string out = md ? t.to_markdown() : t.to_text();
  if (!e.resources.empty()) out += "\n" + (md ? r.to_markdown() : r.to_text());
  return out;
}

void setup(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "impact",
      "Demand-driven impact: how gross output must change in every sector when final demand\n"
      "changes by Δf, directly and through the supply chain: Δx = L·Δf with L = (I − A)⁻¹.\n"
      "Also shows each resource's change in use (labour, emissions …) k·Δx.");
  cmd->footer(
      "Examples:\n"
      "  planner impact models/miller-blair-2/model.toml --change sec1=+250 --change sec2=-200\n"
      "  planner impact models/pymrio-small/model.toml --change reg1_sector2=1 --format json");
  struct Args {
    std::string model;
    std::vector<std::string> changes;
    OutputOptions output;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("MODEL", args->model, "model file (model.toml, spec §3)")->required();
  cmd->add_option("--change,-c", args->changes,
                  "SECTOR=CHANGE: change of final demand for SECTOR in its unit, e.g. coal=+10 (repeatable)")
      ->required();
  add_output_options(*cmd, args->output, {"table", "csv", "json", "md"});
  cmd->callback([args] {
    std::vector<std::pair<std::string, double>> changes;
    for (const auto& c : args->changes) changes.push_back(parse_change(c));
    Economy economy = read_model(args->model);
    Eigen::VectorXd df = analysis::demand_change_vector(economy, changes);
    emit(render(economy, analysis::demand_impact(economy, df), args->output.format), args->output.out);
  });
}

RegisterCommand reg(11, setup);

}  // namespace
}  // namespace planner::cli
