#include "planner/io/uncertain_reading.hpp"

#include <fmt/format.h>

#include <cmath>

#include "planner/io/toml_fields.hpp"
#include "planner/model/error.hpp"

namespace planner {
namespace {

thread_local UncertainCollection* collection = nullptr;
thread_local UncertainDraw* draw = nullptr;

std::optional<UncertainDist> dist_from_string(const std::string& s) {
  for (auto d : {UncertainDist::uniform, UncertainDist::triangular, UncertainDist::normal, UncertainDist::lognormal})
    if (to_string(d) == s) return d;
  return std::nullopt;
}

}  // namespace

bool is_uncertain_number(const toml::node& node) {
  const toml::table* t = node.as_table();
  return t && t->contains("value");
}

UncertainNumber parse_uncertain_number(const toml::table& node, const std::string& file, const std::string& key,
                                       double domain_low) {
  const toml_fields::Fields f(node, file, key);
  f.allow_only({"value", "dist", "low", "high", "sd", "gsd", "group", "reason"});
  for (const char* k : {"value", "low", "high", "sd", "gsd"})
    if (const toml::node* n = f.node(k); n && n->is_table())
      f.fail(k, "expected a plain number here (an uncertain number's parts are not themselves uncertain)");
  UncertainNumber u;
  u.file = file;
  u.key = key;
  u.line = f.line();
  u.value = *f.number("value");
  auto fail = [&](std::string_view k, const std::string& message) { f.fail(k, message); };
  const std::string dist = f.string("dist").value_or("");
  if (dist.empty()) fail("dist", "an uncertain number needs dist = \"uniform\", \"triangular\", \"normal\" or \"lognormal\"");
  auto d = dist_from_string(dist);
  if (!d) fail("dist", fmt::format("unknown distribution \"{}\"; expected uniform, triangular, normal or lognormal", dist));
  u.dist = *d;
  auto low = f.number("low");
  auto high = f.number("high");
  const bool bounded = u.dist == UncertainDist::uniform || u.dist == UncertainDist::triangular;
  if (bounded && (!low || !high)) fail(low ? "high" : "low", fmt::format("a {} distribution needs low and high", dist));
  if (u.dist == UncertainDist::normal) {
    if (!f.has("sd")) fail("sd", "a normal distribution needs sd (its standard deviation, ≥ 0)");
    u.sd = *f.number("sd");
    if (u.sd < 0) fail("sd", fmt::format("expected a standard deviation ≥ 0, got {}", u.sd));
  } else if (f.has("sd")) {
    fail("sd", fmt::format("sd belongs to a normal distribution, not {}", dist));
  }
  if (u.dist == UncertainDist::lognormal) {
    if (!f.has("gsd")) fail("gsd", "a lognormal distribution needs gsd (its geometric standard deviation, ≥ 1)");
    u.gsd = *f.number("gsd");
    if (u.gsd < 1) fail("gsd", fmt::format("expected a geometric standard deviation ≥ 1, got {}", u.gsd));
    if (!(u.value > 0)) fail("value", fmt::format("a lognormal number's value (its median) must be > 0, got {}", u.value));
  } else if (f.has("gsd")) {
    fail("gsd", fmt::format("gsd belongs to a lognormal distribution, not {}", dist));
  }
  if (low) u.low = *low;
  if (high) u.high = *high;
  if (u.low < domain_low) {
    if (low) fail("low", fmt::format("low {} is below the least value this key allows ({})", u.low, domain_low));
    u.low = domain_low;  // normal and lognormal draws are truncated to the key's range
  }
  if (u.low > u.high) fail("low", fmt::format("low {} is above high {}", u.low, u.high));
  if (u.value < u.low || u.value > u.high)
    fail("value", fmt::format("value {} is outside [low, high] = [{}, {}]", u.value, u.low, u.high));
  if (auto g = f.string("group")) {
    if (!toml_fields::is_valid_id(*g)) fail("group", fmt::format("expected a group name of [a-z0-9_]+, got \"{}\"", *g));
    u.group = *g;
  }
  u.reason = f.string("reason").value_or("");
  return u;
}

double take_uncertain_number(UncertainNumber number) {
  if (draw) {
    if (draw->next_ >= draw->numbers_.size())
      throw_bad_input(number.file, fmt::format("line {}: {}", number.line, number.key),
                      "this uncertain number was not met when the file was first read (the files changed?)");
    const UncertainNumber& expected = draw->numbers_[draw->next_];
    if (expected.file != number.file || expected.line != number.line || expected.key != number.key)
      throw_bad_input(number.file, fmt::format("line {}: {}", number.line, number.key),
                      fmt::format("the readers met this uncertain number where they first met {} (the files changed?)",
                                  expected.where()));
    return draw->values_[draw->next_++];
  }
  const double value = number.value;
  if (collection) collection->numbers_.push_back(std::move(number));
  return value;
}

const std::string* uncertain_draw_text(const std::string& file) {
  if (!draw) return nullptr;
  auto it = draw->texts_.find(file);
  return it == draw->texts_.end() ? nullptr : &it->second;
}

void keep_input_text(const std::string& file, const std::string& text) {
  if (collection) collection->texts_.emplace(file, text);
}

UncertainCollection::UncertainCollection() : previous_(collection) { collection = this; }
UncertainCollection::~UncertainCollection() { collection = previous_; }

UncertainDraw::UncertainDraw(const std::vector<UncertainNumber>& numbers, const std::vector<double>& values,
                             const std::map<std::string, std::string>& texts)
    : numbers_(numbers), values_(values), texts_(texts), previous_(draw) {
  if (values.size() != numbers.size())
    throw Error(ExitCode::usage, "", "", fmt::format("a draw of {} values for {} uncertain numbers", values.size(), numbers.size()));
  draw = this;
}
UncertainDraw::~UncertainDraw() { draw = previous_; }

void UncertainDraw::check_complete() const {
  if (next_ != numbers_.size())
    throw Error(ExitCode::bad_input, "", "",
                fmt::format("a draw read {} of {} uncertain numbers (the files changed?)", next_, numbers_.size()));
}

}  // namespace planner
