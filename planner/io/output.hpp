#pragma once
// Where results go: standard output, or a file written atomically (temporary file in the
// same folder, then rename), so a failure never leaves a half-written report.
#include <filesystem>
#include <optional>
#include <string>

namespace planner {

/// Writes `content` to `path` via a temporary sibling and rename; throws Error on failure.
void write_file_atomically(const std::filesystem::path& path, const std::string& content);

/// Writes `content` to `out` atomically when given, else to standard output.
void emit(const std::string& content, const std::optional<std::filesystem::path>& out);

}  // namespace planner
