#pragma once
// The models and plans a server offers, found once at start in its models and plans folders
// (models/<id>/model.toml, plans/<id>.toml). Clients name them by id only; no path from a
// client is ever opened. A plan's text and reading are kept, so edits start from them.
#include <filesystem>
#include <string>
#include <vector>

#include "planner/model/plan.hpp"

namespace planner::server {

struct ModelEntry {
  std::string id;                ///< folder name
  std::filesystem::path file;    ///< its model.toml
  std::string name;
  std::size_t sectors = 0;
};

struct PlanEntry {
  std::string id;                ///< file stem
  std::filesystem::path file;
  std::string text;              ///< the plan file as read at start
  std::string name;
  std::string model;             ///< id of its model in the catalogue ("" when elsewhere)
  std::string objective;         ///< objective kind
  Plan plan;                     ///< the plan as read at start (edits start from it)
};

class Catalogue {
 public:
  /// Scans both folders; a model or plan that does not read is left out and named in skipped().
  Catalogue(const std::filesystem::path& models_dir, const std::filesystem::path& plans_dir);

  const std::vector<ModelEntry>& models() const { return models_; }
  const std::vector<PlanEntry>& plans() const { return plans_; }
  /// "file: message" of each file left out.
  const std::vector<std::string>& skipped() const { return skipped_; }
  /// The entry with this id, or nullptr.
  const ModelEntry* model(const std::string& id) const;
  const PlanEntry* plan(const std::string& id) const;

  /// Reads a rewritten text of the plan, named `<id>.toml (edited)` in messages.
  Plan read_edited(const PlanEntry& entry, const std::string& text) const;

 private:
  std::vector<ModelEntry> models_;
  std::vector<PlanEntry> plans_;
  std::vector<std::string> skipped_;
};

}  // namespace planner::server
