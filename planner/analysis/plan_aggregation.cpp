#include "planner/analysis/plan_aggregation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "planner/model/error.hpp"

namespace planner::analysis {
namespace {

using Eigen::Index;
using Eigen::MatrixXd;

/// One sector's goal in one plan year, a group goal split into its members.
struct SectorGoal {
  std::size_t sector = 0;
  int year = 0;
  double target = 0;                ///< in the sector's unit
  std::optional<double> multiple;   ///< when stated as a multiple of x̄
  double weight = 1;
  std::string goal;                 ///< the plan's goal id
};

std::string goal_key(const Goal& g) { return "goals." + g.id; }

std::vector<SectorGoal> sector_goals(const Plan& p) {
  const Economy& e = p.economy;
  std::vector<SectorGoal> out;
  std::map<std::pair<std::size_t, int>, std::string> seen;
  auto add = [&](const Goal& g, std::size_t j, SectorGoal s) {
    auto [it, fresh] = seen.emplace(std::pair{j, g.year}, g.id);
    if (!fresh)
      throw_bad_input(p.file, goal_key(g),
                      fmt::format("sector \"{}\" has a second goal for {} (also goal \"{}\"); their sum in a group would "
                                  "count it twice",
                                  e.sectors[j].id, p.calendar_year(g.year), it->second));
    out.push_back(std::move(s));
  };
  for (const Goal& g : p.goals) {
    if (!g.group.empty()) {
      if (!g.weights.empty())
        throw_bad_input(p.file, goal_key(g),
                        fmt::format("goal \"{}\" is a weighted value sum over group \"{}\", which does not split into "
                                    "its members' quantities; state a goal for each member to aggregate the plan",
                                    g.id, g.group));
      for (std::size_t j = 0; j < e.size(); ++j) {
        const auto& groups = e.sectors[j].groups;
        if (std::find(groups.begin(), groups.end(), g.group) == groups.end()) continue;
        add(g, j, {j, g.year, *g.multiple * e.sectors[j].output, g.multiple, g.weight, g.id});
      }
      continue;
    }
    const std::size_t j = *e.sector_index(g.sector);
    const double target = g.target ? *g.target : *g.multiple * e.sectors[j].output;
    add(g, j, {j, g.year, target, g.multiple, g.weight, g.id});
  }
  return out;
}

std::vector<std::size_t> members(const MatrixXd& c, Index g) {
  std::vector<std::size_t> m;
  for (Index j = 0; j < c.cols(); ++j)
    if (c(g, j) > 0) m.push_back(static_cast<std::size_t>(j));
  return m;
}

std::string ids(const Economy& e, const std::vector<std::size_t>& js) {
  std::vector<std::string> out;
  for (auto j : js) out.push_back(e.sectors[j].id);
  return fmt::format("{}", fmt::join(out, ", "));
}

bool same(double a, double b) { return std::abs(a - b) <= 1e-12 * std::max(std::abs(a), std::abs(b)); }

std::vector<Goal> group_goals(const Plan& p, const std::vector<std::string>& groups, const MatrixXd& c) {
  const Economy& e = p.economy;
  const auto goals = sector_goals(p);
  std::vector<Goal> out;
  for (Index g = 0; g < c.rows(); ++g) {
    const std::string& group = groups[static_cast<std::size_t>(g)];
    const auto m = members(c, g);
    std::map<int, std::vector<const SectorGoal*>> by_year;
    for (const auto& s : goals)
      if (c(g, static_cast<Index>(s.sector)) > 0) by_year[s.year].push_back(&s);
    for (const auto& [year, list] : by_year) {
      if (list.size() == m.size()) continue;
      std::vector<std::size_t> missing;
      for (auto j : m)
        if (std::none_of(list.begin(), list.end(), [&](const SectorGoal* s) { return s->sector == j; })) missing.push_back(j);
      const SectorGoal& first = *list.front();
      if (by_year.size() > 1) {
        std::vector<std::string> years;
        for (const auto& [y, l] : by_year) years.push_back(fmt::format("{} ({})", p.calendar_year(y), l.front()->goal));
        throw_bad_input(p.file, "goals." + first.goal,
                        fmt::format("the goals of group \"{}\" ({}) fall in different years: {}; a group's goal is the "
                                    "sum of its members' goals in one year, so give them the same year",
                                    group, ids(e, m), fmt::join(years, ", ")));
      }
      throw_bad_input(p.file, "goals." + first.goal,
                      fmt::format("goal \"{}\" is on only part of group \"{}\" ({}): {} {} no goal in {}; the group's "
                                  "goal would be a sum of some of its members only; give every member a goal or "
                                  "change the concordance",
                                  first.goal, group, ids(e, m), ids(e, missing), missing.size() == 1 ? "has" : "have",
                                  p.calendar_year(year)));
    }
    for (const auto& [year, list] : by_year) {
      Goal a;
      a.id = by_year.size() == 1 ? group : fmt::format("{}_{}", group, p.calendar_year(year));
      a.sector = group;
      a.year = year;
      a.weight = list.front()->weight;
      double target = 0;
      bool one_multiple = list.front()->multiple.has_value();
      std::set<std::string> names;
      for (const SectorGoal* s : list) {
        target += c(g, static_cast<Index>(s->sector)) * s->target;
        one_multiple = one_multiple && s->multiple && same(*s->multiple, *list.front()->multiple);
        names.insert(s->goal);
        if (!same(s->weight, a.weight))
          throw_bad_input(p.file, "goals." + s->goal,
                          fmt::format("the goals of group \"{}\" have different weights ({} and {}); a group's "
                                      "shortfall has one weight",
                                      group, a.weight, s->weight));
      }
      if (one_multiple) a.multiple = list.front()->multiple;
      else a.target = target;
      a.source = fmt::format("sum of goals {} of {}", fmt::join(names, ", "), p.file);
      out.push_back(std::move(a));
    }
  }
  return out;
}

std::vector<Actual> group_actuals(const Plan& p, const std::vector<std::string>& groups, const MatrixXd& c,
                                  std::vector<std::string>& notes) {
  const Economy& e = p.economy;
  std::vector<Actual> out;
  bool alternatives = false;
  for (Index g = 0; g < c.rows(); ++g) {
    const std::string& group = groups[static_cast<std::size_t>(g)];
    const auto m = members(c, g);
    std::map<int, std::vector<const Actual*>> by_year;
    for (const Actual& a : p.actuals)
      if (c(g, static_cast<Index>(*e.sector_index(a.sector))) > 0) by_year[a.year].push_back(&a);
    for (const auto& [year, list] : by_year) {
      if (list.size() < m.size()) {
        std::vector<std::string> recorded;
        for (const Actual* a : list) recorded.push_back(a->sector);
        notes.push_back(fmt::format("{}: actuals of group \"{}\" in {} dropped: only {} of its members {} were recorded",
                                    p.file, group, year, fmt::join(recorded, ", "), ids(e, m)));
        continue;
      }
      Actual a;
      a.sector = group;
      a.year = year;
      std::set<std::string> sources;
      for (const Actual* s : list) {
        a.value += c(g, static_cast<Index>(*e.sector_index(s->sector))) * s->value;
        if (!s->source.empty()) sources.insert(s->source);
        alternatives = alternatives || !s->alternatives.empty();
      }
      a.source = fmt::format("sum of {} ({})", ids(e, m), fmt::join(sources, "; "));
      out.push_back(std::move(a));
    }
  }
  if (alternatives) notes.push_back(p.file + ": alternative figures of actuals are not aggregated (dropped)");
  return out;
}

/// max-output / max-consumption weights per group: equal within the group, or refused.
std::map<std::string, double> group_weights(const Plan& p, const std::map<std::string, double>& w,
                                            const std::vector<std::string>& groups, const MatrixXd& c,
                                            const std::string& key) {
  std::map<std::string, double> out;
  if (w.empty()) return out;
  const Economy& e = p.economy;
  auto weight = [&](std::size_t j) {
    auto it = w.find(e.sectors[j].id);
    return it == w.end() ? 1.0 : it->second;
  };
  for (Index g = 0; g < c.rows(); ++g) {
    const auto m = members(c, g);
    const double first = weight(m.front());
    for (auto j : m)
      if (!same(weight(j), first))
        throw_bad_input(p.file, key,
                        fmt::format("sectors \"{}\" and \"{}\" of group \"{}\" have different weights ({} and {}); "
                                    "the aggregated objective has one weight per group",
                                    e.sectors[m.front()].id, e.sectors[j].id, groups[static_cast<std::size_t>(g)], first,
                                    weight(j)));
    if (!same(first, 1.0)) out[groups[static_cast<std::size_t>(g)]] = first;
  }
  return out;
}

Objective group_objective(const Plan& p, const Objective& o, const std::vector<std::string>& groups, const MatrixXd& c,
                          const std::string& key) {
  Objective a = o;
  a.weights = group_weights(p, o.weights, groups, c, key + ".weights");
  a.floors.clear();
  for (Index g = 0; g < c.rows(); ++g) {
    double floor = 0;
    for (Index j = 0; j < c.cols(); ++j) {
      auto it = o.floors.find(p.economy.sectors[static_cast<std::size_t>(j)].id);
      if (it != o.floors.end()) floor += c(g, j) * it->second;
    }
    if (floor != 0) a.floors[groups[static_cast<std::size_t>(g)]] = floor;
  }
  return a;
}

}  // namespace

PlanAggregation aggregate_plan(const Plan& p, const Economy& aggregated, const std::vector<std::string>& groups,
                               const MatrixXd& c) {
  PlanAggregation out;
  Plan& a = out.plan;
  a = p;
  a.economy = aggregated;
  a.goals = group_goals(p, groups, c);
  a.actuals = group_actuals(p, groups, c, out.notes);
  if (p.demand_override) {
    const Eigen::VectorXd d = c * Eigen::Map<const Eigen::VectorXd>(p.demand_override->data(),
                                                                     static_cast<Index>(p.demand_override->size()));
    a.demand_override = std::vector<double>(d.data(), d.data() + d.size());
  }
  a.objective = group_objective(p, p.objective, groups, c, "objective");
  if (p.then) a.then = group_objective(p, *p.then, groups, c, "objective.then");
  if (!p.objective.floors.empty() || (p.then && !p.then->floors.empty()))
    out.notes.push_back(p.file + ": consumption floors summed per group (a floor on the group's total, looser than one per member)");
  return out;
}

}  // namespace planner::analysis
