// `planner extract MODEL SECTOR…`: hypothetical extraction (spec §1).
// Parses arguments, calls planner::analysis::hypothetical_extraction and prints; no numerics here.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "planner/analysis/extraction.hpp"
#include "planner/cli/command.hpp"
#include "planner/io/json.hpp"
#include "planner/io/model_reader.hpp"
#include "planner/io/output.hpp"
#include "planner/report/table.hpp"

namespace planner::cli {
namespace {

std::string render(const Economy& e, const analysis::Extraction& x, const std::string& format) {
  const auto ids = e.sector_ids();
  std::vector<std::string> extracted;
  for (std::size_t i : x.extracted) extracted.push_back(ids[i]);
  if (format == "json") {
    nlohmann::json j{{"sectors", ids},
                     {"extracted", extracted},
                     {"baseline_output", labelled_vector_json(ids, x.baseline_output)},
                     {"extracted_output", labelled_vector_json(ids, x.extracted_output)},
                     {"loss", labelled_vector_json(ids, x.loss)},
                     {"total_loss", x.total_loss},
                     {"total_loss_share", x.total_loss_share}};
    return dump_json(j);
  }
  const bool csv = format == "csv";
  auto num = [&](double v) { return csv ? fmt::format("{}", v) : format_number(v, 4); };
  auto pct = [&](double loss, double base) { return base != 0.0 ? num(100.0 * loss / base) : std::string(); };
  Table t(csv ? std::vector<std::string>{"sector", "baseline_output", "extracted_output", "loss", "loss_percent"}
              : std::vector<std::string>{"sector", "name", "unit", "output x = L·f", "after extraction", "loss", "loss %"});
  if (!csv) {
    t.align(1, Table::Align::left);
    t.align(2, Table::Align::left);
  }
  t.set_title("Hypothetical extraction of " + fmt::format("{}", fmt::join(extracted, ", ")));
  for (std::size_t i = 0; i < e.size(); ++i) {
    const auto j = static_cast<Eigen::Index>(i);
    const auto& s = e.sectors[i];
    std::vector<std::string> row{s.id};
    if (!csv) row.insert(row.end(), {s.name, s.unit.empty() ? e.unit : s.unit});
    row.insert(row.end(), {num(x.baseline_output[j]), num(x.extracted_output[j]), num(x.loss[j]),
                           pct(x.loss[j], x.baseline_output[j])});
    t.add_row(std::move(row));
  }
  t.add_rule();
  std::vector<std::string> total{"total"};
  if (!csv) total.insert(total.end(), {"", ""});
  total.insert(total.end(), {num(x.baseline_output.sum()), num(x.extracted_output.sum()), num(x.total_loss),
                             pct(x.total_loss, x.baseline_output.sum())});
  t.add_row(std::move(total));
  if (csv) return t.to_csv();
  return format == "md" ? t.to_markdown() : t.to_text();
}

void setup(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "extract",
      "Hypothetical extraction: how much output the economy would lose without a sector.\n"
      "The sector's row and column of A and its final demand are removed, the rest of the\n"
      "economy is re-solved, and each sector's output is compared with x = L·f. The extracted\n"
      "sector loses all its output; the others lose what they supplied to it, directly and\n"
      "indirectly. The total loss measures how much the economy depends on the sector.");
  cmd->footer(
      "Examples:\n"
      "  planner extract models/miller-blair-2/model.toml sec1\n"
      "  planner extract models/eurostat-germany-1995/model.toml industry_group --format json");
  struct Args {
    std::string model;
    std::vector<std::string> sectors;
    OutputOptions output;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("MODEL", args->model, "model file (model.toml, spec §3)")->required();
  cmd->add_option("SECTOR", args->sectors, "id of the sector to extract (several: extracted together)")->required();
  add_output_options(*cmd, args->output, {"table", "csv", "json", "md"});
  cmd->callback([args] {
    Economy economy = read_model(args->model);
    emit(render(economy, analysis::hypothetical_extraction(economy, args->sectors), args->output.format),
         args->output.out);
  });
}

RegisterCommand reg(12, setup);

}  // namespace
}  // namespace planner::cli
