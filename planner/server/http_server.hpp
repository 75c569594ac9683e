#pragma once
// `planner serve`: the API and the page over HTTP (cpp-httplib, Debian's libcpp-httplib-dev;
// this is the one file that includes it), until SIGINT or SIGTERM.
#include <filesystem>
#include <functional>
#include <string>

#include "planner/server/api.hpp"

namespace planner::server {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                      ///< 0: any free port
  std::filesystem::path models_dir;
  std::filesystem::path plans_dir;
  Limits limits;
};

/// Reads the catalogue, listens, calls `on_ready` with the page's URL and serves until the
/// process gets SIGINT or SIGTERM; then stops accepting, lets running requests finish and
/// returns. Throws Error when the folders do not read or the address cannot be bound.
void serve(const ServeOptions& options, const std::function<void(const std::string& url, const Catalogue&)>& on_ready);

}  // namespace planner::server
