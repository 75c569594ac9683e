#include "planner/server/catalogue.hpp"

#include <algorithm>
#include <system_error>

#include "planner/io/input_file.hpp"
#include "planner/io/model_reader.hpp"
#include "planner/io/plan_reader.hpp"
#include "planner/model/error.hpp"

namespace planner::server {
namespace {

std::filesystem::path absolute_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  auto p = std::filesystem::weakly_canonical(std::filesystem::absolute(dir), ec);
  if (ec || !std::filesystem::is_directory(p, ec))
    throw Error(ExitCode::bad_input, dir.string(), "", "not a folder of models or plans");
  return p;
}

std::vector<std::filesystem::path> sorted_entries(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

Catalogue::Catalogue(const std::filesystem::path& models_dir, const std::filesystem::path& plans_dir) {
  const auto models = absolute_dir(models_dir), plans = absolute_dir(plans_dir);
  std::error_code ec;
  for (const auto& dir : sorted_entries(models)) {
    const auto file = dir / "model.toml";
    if (!std::filesystem::is_regular_file(file, ec)) continue;
    try {
      const Economy e = read_model(file);
      models_.push_back({dir.filename().string(), file, e.name, e.size()});
    } catch (const std::exception& ex) {
      skipped_.push_back(file.string() + ": " + ex.what());
    }
  }
  for (const auto& file : sorted_entries(plans)) {
    if (file.extension() != ".toml" || !std::filesystem::is_regular_file(file, ec)) continue;
    PlanEntry entry;
    entry.id = file.stem().string();
    entry.file = file;
    try {
      entry.text = read_input_text(file, "plan");
      entry.plan = parse_plan(entry.text, file.string(), file.parent_path());
      entry.name = entry.plan.name;
      entry.objective = to_string(entry.plan.objective.kind);
      for (const auto& m : models_)
        if (std::filesystem::equivalent(m.file, entry.plan.model_file, ec)) entry.model = m.id;
      plans_.push_back(std::move(entry));
    } catch (const std::exception& ex) {
      skipped_.push_back(file.string() + ": " + ex.what());
    }
  }
}

const ModelEntry* Catalogue::model(const std::string& id) const {
  for (const auto& m : models_)
    if (m.id == id) return &m;
  return nullptr;
}

const PlanEntry* Catalogue::plan(const std::string& id) const {
  for (const auto& p : plans_)
    if (p.id == id) return &p;
  return nullptr;
}

Plan Catalogue::read_edited(const PlanEntry& entry, const std::string& text) const {
  return parse_plan(text, entry.id + ".toml (edited)", entry.file.parent_path());
}

}  // namespace planner::server
