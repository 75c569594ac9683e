#include "planner/io/input_file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "planner/io/output.hpp"
#include "planner/io/uncertain_reading.hpp"
#include "planner/model/error.hpp"

namespace planner {

std::ifstream open_input_file(const std::filesystem::path& file, std::string_view what) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) throw_bad_input(file.string(), "", "file not found");
  std::ifstream in(file, std::ios::binary);
  if (!in || std::filesystem::is_directory(file, ec))
    throw_bad_input(file.string(), "", fmt::format("cannot read the {} file (a folder, or no permission?)", what));
  note_input_file(file);
  return in;
}

std::string read_input_text(const std::filesystem::path& file, std::string_view what) {
  // A draw of an uncertainty run reads the texts its first reading kept, not the disk.
  if (const std::string* kept = uncertain_draw_text(file.string())) return *kept;
  std::string text = read_file_text(file, what);
  keep_input_text(file.string(), text);
  return text;
}

std::string read_file_text(const std::filesystem::path& file, std::string_view what) {
  std::ifstream in = open_input_file(file, what);
  std::error_code ec;
  // One allocation of the file's size where it has one (a 367 MB triplet CSV must not be
  // copied through a growing buffer); a pipe or other special file is streamed.
  std::string text;
  if (std::filesystem::is_regular_file(file, ec)) {
    text.resize(static_cast<std::size_t>(std::filesystem::file_size(file, ec)));
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
  }
  std::ostringstream rest;  // all of a stream; nothing left of a regular file unless it grew
  rest << in.rdbuf();
  text += rest.str();
  return text;  // by name, so it moves (`return text += …` returned a reference: a copy of it all)
}

}  // namespace planner
