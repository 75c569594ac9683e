#pragma once
// Typed, validated access to the fields of one TOML table, for the model and plan readers.
// Every failure is one bad-input Error naming the file, the line and the key path
// ("models/x/model.toml:line 14: sector[2].depreciation: expected …"), so readers state
// only the rules, never the message plumbing.
#include <toml++/toml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planner::toml_fields {

/// Parses TOML text; a syntax error becomes an Error naming `name` and toml++'s line.
toml::table parse(const std::string& text, const std::string& name);

/// Line of a node in its file (0 when unknown).
int line_of(const toml::node& node);
/// "a string", "an integer", "a table", … for messages.
std::string type_name(const toml::node& node);
/// The node as it reads in a message: `1.5`, `"abc"`, `a table`.
std::string describe(const toml::node& node);

/// The entries of a table in the order the file wrote them (toml++ keeps keys sorted), so
/// goals and actuals are reported as their author listed them.
std::vector<std::pair<std::string, const toml::node*>> in_file_order(const toml::table& table);

/// A number of any TOML numeric type, if the node is one.
std::optional<double> as_number(const toml::node& node);

/// One table of a TOML document, its file and its path in the document (for messages).
class Fields {
 public:
  /// `path` is how messages name the table ("" at top level, "sector[2]", "objective").
  Fields(const toml::table& table, std::string file, std::string path);

  const toml::table& table() const { return *table_; }
  const std::string& file() const { return file_; }
  const std::string& path() const { return path_; }
  /// Line of the table itself (its header or opening brace).
  int line() const { return line_of(*table_); }

  /// "sector[2].output" (just "output" at top level).
  std::string key_path(std::string_view key) const;
  /// "line 14: sector[2].output": the key's line when present, else the table's line.
  std::string where(std::string_view key) const;
  /// Throws a bad-input Error about `key` (its line and path).
  [[noreturn]] void fail(std::string_view key, const std::string& message) const;
  /// Throws naming the first key not in `allowed` and listing the allowed ones (typos).
  void allow_only(std::initializer_list<std::string_view> allowed) const;
  /// Throws unless exactly one of `keys` is present (or none, when `required` is false).
  /// Returns the one present, or "".
  std::string one_of(std::initializer_list<std::string_view> keys, bool required) const;

  bool has(std::string_view key) const { return table_->contains(key); }
  const toml::node* node(std::string_view key) const { return table_->get(key); }

  /// A finite number (integer or float); nullopt when absent. Here and in every number
  /// accessor below the file may write an uncertain number `{ value = …, dist = … }`
  /// (uncertain_reading.hpp): checked, and its value (or the draw's) returned.
  std::optional<double> number(std::string_view key) const;
  /// One element of a list under `key`, finite and ≥ `domain_low`; `at` opens its messages
  /// ("available[2]") and `index` ("[2]") extends the key path of an uncertain element.
  double element(const toml::node& cell, std::string_view key, const std::string& at, const std::string& index,
                 double domain_low) const;
  /// A finite number ≥ 0; nullopt when absent.
  std::optional<double> nonnegative(std::string_view key) const;
  /// A finite number > 0; nullopt when absent.
  std::optional<double> positive(std::string_view key) const;
  /// An integer in [lo, hi]; nullopt when absent.
  std::optional<int> integer(std::string_view key, int lo, int hi) const;
  std::optional<std::string> string(std::string_view key) const;
  /// A string that must be present.
  std::string required_string(std::string_view key) const;
  std::optional<bool> boolean(std::string_view key) const;
  /// One number ≥ 0 or a non-empty list of them (per-year values).
  std::optional<std::vector<double>> number_or_list(std::string_view key) const;
  /// A list of strings.
  std::optional<std::vector<std::string>> string_list(std::string_view key) const;
  /// A non-empty list of integers, each in [lo, hi], without repeats.
  std::optional<std::vector<int>> integer_list(std::string_view key, int lo, int hi) const;
  /// `{ id = number, … }` with every value finite and ≥ 0, in file order; empty when absent.
  std::vector<std::pair<std::string, double>> number_map(std::string_view key) const;
  /// A sub-table (standard or inline) with its path extended; nullopt when absent.
  std::optional<Fields> table(std::string_view key) const;
  /// A sub-table that must be a table, named for messages by `path`.
  Fields child(const toml::node& node, std::string_view key, std::string path) const;

 private:
  std::optional<double> number_in(std::string_view key, double domain_low, bool check_domain) const;

  const toml::table* table_;
  std::string file_;
  std::string path_;
};

/// True for a valid id: [a-z0-9_]+.
bool is_valid_id(std::string_view id);

}  // namespace planner::toml_fields
