#include "planner/io/output.hpp"

#include <unistd.h>

#include <signal.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <mutex>
#include <system_error>
#include <vector>

#include "planner/model/error.hpp"

namespace planner {
namespace {

// The temporary file being written, for the signal handler: a fixed buffer (no allocation in
// the handler) and a flag set only while the path in it is current.
char g_temporary[4096];
volatile std::sig_atomic_t g_temporary_active = 0;

extern "C" void remove_temporary_and_die(int sig) {
  if (g_temporary_active) ::unlink(g_temporary);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

/// Marks `tmp` as the file to remove on an interrupt, for the lifetime of this object.
class TemporaryGuard {
 public:
  explicit TemporaryGuard(const std::filesystem::path& tmp) {
    const std::string s = tmp.string();
    if (s.size() < sizeof g_temporary) {
      std::memcpy(g_temporary, s.c_str(), s.size() + 1);
      g_temporary_active = 1;
    }
  }
  ~TemporaryGuard() { g_temporary_active = 0; }
  TemporaryGuard(const TemporaryGuard&) = delete;
  TemporaryGuard& operator=(const TemporaryGuard&) = delete;
};

std::mutex g_inputs_mutex;
std::vector<std::filesystem::path>& inputs() {
  static std::vector<std::filesystem::path> files;
  return files;
}

/// The input file `path` is (the same file, however spelled), if any.
std::optional<std::filesystem::path> same_as_input(const std::filesystem::path& path) {
  std::lock_guard<std::mutex> lock(g_inputs_mutex);
  for (const auto& input : inputs()) {
    std::error_code ec;
    if (std::filesystem::equivalent(path, input, ec)) return input;
  }
  return std::nullopt;
}

}  // namespace

void note_input_file(const std::filesystem::path& file) {
  std::lock_guard<std::mutex> lock(g_inputs_mutex);
  for (const auto& input : inputs())
    if (input == file) return;
  inputs().push_back(file);
}

void remove_temporary_output_on_interrupt() {
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction action {};
    action.sa_handler = remove_temporary_and_die;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    ::sigaction(sig, &action, nullptr);
  }
}

void write_file_atomically(const std::filesystem::path& path, const std::string& content) {
  namespace fs = std::filesystem;
  fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  if (!fs::is_directory(dir))
    throw Error(ExitCode::bad_input, path.string(), "", "cannot write: folder " + dir.string() + " does not exist");
  if (fs::is_directory(path))
    throw Error(ExitCode::bad_input, path.string(), "", "cannot write: it is a folder");
  if (auto input = same_as_input(path))
    throw Error(ExitCode::usage, path.string(), "--out",
                "refusing to overwrite " + input->string() + ", an input of this run; choose another output file");
  const fs::file_status status = fs::status(path);
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    // A device or pipe (--out /dev/null, /dev/stdout, a FIFO) is written into, not replaced: a
    // rename over it would put a plain file in place of /dev/null for every program (as root).
    std::ofstream f(path, std::ios::binary);
    f << content;
    f.flush();
    if (!f) throw Error(ExitCode::bad_input, path.string(), "", "cannot write: permission denied or I/O error");
    return;
  }
  fs::path tmp = dir / ("." + path.filename().string() + ".tmp." + std::to_string(::getpid()));
  TemporaryGuard guard(tmp);
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
