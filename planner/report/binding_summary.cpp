#include "planner/report/binding_summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <string>
#include <tuple>
#include <utility>

#include "planner/model/economy.hpp"

namespace planner {

namespace {

// Two significant digits of Δλ × 100 (a percentage of every goal): 1.58 → "1.6", 0.9 → "0.90".
std::string percent(double price) {
  double v = std::fabs(price) * 100.0;
  int exponent = static_cast<int>(std::floor(std::log10(v)));
  double step = std::pow(10.0, exponent - 1);
  v = std::round(v / step) * step;
  if (v >= step * 100.0) ++exponent;  // 9.96 rounds up to 10
  return fmt::format("{:.{}f}", v, std::max(0, 1 - exponent));
}

// "lo–hi", or one figure when both read the same.
std::string span(const std::string& lo, const std::string& hi, const std::string& dash) {
  return lo == hi ? lo : lo + dash + hi;
}

std::string capitalised(std::string s) {
  if (!s.empty() && std::islower(static_cast<unsigned char>(s[0]))) s[0] = static_cast<char>(std::toupper(s[0]));
  return s;
}

// "Coal" → "coal" inside a sentence; an acronym ("GDP") is left alone.
std::string lowered(std::string s) {
  bool acronym = s.size() > 1 && std::isupper(static_cast<unsigned char>(s[1]));
  if (!s.empty() && !acronym && std::isupper(static_cast<unsigned char>(s[0]))) s[0] = static_cast<char>(std::tolower(s[0]));
  return s;
}

// The subject's name without its parenthetical gloss, as BindingConstraint::what() trims it.
std::string short_name(const BindingFamily& f) {
  return without_gloss(!f.subject_name.empty() ? f.subject_name : !f.subject.empty() ? f.subject : f.rows.front());
}

// What the row constrains, at the start of the sentence.
std::string head(const BindingFamily& f) {
  std::string n = short_name(f);
  if (f.kind == "balance") return capitalised(n) + " supply";
  if (f.kind == "capacity") return capitalised(n) + " capacity";
  if (f.kind == "resource") return capitalised(n);
  if (f.kind == "goal") return "The " + lowered(n) + " goal";
  if (f.kind == "floor") return "The " + lowered(n) + " consumption floor";
  if (f.kind == "terminal") return capitalised(n) + " terminal output";
  if (f.kind == "trade") return "The currency balance";
  return "Row " + n;
}

// One unit of relaxation of the row (a positive shadow price is the gain per unit of it).
std::string relaxation(const std::string& kind, const std::string& unit) {
  if (kind == "balance" || kind == "resource") return "one more " + unit;
  if (kind == "capacity") return "one more " + unit + " of capacity";
  if (kind == "goal") return "asking one " + unit + " less";
  if (kind == "floor") return "one " + unit + " less consumption";
  if (kind == "terminal") return "one " + unit + " less required";
  if (kind == "trade") return "one more " + unit + " of credit";
  return "relaxing it by one " + unit;
}

std::string sentence(const BindingFamily& f) {
  const std::string unit = f.unit.empty() ? "unit" : f.unit;
  const std::size_t n = f.years.size();
  std::string when = n > 1 ? " " + year_ranges(f.years) : n == 1 ? fmt::format(" in {}", f.years.front()) : "";
  std::string scope = n > 1 ? " in any of those years" : n == 1 ? " that year" : "";
  bool negative = f.max_price < 0;
  std::string pct = span(percent(negative ? f.max_price : f.min_price), percent(negative ? f.min_price : f.max_price), "–");
  std::string lambda = span(fmt::format("{:+.3g}", f.min_price), fmt::format("{:+.3g}", f.max_price), " to ");
  // Prices that differ by more than 3× over the years (a late year worth little) read as "up to".
  const double strong = negative ? f.min_price : f.max_price, weak = negative ? f.max_price : f.min_price;
  if (std::fabs(strong) > 3.0 * std::fabs(weak)) {
    pct = "up to " + percent(strong);
    lambda = fmt::format("up to {:+.3g}", strong);
  }
  std::string effect;
  if (negative && (f.kind == "balance" || f.kind == "resource" || f.kind == "capacity"))
    effect = fmt::format("more of it{} would lower every goal by {} % per {}{}", scope, pct, unit,
                         f.kind == "capacity" ? " of capacity" : "");
  else
    effect = fmt::format("{}{} {} every goal by {} %", relaxation(f.kind, unit), scope, negative ? "lowers" : "raises", pct);
  return fmt::format("{} binds{}: {} (λ {})", head(f), when, effect, lambda);
}

}  // namespace

std::string year_ranges(const std::vector<int>& years) {
  std::string out;
  for (std::size_t i = 0; i < years.size();) {
    std::size_t j = i;
    while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += j == i ? std::to_string(years[i]) : fmt::format("{}–{}", years[i], years[j]);
    i = j + 1;
  }
  return out;
}

std::vector<BindingFamily> summarise_binding(const std::vector<BindingConstraint>& rows) {
  // Rows of a family, in order of first appearance; a row of no known family stands alone.
  using Key = std::tuple<std::string, std::string, bool>;
  std::map<Key, std::size_t> index;
  std::vector<std::vector<const BindingConstraint*>> groups;
  for (const auto& b : rows) {
    if (std::fabs(b.shadow_price) <= 1e-12) continue;
    Key key{b.kind, b.kind == "other" && b.subject.empty() ? b.row : b.subject, b.shadow_price < 0};
    auto [it, added] = index.try_emplace(key, groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(&b);
  }

  std::vector<BindingFamily> out;
  for (auto& g : groups) {
    std::stable_sort(g.begin(), g.end(), [](const BindingConstraint* a, const BindingConstraint* b) {
      return std::tie(a->year, a->row) < std::tie(b->year, b->row);
    });
    BindingFamily f;
    f.kind = g.front()->kind;
    f.subject = g.front()->subject;
    f.subject_name = g.front()->subject_name;
    f.unit = g.front()->unit;
    f.min_price = f.max_price = g.front()->shadow_price;
    for (const BindingConstraint* b : g) {
      if (b->year != 0 && (f.years.empty() || f.years.back() != b->year)) f.years.push_back(b->year);
      f.min_price = std::min(f.min_price, b->shadow_price);
      f.max_price = std::max(f.max_price, b->shadow_price);
      f.rows.push_back(b->row);
    }
    f.text = sentence(f);
    out.push_back(std::move(f));
  }
  auto largest = [](const BindingFamily& f) { return std::max(std::fabs(f.min_price), std::fabs(f.max_price)); };
  std::stable_sort(out.begin(), out.end(),
                   [&](const BindingFamily& a, const BindingFamily& b) { return largest(a) > largest(b); });
  return out;
}

}  // namespace planner
