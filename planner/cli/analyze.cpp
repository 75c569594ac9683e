// `planner analyze MODEL`: the static input–output analysis of a model (spec §1, §4).
// Parses arguments, calls planner::analysis::analyze and prints; no numerics here.
#include <fmt/format.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "planner/analysis/static_analysis.hpp"
#include "planner/cli/command.hpp"
#include "planner/io/json.hpp"
#include "planner/io/model_reader.hpp"
#include "planner/io/output.hpp"
#include "planner/report/table.hpp"

namespace planner::cli {
namespace {

/// One labelled quantity of the analysis, ready to print as a table or labelled CSV.
struct Quantity {
  std::string title;
  std::string row_label;           // header of the first column: sector, resource or quantity
  std::vector<std::string> rows, cols;
  Eigen::MatrixXd data;            // numbers (empty when `text` is used)
  std::vector<std::string> text;   // one text cell per row (key_sectors)
};

const std::vector<std::string>& quantity_names() {
  static const std::vector<std::string> names{
      "technical", "leontief_inverse", "ghosh_inverse", "allocation", "flows", "output", "final_demand",
      "output_multipliers", "backward_linkage", "forward_linkage", "backward_linkage_raw", "forward_linkage_raw",
      "key_sectors", "input_multipliers", "value_added", "prices", "spectral_radius", "productive"};
  return names;
}

Quantity quantity(const analysis::StaticAnalysis& a, const std::string& name) {
  const auto& s = a.sectors;
  auto matrix = [&](std::string title, const Eigen::MatrixXd& m) { return Quantity{std::move(title), "sector", s, s, m, {}}; };
  auto vector = [&](std::string title, const Eigen::VectorXd& v) { return Quantity{std::move(title), "sector", s, {name}, v, {}}; };
  if (name == "technical") return matrix("Technical coefficients A (input of row per unit of column's output)", a.technical);
  if (name == "leontief_inverse") return matrix("Leontief inverse L = (I − A)⁻¹ (total requirements)", a.leontief_inverse);
  if (name == "ghosh_inverse") return matrix("Ghosh inverse G = (I − B)⁻¹", a.ghosh_inverse);
  if (name == "allocation") return matrix("Allocation coefficients B = diag(x)⁻¹ Z (share of row's output sold to column)", a.allocation);
  if (name == "flows") return matrix("Intermediate flows Z", a.flows);
  if (name == "output") return vector("Base-year output x", a.output);
  if (name == "final_demand") return vector("Final demand f", a.final_demand);
  if (name == "output_multipliers") return vector("Output multipliers (column sums of L)", a.output_multipliers);
  if (name == "backward_linkage") return vector("Backward linkage (Rasmussen index)", a.linkages.backward);
  if (name == "forward_linkage") return vector("Forward linkage (Rasmussen index)", a.linkages.forward);
  if (name == "backward_linkage_raw") return vector("Backward linkage (column sums of L)", a.linkages.backward_raw);
  if (name == "forward_linkage_raw") return vector("Forward linkage (row sums of G)", a.linkages.forward_raw);
  if (name == "value_added") return vector("Value added per unit of output v", a.value_added.coefficients);
  if (name == "prices") return vector("Prices p = (I − A)ᵀ⁻¹ v", a.prices);
  if (name == "input_multipliers")
    return Quantity{"Input multipliers k·L (resource use per unit of final demand)", "resource", a.resources, s, a.input_multipliers, {}};
  if (name == "key_sectors") {
    Quantity q{"Key sectors (backward and forward linkage ≥ 1)", "sector", s, {name}, {}, {}};
    for (auto c : a.linkages.key_sectors) q.text.emplace_back(analysis::to_string(c));
    return q;
  }
  if (name == "spectral_radius") return Quantity{"Spectral radius of A", "quantity", {"spectral_radius"}, {"value"}, Eigen::MatrixXd::Constant(1, 1, a.spectral_radius), {}};
  return Quantity{"Productive (Hawkins–Simon holds)", "quantity", {"productive"}, {"value"}, {}, {a.productive ? "true" : "false"}};
}

/// A table of the quantity: full round-trip precision for CSV, 4 decimals for reading.
Table quantity_table(const Quantity& q, bool precise) {
  std::vector<std::string> headers{q.row_label};
  headers.insert(headers.end(), q.cols.begin(), q.cols.end());
  Table t(headers);
  if (!q.text.empty()) t.align(1, Table::Align::left);
  t.set_title(q.title);
  for (std::size_t i = 0; i < q.rows.size(); ++i) {
    std::vector<std::string> row{q.rows[i]};
    if (!q.text.empty()) {
      row.push_back(q.text[i]);
    } else {
      for (Eigen::Index j = 0; j < q.data.cols(); ++j) {
        double v = q.data(static_cast<Eigen::Index>(i), j);
        row.push_back(precise ? fmt::format("{}", v) : format_number(v, 4));
      }
    }
    t.add_row(std::move(row));
  }
  return t;
}

/// One row per sector: its name, unit and every per-sector result.
Table summary_table(const Economy& e, const analysis::StaticAnalysis& a, bool precise) {
  std::vector<std::string> headers{"sector", "name", "unit", "output", "output_multiplier", "backward_linkage",
                                   "forward_linkage", "key_sector", "price"};
  for (const auto& r : a.resources) headers.push_back(r + "_multiplier");
  Table t(headers);
  t.align(1, Table::Align::left);
  t.align(2, Table::Align::left);
  t.align(7, Table::Align::left);
  auto num = [&](double v) { return precise ? fmt::format("{}", v) : format_number(v, 4); };
  for (std::size_t i = 0; i < a.sectors.size(); ++i) {
    const auto j = static_cast<Eigen::Index>(i);
    const auto& sec = e.sectors[i];
    std::vector<std::string> row{sec.id, sec.name, sec.unit.empty() ? e.unit : sec.unit, num(a.output[j]),
                                 num(a.output_multipliers[j]), num(a.linkages.backward[j]), num(a.linkages.forward[j]),
                                 std::string(analysis::to_string(a.linkages.key_sectors[i])), num(a.prices[j])};
    for (std::size_t r = 0; r < a.resources.size(); ++r) row.push_back(num(a.input_multipliers(static_cast<Eigen::Index>(r), j)));
    t.add_row(std::move(row));
  }
  return t;
}

std::string render(const Economy& e, const analysis::StaticAnalysis& a, const std::string& format,
                   const std::optional<std::string>& what) {
  if (format == "json") {
    nlohmann::json all = analysis_json(a);
    if (!what) return dump_json(all);
    return dump_json(nlohmann::json{{*what, all.at(*what)}});
  }
  if (format == "csv") {
    return what ? quantity_table(quantity(a, *what), true).to_csv() : summary_table(e, a, true).to_csv();
  }
  const bool md = format == "md";
  auto show = [&](const Table& t) { return md ? t.to_markdown() : t.to_text(); };
  if (what) return show(quantity_table(quantity(a, *what), false));

  std::string out = md ? "## " + e.name + "\n\n" : e.name + "\n\n";
  out += fmt::format("Productive: yes, spectral radius ρ(A) = {}. Prices: {}.\n\n", format_number(a.spectral_radius, 4),
                     a.value_added.resources.empty()
                         ? std::string("value added = 1 − column sums of A (base prices 1)")
                         : "value added = " + fmt::format("{}", fmt::join(a.value_added.resources, " + ")));
  if (!a.inputs_exceed_output.empty())
    out += fmt::format("Note: inputs per unit of output (column sum of A) are ≥ 1 in {}: negative value added if A is "
                       "in value terms.\n\n",
                       fmt::join(a.inputs_exceed_output, ", "));
  Table summary = summary_table(e, a, false);
  summary.set_title("Multipliers, linkages (Rasmussen indices), key sectors, prices");
  out += show(summary) + "\n";
  out += show(quantity_table(quantity(a, "leontief_inverse"), false));
  return out;
}

void setup(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "analyze",
      "Static input–output analysis of a model: technical coefficients A, the Leontief inverse\n"
      "L = (I − A)⁻¹ (column j: output every sector must produce so that one more unit of j\n"
      "reaches final demand), the Ghosh inverse G, output and input multipliers, backward and\n"
      "forward linkages (Rasmussen indices: above 1 = stronger than the average sector), key\n"
      "sectors and Leontief prices. A model that is not productive (spectral radius of A ≥ 1:\n"
      "no non-negative output can meet demand) is refused with the sectors at fault (exit 2).");
  cmd->footer(
      "Examples:\n"
      "  planner analyze models/miller-blair-2/model.toml\n"
      "  planner analyze models/eurostat-germany-1995/model.toml --what output_multipliers\n"
      "  planner analyze models/pymrio-small/model.toml --format csv --what leontief_inverse\n"
      "  planner analyze models/miller-blair-2/model.toml --format json --out analysis.json");
  struct Args {
    std::string model;
    std::string what;
    OutputOptions output;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("MODEL", args->model, "model file (model.toml, spec §3)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--what,-w", args->what, "print one quantity only, named as its JSON key")
      ->check(CLI::IsMember(quantity_names()));
  add_output_options(*cmd, args->output, {"table", "csv", "json", "md"});
  cmd->callback([args] {
    Economy economy = read_model(args->model);
    analysis::StaticAnalysis a = analysis::analyze(economy);
    std::optional<std::string> what;
    if (!args->what.empty()) what = args->what;
    emit(render(economy, a, args->output.format, what), args->output.out);
  });
}

RegisterCommand reg(10, setup);

}  // namespace
}  // namespace planner::cli
