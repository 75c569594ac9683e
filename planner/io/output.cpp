#include "planner/io/output.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <system_error>

#include "planner/model/error.hpp"

namespace planner {

void write_file_atomically(const std::filesystem::path& path, const std::string& content) {
  namespace fs = std::filesystem;
  fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  if (!fs::is_directory(dir))
    throw Error(ExitCode::bad_input, path.string(), "", "cannot write: folder " + dir.string() + " does not exist");
  if (fs::is_directory(path))
    throw Error(ExitCode::bad_input, path.string(), "", "cannot write: it is a folder");
  fs::path tmp = dir / ("." + path.filename().string() + ".tmp." + std::to_string(::getpid()));
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) throw Error(ExitCode::bad_input, path.string(), "", "cannot write: permission denied or bad path");
    f << content;
    f.flush();
    if (!f) {
      f.close();
      std::error_code ec;
      fs::remove(tmp, ec);
      throw Error(ExitCode::bad_input, path.string(), "", "cannot write: disk full or I/O error");
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw Error(ExitCode::bad_input, path.string(), "", "cannot replace file: " + ec.message());
  }
}

void emit(const std::string& content, const std::optional<std::filesystem::path>& out) {
  if (out) {
    write_file_atomically(*out, content);
  } else {
    std::cout << content;
    std::cout.flush();
  }
}

}  // namespace planner
