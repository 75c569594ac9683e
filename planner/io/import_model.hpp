#pragma once
// What `planner import` produces: an input–output table read from another tool's layout
// (a statistical office's flows CSV, a pymrio folder), ready to be written as a model folder
// (spec §3: model.toml, flows.csv, sectors.csv). The readers are import_flows.hpp and
// import_pymrio.hpp; this file holds what they share: ids, the model and the folder writer.
#include <Eigen/Dense>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace planner {

struct ImportedSector {
  std::string id;      ///< [a-z0-9_]+, unique
  std::string name;    ///< the label as the source wrote it
  double output = 0;   ///< x = row sum of Z + final demand (or the source's total output)
  double demand = 0;   ///< f: row sum of the final-demand columns
};

/// A primary-input row (value added, labour, an emission …) as base-year totals per sector.
struct ImportedResource {
  std::string id;
  std::string name;
  std::string unit;            ///< empty = the model unit
  bool value_added = false;    ///< part of v in the price model
  Eigen::VectorXd total;       ///< one per sector; per_output = total / output
};

/// Output x against a total the source printed: residual = x − total, per sector.
struct BalanceCheck {
  std::string against;         ///< e.g. `row "output"` or `x.txt`
  Eigen::VectorXd total;
  Eigen::VectorXd residual;
};

struct ImportedModel {
  std::string name;
  std::string unit;
  std::string source;                    ///< the file or folder imported (model.toml `source`)
  std::vector<ImportedSector> sectors;
  Eigen::MatrixXd flows;                 ///< Z, sectors × sectors
  std::vector<ImportedResource> resources;
  std::vector<BalanceCheck> balance;     ///< checks of x against printed totals
  std::vector<std::string> notes;        ///< choices the import made (ignored rows, renamed ids …)
};

/// The label as an id: lower case, every run of other characters one `_`, trimmed of `_`
/// ("Value Added" → "value_added", "reg1 / Food" → "reg1_food"); "x" when nothing is left.
std::string sanitise_id(const std::string& label);

/// Makes `ids` unique in order by appending _2, _3 …; `taken` holds ids already used (and
/// receives the new ones). Every renaming is added to `notes`, naming `what` and the labels.
void make_unique_ids(std::vector<std::string>& ids, const std::vector<std::string>& labels, const std::string& what,
                     std::vector<std::string>& taken, std::vector<std::string>& notes);

/// The files of the model folder, name and content: model.toml, sectors.csv, flows.csv.
std::vector<std::pair<std::string, std::string>> model_folder_files(const ImportedModel& model);

/// Writes the model folder at `dir` all at once: the files go to a temporary sibling folder
/// which is then renamed. An existing non-empty `dir` is an error (exit 2) unless `force`,
/// in which case it is replaced only once the new folder is complete.
void write_model_folder(const ImportedModel& model, const std::filesystem::path& dir, bool force);

}  // namespace planner
