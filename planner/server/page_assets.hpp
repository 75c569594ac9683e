#pragma once
// The coursework page (planner/server/page/), built into the binary: CMake turns each file
// into a string at build time (page_assets.cmake), so the page needs no files, CDN or npm.
#include <string_view>
#include <vector>

namespace planner::server {

struct PageAsset {
  std::string_view path;          ///< "/", "/page.js", "/page.css"
  std::string_view content_type;
  std::string_view body;
};

/// Every file of the page.
const std::vector<PageAsset>& page_assets();

}  // namespace planner::server
