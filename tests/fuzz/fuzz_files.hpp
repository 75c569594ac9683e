// Shared by the libFuzzer harnesses: the readers take paths, so one fuzz input is a main
// text (TOML or CSV) optionally followed by attached files, each introduced by a line
//   #@file NAME
// (NAME of [A-Za-z0-9_.-], at most 8 files). The attachments are written into a folder of
// this process's own, against which the main text's relative paths resolve. The seed
// corpora (.ci/fuzz) are built this way from models/ and plans/.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <typeinfo>

#include "planner/model/error.hpp"

namespace planner::fuzz {

/// The folder of this fuzzing process, emptied before every input.
/// (Never destroyed, so the exit handler that removes the folder can still name it.)
inline const std::filesystem::path& work_dir() {
  static const std::filesystem::path* dir = [] {
    auto* d = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                        ("planner_fuzz_" + std::to_string(::getpid())));
    std::filesystem::create_directories(*d);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(work_dir(), ec);
    });
    return d;
  }();
  return *dir;
}

inline bool valid_name(std::string_view name) {
  if (name.empty() || name.size() > 64 || name == "." || name == "..") return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-'))
      return false;
  return true;
}

/// Empties work_dir(), writes the attachments of `data` into it and returns the main text.
inline std::string unpack(const uint8_t* data, std::size_t size) {
  const std::filesystem::path& dir = work_dir();
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) std::filesystem::remove_all(entry.path(), ec);
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  static constexpr std::string_view kMarker = "\n#@file ";
  std::size_t end = all.find(kMarker);
  const std::string main(all.substr(0, end));
  for (int files = 0; end != std::string_view::npos && files < 8; ++files) {
    const std::size_t name_at = end + kMarker.size();
    const std::size_t name_end = all.find('\n', name_at);
    if (name_end == std::string_view::npos) break;
    const std::string_view name = all.substr(name_at, name_end - name_at);
    end = all.find(kMarker, name_end);
    const std::string_view body =
        all.substr(name_end + 1, end == std::string_view::npos ? std::string_view::npos : end - name_end - 1);
    if (valid_name(name)) std::ofstream(dir / std::string(name), std::ios::binary) << body;
  }
  return main;
}

/// Runs a reader: a planner::Error is the expected way to refuse an input; anything else
/// escaping (std::bad_alloc, std::out_of_range, …) is a finding, reported and aborted on.
template <class F>
void expect_only_planner_errors(F&& f) {
  try {
    f();
  } catch (const planner::Error& e) {
    if (e.code() != planner::ExitCode::bad_input) {
      std::fprintf(stderr, "planner::Error with exit code %d (expected 2): %s\n", static_cast<int>(e.code()), e.what());
      std::abort();
    }
    if (std::string_view(e.what()).empty()) {
      std::fprintf(stderr, "planner::Error with an empty message\n");
      std::abort();
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "uncaught %s: %s\n", typeid(e).name(), e.what());
    std::abort();
  }
}

}  // namespace planner::fuzz
