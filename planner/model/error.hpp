#pragma once
// The one exception type of the planner: where the problem is (file, line or key) and what
// was wrong, plus the exit code the CLI should return for it.
#include <stdexcept>
#include <string>

namespace planner {

/// Process exit codes, documented in docs/user-guide.md.
enum class ExitCode : int {
  ok = 0,
  usage = 1,           ///< bad command line
  bad_input = 2,       ///< a model, plan or CSV file is wrong
  infeasible = 3,      ///< the plan cannot be met (or is unbounded)
  solver_failure = 4,  ///< the solver stopped without an answer (limits, numerics)
};

class Error : public std::runtime_error {
 public:
  /// `file` may be empty; `where` is "line 12", "key sector[3].output", … or empty.
  Error(ExitCode code, std::string file, std::string where, std::string message);

  ExitCode code() const { return code_; }
  const std::string& file() const { return file_; }
  const std::string& where() const { return where_; }
  const std::string& message() const { return message_; }

 private:
  ExitCode code_;
  std::string file_;
  std::string where_;
  std::string message_;
};

/// Throws a bad-input Error (exit 2) naming file, where and what was expected.
[[noreturn]] void throw_bad_input(const std::string& file, const std::string& where,
                                  const std::string& message);

}  // namespace planner
