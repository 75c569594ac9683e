#pragma once
// A plan file rewritten for another model of the same plan (`planner aggregate --plan`):
// the original's keys kept (horizon, terminal, objective kind and years, resource overrides,
// description), `model` pointing at the new model, and the per-sector parts — [goals],
// [actual], [demand], the objective's weights and floors — replaced by the new plan's.
#include <string>
#include <vector>

#include "planner/model/plan.hpp"

namespace planner {

/// The TOML of `plan` (already on its new model, e.g. from analysis::aggregate_plan) written
/// over `original_text`, the file `plan.file` it was read from, with `model` = `model_path`
/// and `header` lines as comments at the top. Throws Error (exit 2) naming the file and key
/// for a per-sector override the new model has no sectors for ([capacity], [technical],
/// [capital], [processes]).
std::string rewritten_plan_toml(const std::string& original_text, const Plan& plan, const std::string& model_path,
                                const std::vector<std::string>& header);

}  // namespace planner
