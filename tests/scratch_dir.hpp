// A temporary directory of this test process's own. ctest runs tests in parallel, one process
// each, so a fixed path under /tmp would be shared (and raced) by two tests.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

namespace planner::test {

inline std::filesystem::path scratch_dir(const std::string& what) {
  auto dir = std::filesystem::temp_directory_path() / ("planner_" + what + "_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace planner::test
