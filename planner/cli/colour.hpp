#pragma once
// Colour on the terminal: ANSI styles only when the stream is a terminal and NO_COLOR
// (https://no-color.org) is unset or empty, and TERM is not "dumb". Files, pipes and tests
// get plain text.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace planner::cli {

enum class Style { bold, red, yellow };

/// True when text written to file descriptor `fd` (1 stdout, 2 stderr) may carry colour.
inline bool colour_enabled(int fd) {
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour && *no_colour) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return ::isatty(fd) == 1;
}

/// `text` in `style` for descriptor `fd`, or `text` unchanged when colour is off.
inline std::string paint(std::string_view text, Style style, int fd) {
  if (!colour_enabled(fd)) return std::string(text);
  const char* code = style == Style::bold ? "\x1b[1m" : style == Style::red ? "\x1b[1;31m" : "\x1b[1;33m";
  return std::string(code) + std::string(text) + "\x1b[0m";
}

}  // namespace planner::cli
