#pragma once
// An Economy written back as a model folder (spec §3): model.toml, sectors.csv (id, name,
// unit, output, stock, capacity, depreciation, demand), flows.csv (Z, so A = Z / x̄ on
// reading) and capital.csv when the model has capital coefficients; resources inline with
// their per-output and per-capacity coefficients, lags and availability. For commands that
// compute a new model from one read (`planner aggregate`).
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "planner/model/economy.hpp"

namespace planner {

/// A TOML basic string with quotes, backslashes and control characters escaped.
std::string toml_quoted(const std::string& s);

/// The files of the folder, name and content. `e.flows` must be set (Z, n × n) and every
/// output > 0; `header` lines become comments at the top of model.toml.
std::vector<std::pair<std::string, std::string>> economy_folder_files(const Economy& e,
                                                                      const std::vector<std::string>& header);

/// Writes the folder at `dir` all at once: the files go to a temporary sibling folder, the
/// model is read back from it (a failure is a bug of the writer: nothing is written), then
/// it is renamed into place. An existing non-empty `dir` is an error (exit 2) unless `force`,
/// in which case it is replaced only once the new folder is complete.
void write_model_files(const std::vector<std::pair<std::string, std::string>>& files, const std::filesystem::path& dir,
                       bool force);

}  // namespace planner
