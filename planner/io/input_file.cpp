#include "planner/io/input_file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "planner/io/output.hpp"
#include "planner/model/error.hpp"

namespace planner {

std::string read_input_text(const std::filesystem::path& file, std::string_view what) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) throw_bad_input(file.string(), "", "file not found");
  std::ifstream in(file, std::ios::binary);
  if (!in || std::filesystem::is_directory(file, ec))
    throw_bad_input(file.string(), "", fmt::format("cannot read the {} file (a folder, or no permission?)", what));
  note_input_file(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace planner
