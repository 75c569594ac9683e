#include "planner/model/error.hpp"

namespace planner {
namespace {
std::string format_error(const std::string& file, const std::string& where,
                         const std::string& message) {
  std::string out;
  if (!file.empty()) out += file;
  if (!where.empty()) out += (out.empty() ? "" : ":") + where;
  if (!out.empty()) out += ": ";
  return out + message;
}
}  // namespace

Error::Error(ExitCode code, std::string file, std::string where, std::string message)
    : std::runtime_error(format_error(file, where, message)),
      code_(code),
      file_(std::move(file)),
      where_(std::move(where)),
      message_(std::move(message)) {}

void throw_bad_input(const std::string& file, const std::string& where,
                     const std::string& message) {
  throw Error(ExitCode::bad_input, file, where, message);
}

}  // namespace planner
