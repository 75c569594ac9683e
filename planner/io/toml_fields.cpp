#include "planner/io/toml_fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "planner/io/uncertain_reading.hpp"
#include "planner/model/error.hpp"

namespace planner::toml_fields {

toml::table parse(const std::string& text, const std::string& name) {
  try {
    return toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    throw_bad_input(name, fmt::format("line {}", e.source().begin.line),
                    fmt::format("malformed TOML: {}", e.description()));
  }
}

int line_of(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

std::string type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "a list";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time: return "a date/time";
    default: return "nothing";
  }
}

std::string describe(const toml::node& node) {
  if (auto s = node.value_exact<std::string>()) return fmt::format("\"{}\"", *s);
  if (auto i = node.value_exact<int64_t>()) return fmt::format("{}", *i);
  if (auto d = node.value_exact<double>()) return fmt::format("{}", *d);
  if (auto b = node.value_exact<bool>()) return *b ? "true" : "false";
  return type_name(node);
}

std::optional<double> as_number(const toml::node& node) {
  if (auto i = node.value_exact<int64_t>()) return static_cast<double>(*i);
  if (auto d = node.value_exact<double>()) return *d;
  return std::nullopt;
}

std::vector<std::pair<std::string, const toml::node*>> in_file_order(const toml::table& table) {
  std::vector<std::pair<std::string, const toml::node*>> out;
  for (auto&& [k, v] : table) out.emplace_back(std::string(k.str()), &v);
  auto position = [](const toml::node* n) {
    const auto& b = n->source().begin;
    return std::make_pair(b.line, b.column);
  };
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) { return position(a.second) < position(b.second); });
  return out;
}

bool is_valid_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

Fields::Fields(const toml::table& table, std::string file, std::string path)
    : table_(&table), file_(std::move(file)), path_(std::move(path)) {}

std::string Fields::key_path(std::string_view key) const {
  if (path_.empty()) return std::string(key);
  if (key.empty()) return path_;
  return path_ + "." + std::string(key);
}

std::string Fields::where(std::string_view key) const {
  const toml::node* n = key.empty() ? nullptr : table_->get(key);
  // A key missing from the top level has no line worth naming (the root "starts" on line 1).
  int at = n ? line_of(*n) : (path_.empty() ? 0 : line());
  std::string path = key_path(key);
  if (at <= 0) return path;
  return path.empty() ? fmt::format("line {}", at) : fmt::format("line {}: {}", at, path);
}

void Fields::fail(std::string_view key, const std::string& message) const {
  throw_bad_input(file_, where(key), message);
}

void Fields::allow_only(std::initializer_list<std::string_view> allowed) const {
  for (auto&& [k, v] : *table_) {
    if (std::find(allowed.begin(), allowed.end(), k.str()) != allowed.end()) continue;
    std::string list;
    for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    int line = static_cast<int>(k.source().begin.line);
    if (line <= 0) line = line_of(v);
    throw_bad_input(file_, fmt::format("line {}: {}", line, key_path(k.str())),
                    fmt::format("unknown key \"{}\"; allowed here: {}", k.str(), list));
  }
}

std::string Fields::one_of(std::initializer_list<std::string_view> keys, bool required) const {
  std::string list;
  for (auto k : keys) list += (list.empty() ? "" : ", ") + std::string(k);
  std::string found;
  for (auto k : keys) {
    if (!has(k)) continue;
    if (!found.empty()) fail(k, fmt::format("give only one of {} (found both {} and {})", list, found, k));
    found = std::string(k);
  }
  if (found.empty() && required) fail("", fmt::format("expected one of: {}", list));
  return found;
}

namespace {
constexpr double any_value = -std::numeric_limits<double>::infinity();

std::string expected_number(const toml::node& n) {
  if (n.is_table())
    return "expected a number, or an uncertain number { value = …, low = …, high = …, dist = \"…\" }, got a table "
           "without value";
  return fmt::format("expected a number, got {}", describe(n));
}
}  // namespace

std::optional<double> Fields::number_in(std::string_view key, double domain_low, bool check_domain) const {
  const toml::node* n = node(key);
  if (!n) return std::nullopt;
  std::optional<double> v;
  if (is_uncertain_number(*n)) {
    v = take_uncertain_number(parse_uncertain_number(*n->as_table(), file_, key_path(key), domain_low));
  } else {
    v = as_number(*n);
    if (!v) fail(key, expected_number(*n));
  }
  if (!std::isfinite(*v)) fail(key, fmt::format("expected a finite number, got {}", *v));
  if (check_domain && *v < domain_low) fail(key, fmt::format("expected a number ≥ 0, got {}", *v));
  return v;
}

std::optional<double> Fields::number(std::string_view key) const { return number_in(key, any_value, false); }

double Fields::element(const toml::node& cell, std::string_view key, const std::string& at, const std::string& index,
                       double domain_low) const {
  std::optional<double> v;
  if (is_uncertain_number(cell)) {
    v = take_uncertain_number(parse_uncertain_number(*cell.as_table(), file_, key_path(key) + index, domain_low));
  } else {
    v = as_number(cell);
    if (!v) fail(key, fmt::format("{}: {}", at, expected_number(cell)));
  }
  if (!std::isfinite(*v) || *v < domain_low)
    fail(key, domain_low == 0 ? fmt::format("{}: expected a finite number ≥ 0, got {}", at, *v)
                              : fmt::format("{}: expected a finite number, got {}", at, *v));
  return *v;
}

std::optional<double> Fields::nonnegative(std::string_view key) const { return number_in(key, 0.0, true); }

std::optional<double> Fields::positive(std::string_view key) const {
  auto v = number_in(key, 0.0, false);  // an uncertain number truncates at 0; the message says > 0
  if (v && *v <= 0) fail(key, fmt::format("expected a number > 0, got {}", *v));
  return v;
}

std::optional<int> Fields::integer(std::string_view key, int lo, int hi) const {
  const toml::node* n = node(key);
  if (!n) return std::nullopt;
  auto v = n->value_exact<int64_t>();
  if (!v) fail(key, fmt::format("expected an integer, got {}", describe(*n)));
  if (*v < lo || *v > hi) fail(key, fmt::format("expected an integer in {}…{}, got {}", lo, hi, *v));
  return static_cast<int>(*v);
}

std::optional<std::string> Fields::string(std::string_view key) const {
  const toml::node* n = node(key);
  if (!n) return std::nullopt;
  auto v = n->value_exact<std::string>();
  if (!v) fail(key, fmt::format("expected a string, got {}", describe(*n)));
  return v;
}

std::string Fields::required_string(std::string_view key) const {
  auto v = string(key);
  if (!v) fail(key, fmt::format("missing key \"{}\" (a string)", key));
  return *v;
}

std::optional<bool> Fields::boolean(std::string_view key) const {
  const toml::node* n = node(key);
  if (!n) return std::nullopt;
  auto v = n->value_exact<bool>();
  if (!v) fail(key, fmt::format("expected true or false, got {}", describe(*n)));
  return v;
}

std::optional<std::vector<double>> Fields::number_or_list(std::string_view key) const {
  const toml::node* n = node(key);
  if (!n) return std::nullopt;
  if (!n->is_array()) return std::vector<double>{*nonnegative(key)};
  const toml::array& a = *n->as_array();
  if (a.empty()) fail(key, "expected a number or a non-empty list of numbers, got an empty list");
  std::vector<double> out;
  for (std::size_t i = 0; i < a.size(); ++i)
    out.push_back(element(a[i], key, fmt::format("{}[{}]", key, i), fmt::format("[{}]", i), 0.0));
  return out;
}

std::optional<std::vector<std::string>> Fields::string_list(std::string_view key) const {
  const toml::node* n = node(key);
  if (!n) return std::nullopt;
  const toml::array* a = n->as_array();
  if (!a) fail(key, fmt::format("expected a list of strings, got {}", describe(*n)));
  std::vector<std::string> out;
  for (const auto& e : *a) {
    auto s = e.value_exact<std::string>();
    if (!s) fail(key, fmt::format("expected a list of strings, found {}", describe(e)));
    out.push_back(*s);
  }
  return out;
}

std::optional<std::vector<int>> Fields::integer_list(std::string_view key, int lo, int hi) const {
  const toml::node* n = node(key);
  if (!n) return std::nullopt;
  const toml::array* a = n->as_array();
  if (!a) fail(key, fmt::format("expected a list of integers, e.g. [4, 5], got {}", describe(*n)));
  if (a->empty()) fail(key, "expected a non-empty list of integers, got an empty list");
  std::vector<int> out;
  std::set<int64_t> seen;
  for (const auto& e : *a) {
    auto v = e.value_exact<int64_t>();
    if (!v) fail(key, fmt::format("expected a list of integers, found {}", describe(e)));
    if (*v < lo || *v > hi) fail(key, fmt::format("expected integers in {}…{}, found {}", lo, hi, *v));
    if (!seen.insert(*v).second) fail(key, fmt::format("{} is listed twice", *v));
    out.push_back(static_cast<int>(*v));
  }
  return out;
}

std::vector<std::pair<std::string, double>> Fields::number_map(std::string_view key) const {
  auto sub = table(key);
  if (!sub) return {};
  std::vector<std::pair<std::string, double>> out;
  for (auto&& [k, v] : sub->table()) out.emplace_back(std::string(k.str()), *sub->nonnegative(k.str()));
  return out;
}

std::optional<Fields> Fields::table(std::string_view key) const {
  const toml::node* n = node(key);
  if (!n) return std::nullopt;
  return child(*n, key, key_path(key));
}

Fields Fields::child(const toml::node& n, std::string_view key, std::string path) const {
  const toml::table* t = n.as_table();
  if (!t) {
    int line = line_of(n);
    throw_bad_input(file_, line > 0 ? fmt::format("line {}: {}", line, path) : path,
                    fmt::format("expected a table, e.g. {} = {{ … }}, got {}", key, describe(n)));
  }
  return Fields(*t, file_, std::move(path));
}

}  // namespace planner::toml_fields
