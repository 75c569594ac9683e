#pragma once
// The JSON API of `planner serve` (docs/server.md), independent of HTTP: a method, a path and
// a body in, a status and a body out, so the routes are the library's functions over the
// catalogue's plans (the same solve_plan, compare_plan and analyze the CLI calls). Every bad
// request is a 4xx with {"error": "..."}; a full server answers 503 {"error": "busy: ..."}.
#include <map>
#include <memory>
#include <string>

#include "planner/server/catalogue.hpp"

namespace planner::server {

/// What a server allows one request.
struct Limits {
  std::size_t max_body = 1 << 20;   ///< bytes of a request body (larger: 413)
  int max_solves = 2;               ///< solves running at once (more: 503 busy)
  double time_limit = 10.0;         ///< solver seconds per LP of a request
  int iteration_limit = 1'000'000;  ///< simplex iterations per LP of a request
};

/// The API's content type. With the charset named, httplib does not brotli-compress the answer
/// (it does for exactly "application/json" when the browser accepts br: 250 ms of CPU for the
/// 56 KB First-Plan answer on a loaded machine, for a loopback connection that gains nothing).
inline constexpr const char* kJson = "application/json; charset=utf-8";

struct Response {
  int status = 200;
  std::string content_type = kJson;
  std::string body;
  std::map<std::string, std::string> headers;
};

/// {"error": message} with `status`.
Response error_response(int status, const std::string& message);

class Api {
 public:
  Api(const Catalogue& catalogue, Limits limits);
  ~Api();

  /// Answers one request; never throws.
  Response handle(const std::string& method, const std::string& path, const std::string& body) const;

  const Limits& limits() const { return limits_; }

 private:
  struct Gate;
  const Catalogue& catalogue_;
  Limits limits_;
  std::unique_ptr<Gate> gate_;
};

}  // namespace planner::server
