#pragma once
// Reading a whole input file (a model or plan TOML, a triplet CSV), with the one wording every command
// uses when it cannot: exit 2 and "file not found", or "cannot read the … file" for a folder
// or a file without permission. The file is recorded as an input of the run (output.hpp), so
// no --out may overwrite it.
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace planner {

/// The text of `file`; `what` names it in the message ("model", "plan", "triplet"). Throws Error (exit 2).
std::string read_input_text(const std::filesystem::path& file, std::string_view what);

/// The text of `file` from the disk, without the uncertainty readers' keeping (input_file.cpp).
std::string read_file_text(const std::filesystem::path& file, std::string_view what);

/// `file` opened for reading in binary, after the same checks; for readers that stream a file
/// too large to hold whole.
std::ifstream open_input_file(const std::filesystem::path& file, std::string_view what);

}  // namespace planner
