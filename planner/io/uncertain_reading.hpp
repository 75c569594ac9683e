#pragma once
// How the readers meet uncertain numbers. A file may give `{ value = …, low = …, high = …,
// dist = … }` wherever it gives a number (docs/file-formats.md). Every reader checks such a
// table and, by default, reads its `value`: every command reads the file as before.
//
// The uncertainty layer reads a plan twice over: once to collect its uncertain numbers (an
// UncertainCollection in scope), then once per draw with the drawn values (an UncertainDraw
// in scope). A draw is read by the same readers from the same texts, so derived figures (a
// goal's multiple of an uncertain base output, A = Z / x̄, per_output = total / output) follow
// the draw. Numbers are matched to draws by the order the readers meet them, which is fixed
// for fixed texts; the draw checks each one's file and line to be sure.
//
// Both scopes are per thread, so draws are read in parallel.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "planner/model/uncertain_number.hpp"

namespace planner {

/// Parses and checks an uncertain number's table (`node` is the table; `key` its key path for
/// messages). `domain_low` is the least value the key allows (0 for coefficients, amounts,
/// prices; −∞ where any number goes): low must not be below it, and normal and lognormal
/// draws are truncated to it. Throws a bad-input Error naming file, line and key.
UncertainNumber parse_uncertain_number(const toml::table& node, const std::string& file, const std::string& key,
                                       double domain_low);

/// True when a node is written as an uncertain number (a table with a `value`).
bool is_uncertain_number(const toml::node& node);

/// The number a reader uses for an uncertain number: its value, or the draw's value when an
/// UncertainDraw is in scope; recorded when an UncertainCollection is.
double take_uncertain_number(UncertainNumber number);

/// The text of `file` when an UncertainDraw in scope holds it (read_input_text reads no disk then).
const std::string* uncertain_draw_text(const std::string& file);
/// Keeps a file's text for later draws when an UncertainCollection is in scope.
void keep_input_text(const std::string& file, const std::string& text);

/// While alive, the readers on this thread record every uncertain number they meet, in order,
/// and keep the text of every file they read (so draws read the same texts, without the disk).
class UncertainCollection {
 public:
  UncertainCollection();
  ~UncertainCollection();
  UncertainCollection(const UncertainCollection&) = delete;
  UncertainCollection& operator=(const UncertainCollection&) = delete;

  const std::vector<UncertainNumber>& numbers() const { return numbers_; }
  std::vector<UncertainNumber> take_numbers() { return std::move(numbers_); }
  std::map<std::string, std::string> take_texts() { return std::move(texts_); }

 private:
  friend double take_uncertain_number(UncertainNumber);
  friend const std::string* uncertain_draw_text(const std::string&);
  friend void keep_input_text(const std::string&, const std::string&);
  std::vector<UncertainNumber> numbers_;
  std::map<std::string, std::string> texts_;
  UncertainCollection* previous_;
};

/// While alive, the readers on this thread use `values[k]` for the k-th uncertain number
/// they meet and read files from `texts` (as an UncertainCollection kept them).
class UncertainDraw {
 public:
  UncertainDraw(const std::vector<UncertainNumber>& numbers, const std::vector<double>& values,
                const std::map<std::string, std::string>& texts);
  ~UncertainDraw();
  UncertainDraw(const UncertainDraw&) = delete;
  UncertainDraw& operator=(const UncertainDraw&) = delete;

  /// Throws unless the readers met exactly as many numbers as were collected.
  void check_complete() const;

 private:
  friend double take_uncertain_number(UncertainNumber);
  friend const std::string* uncertain_draw_text(const std::string&);
  friend void keep_input_text(const std::string&, const std::string&);
  const std::vector<UncertainNumber>& numbers_;
  const std::vector<double>& values_;
  const std::map<std::string, std::string>& texts_;
  std::size_t next_ = 0;
  UncertainDraw* previous_;
};

}  // namespace planner
