// `planner aggregate MODEL --concordance FILE --out DIR`: a model with its sectors merged
// into groups (many-to-one or weighted many-to-many). Parses arguments, reads the model and
// concordance, calls planner::analysis::aggregate and writes the folder; no numerics here.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <string>

#include "planner/analysis/aggregation.hpp"
#include "planner/analysis/plan_aggregation.hpp"
#include "planner/cli/command.hpp"
#include "planner/io/concordance.hpp"
#include "planner/io/input_file.hpp"
#include "planner/io/model_reader.hpp"
#include "planner/io/model_writer.hpp"
#include "planner/io/output.hpp"
#include "planner/io/plan_reader.hpp"
#include "planner/io/plan_writer.hpp"
#include "planner/model/error.hpp"

namespace planner::cli {
namespace {

struct Args {
  std::string model, concordance, out;
  std::vector<std::string> plans;
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
      "every sector of the model exactly once (exit 2, naming the line, otherwise).\n"
      "With --plan, plans on MODEL are carried over too and written beside the aggregated model\n"
      "(under its own file name, model = \"model.toml\"): a group's goal is the sum of its members' goals\n"
      "(a multiple counts as multiple × base-year output), so every member needs a goal in the same\n"
      "year — a goal on only part of a group, or goals in different years, is refused (exit 2).\n"
      "Actuals are summed per group and year (a group not fully recorded is dropped, with a note);\n"
      "[demand] and consumption floors are summed; objective weights must be equal within a group.");
  cmd->footer(
      "Examples:\n"
      "  planner aggregate models/eurostat-germany-1995/model.toml --concordance groups.csv --out models/de95-3\n"
      "  planner aggregate models/ussr-1928/model.toml -c groups.csv -o ussr-3 --plan plans/fyp1-gosplan-optimal.toml\n"
      "Concordance CSV: `sector,group` (one line per sector), or a weighted matrix `sector,<group ids>`\n"
      "whose cells are the share of the row's sector that goes to each group (each row sums to 1).");
  auto a = std::make_shared<Args>();
  cmd->add_option("MODEL", a->model, "model file (model.toml, spec §3)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--concordance,-c", a->concordance, "CSV: sector,group — or a sector × group share matrix")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--out,-o", a->out, "model folder to write")->required();
  cmd->add_option("--plan,-p", a->plans, "plan(s) on MODEL to aggregate too, written into --out")
      ->check(CLI::ExistingFile)
      ->take_all();
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
    auto files = economy_folder_files(agg.economy, header);
    std::vector<std::string> plan_notes;
    std::set<std::string> names;
    for (const auto& f : files) names.insert(f.first);
    for (const std::string& file : a->plans) {
      note_input_file(file);
      const Plan plan = read_plan(file);
      std::error_code ec;
      if (!std::filesystem::equivalent(plan.model_file, a->model, ec))
        throw_bad_input(file, "model", fmt::format("the plan is on the model {}, not on {}; aggregate each model with its own plans",
                                                   plan.model_file, a->model));
      const auto pa = analysis::aggregate_plan(plan, agg.economy, c.groups, c.weights);
      const std::string name = std::filesystem::path(file).filename().string();
      if (!names.insert(name).second)
        throw_bad_input(file, "", fmt::format("a second file named {} in {}; give plans distinct file names", name, a->out));
      std::vector<std::string> plan_header{fmt::format("Aggregated by `planner aggregate` from {} with {}.", file, a->concordance)};
      for (const auto& n : pa.notes) plan_header.push_back("note: " + n);
      files.emplace_back(name, rewritten_plan_toml(read_input_text(file, "plan"), pa.plan, "model.toml", plan_header));
      plan_notes.insert(plan_notes.end(), pa.notes.begin(), pa.notes.end());
    }
    write_model_files(files, a->out, a->force);
    if (verbosity().quiet) return;
    std::cout << fmt::format("Wrote {}: {} sectors aggregated into {} groups ({} resources). Total output {} (was {}).\n",
                             a->out, e.size(), agg.economy.size(), agg.economy.resources.size(),
                             agg.economy.outputs().sum(), e.outputs().sum());
    for (const auto& n : agg.notes) std::cout << "note: " << n << "\n";
    for (const std::string& file : a->plans)
      std::cout << fmt::format("Wrote {}/{} (goals and actuals summed per group).\n", a->out,
                               std::filesystem::path(file).filename().string());
    for (const auto& n : plan_notes) std::cout << "note: " << n << "\n";
    if (a->plans.empty()) std::cout << fmt::format("Next: planner analyze {}/model.toml\n", a->out);
    else std::cout << fmt::format("Next: planner solve {}/{}\n", a->out, std::filesystem::path(a->plans.front()).filename().string());
  });
}

RegisterCommand reg(62, setup);

}  // namespace
}  // namespace planner::cli
