// `planner merge SHARD...`: the shards of one `planner uncertainty --shard i/k` run, combined
// into exactly what the unsharded run writes. Parses arguments, calls planner/uncertainty.
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "planner/cli/command.hpp"
#include "planner/io/input_file.hpp"
#include "planner/io/output.hpp"
#include "planner/model/error.hpp"
#include "planner/uncertainty/plan_uncertainty.hpp"
#include "planner/uncertainty/shard.hpp"
#include "planner/uncertainty/uncertainty_format.hpp"

namespace planner::cli {
namespace {

void setup(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "merge",
      "Combines the shard files of one `planner uncertainty … --shard i/k` run (all k of them, same seed,\n"
      "samples and plans) into exactly what the unsharded run writes. The plans are read again from the\n"
      "paths the shards name (run it from the same folder) and must be unchanged since.");
  cmd->footer(
      "Example (a job array of 4 on Slurm: docs/uncertainty-cluster.md):\n"
      "  planner merge shard-1.json shard-2.json shard-3.json shard-4.json --format csv --out bands.csv");
  struct Args {
    std::vector<std::string> shards;
    OutputOptions output;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("SHARD", args->shards, "shard files written by `planner uncertainty --shard i/k --out FILE`")->required();
  add_output_options(*cmd, args->output, {"table", "csv", "json"});
  cmd->callback([args] {
    std::vector<uncertainty::Shard> shards;
    for (const auto& f : args->shards) {
      const std::string text = read_input_text(f, "shard");
      nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded()) throw_bad_input(f, "", "not a shard file: malformed JSON");
      shards.push_back(uncertainty::shard_from_json(j, f));
    }
    const auto draws = uncertainty::merge_shards(shards, args->shards);
    std::vector<uncertainty::PlanUncertainty> summaries;
    for (std::size_t p = 0; p < draws.size(); ++p) {
      const uncertainty::UncertainPlan plan(shards[0].plans[p].file, shards[0].closure);
      if (uncertainty::fingerprint(plan) != shards[0].plans[p].fingerprint)
        throw_bad_input(shards[0].plans[p].file, "",
                        "the plan or its model changed since the shards were computed; run the shards again");
      summaries.push_back(uncertainty::summarise(plan, draws[p]));
    }
    emit(uncertainty::format_run({shards[0].samples, shards[0].seed}, summaries, args->output.format), args->output.out);
  });
}

RegisterCommand reg(35, setup);

}  // namespace
}  // namespace planner::cli
