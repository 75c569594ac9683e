#pragma once
// Where results go: standard output, or a file written atomically (temporary file in the
// same folder, then rename), so a failure never leaves a half-written report. An output
// never replaces a file the run read as input, and an interrupt (Ctrl-C, SIGTERM) leaves no
// temporary file behind.
#include <filesystem>
#include <optional>
#include <string>

namespace planner {

/// Writes `content` to `path` via a temporary sibling and rename; throws Error on failure
/// (exit 1 when `path` is one of the run's input files, which is left untouched).
void write_file_atomically(const std::filesystem::path& path, const std::string& content);

/// Writes `content` to `out` atomically when given, else to standard output.
void emit(const std::string& content, const std::optional<std::filesystem::path>& out);

/// Records a file the run reads (model, plan, CSV), so no output may overwrite it.
void note_input_file(const std::filesystem::path& file);

/// Installs SIGINT/SIGTERM/SIGHUP handlers that remove the temporary file being written,
/// if any, then end the process as the signal would (for the CLI's main).
void remove_temporary_output_on_interrupt();

}  // namespace planner
