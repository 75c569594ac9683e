// `planner aggregate MODEL --concordance FILE --out DIR`: a model with its sectors merged
// into groups (many-to-one or weighted many-to-many). Parses arguments, reads the model and
// concordance, calls planner::analysis::aggregate and writes the folder; no numerics here.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>

#include "planner/analysis/aggregation.hpp"
#include "planner/cli/command.hpp"
#include "planner/io/concordance.hpp"
#include "planner/io/model_reader.hpp"
#include "planner/io/model_writer.hpp"
#include "planner/io/output.hpp"

namespace planner::cli {
namespace {

struct Args {
  std::string model, concordance, out;
  bool force = false;
};

void setup(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "aggregate",
      "Aggregate a model's sectors into groups and write the aggregated model folder (model.toml,\n"
      "sectors.csv, flows.csv, capital.csv), which planner analyze and planner solve read.\n"
      "Quantities are summed — flows Z' = C Z Cᵀ, output, final demand, stocks, capacities and\n"
      "resource use — and coefficients re-derived from the sums (A' = Z'/x', resource use per\n"
      "output = total use / output; capital coefficients and depreciation weighted by capacity),\n"
      "so the aggregated table has the same totals as the original. The concordance must list\n"
      "every sector of the model exactly once (exit 2, naming the line, otherwise).");
  cmd->footer(
      "Examples:\n"
      "  planner aggregate models/eurostat-germany-1995/model.toml --concordance groups.csv --out models/de95-3\n"
      "Concordance CSV: `sector,group` (one line per sector), or a weighted matrix `sector,<group ids>`\n"
      "whose cells are the share of the row's sector that goes to each group (each row sums to 1).");
  auto a = std::make_shared<Args>();
  cmd->add_option("MODEL", a->model, "model file (model.toml, spec §3)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--concordance,-c", a->concordance, "CSV: sector,group — or a sector × group share matrix")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--out,-o", a->out, "model folder to write")->required();
  cmd->add_flag("--force", a->force, "replace an existing non-empty --out folder");
  cmd->callback([a] {
    note_input_file(a->model);
    note_input_file(a->concordance);
    const Economy e = read_model(a->model);
    const Concordance c = read_concordance(a->concordance, e.sector_ids());
    const auto agg = analysis::aggregate(e, c.groups, c.weights, a->concordance);
    std::vector<std::string> header{fmt::format("Aggregated by `planner aggregate` from {} with {}.", a->model, a->concordance),
                                    "flows.csv: intermediate flows Z' = C Z C^T (A' = Z' / x'); sectors.csv: summed outputs, demand, stocks, capacities."};
    for (const auto& n : agg.notes) header.push_back("note: " + n);
    write_model_files(economy_folder_files(agg.economy, header), a->out, a->force);
    if (verbosity().quiet) return;
    std::cout << fmt::format("Wrote {}: {} sectors aggregated into {} groups ({} resources). Total output {} (was {}).\n",
                             a->out, e.size(), agg.economy.size(), agg.economy.resources.size(),
                             agg.economy.outputs().sum(), e.outputs().sum());
    for (const auto& n : agg.notes) std::cout << "note: " << n << "\n";
    std::cout << fmt::format("Next: planner analyze {}/model.toml\n", a->out);
  });
}

RegisterCommand reg(62, setup);

}  // namespace
}  // namespace planner::cli
