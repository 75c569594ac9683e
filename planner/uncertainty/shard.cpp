#include "planner/uncertainty/shard.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "planner/model/error.hpp"

namespace planner::uncertainty {
namespace {

constexpr const char* shard_format = "planner-uncertainty-shard";

nlohmann::json number_or_null(double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); }
double number_or_nan(const nlohmann::json& j) {
  return j.is_null() ? std::numeric_limits<double>::quiet_NaN() : j.get<double>();
}

}  // namespace

ShardSpec parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  auto whole = [](const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos && s.size() < 10; };
  if (slash == std::string::npos || !whole(text.substr(0, slash)) || !whole(text.substr(slash + 1)))
    throw Error(ExitCode::bad_input, "", "--shard", fmt::format("expected i/k (shard i of k, 1 ≤ i ≤ k), got \"{}\"", text));
  ShardSpec s{std::stoul(text.substr(0, slash)), std::stoul(text.substr(slash + 1))};
  if (s.count == 0 || s.index == 0 || s.index > s.count)
    throw Error(ExitCode::bad_input, "", "--shard", fmt::format("shard {} of {} does not exist (1 ≤ i ≤ k)", s.index, s.count));
  return s;
}

std::uint64_t fingerprint(const UncertainPlan& plan) {
  std::uint64_t h = 1469598103934665603ull;
  auto eat = [&](const std::string& s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;  // a separator, so "ab"+"c" ≠ "a"+"bc"
  };
  for (const auto& [file, text] : plan.inputs().texts()) {
    eat(file);
    eat(text);
  }
  eat(to_string(plan.closure()));
  return h;
}

nlohmann::json to_json(const Shard& shard) {
  nlohmann::json j = {{"format", shard_format}, {"version", 1},         {"seed", shard.seed},
                      {"samples", shard.samples}, {"shard", shard.spec.index}, {"shards", shard.spec.count},
                      {"first", shard.spec.first(shard.samples)}, {"base_year", to_string(shard.closure)}};
  j["plans"] = nlohmann::json::array();
  for (const ShardPlan& p : shard.plans) {
    nlohmann::json jp = {{"file", p.file}, {"fingerprint", p.fingerprint}};
    jp["draws"] = nlohmann::json::array();
    for (const PlanDraw& d : p.draws) {
      nlohmann::json jd = {{"status", d.status}, {"failure", d.failure}};
      jd["objective"] = d.objective ? nlohmann::json(*d.objective) : nlohmann::json(nullptr);
      jd["targets"] = d.targets;
      jd["goals"] = nlohmann::json::array();
      for (double g : d.goals) jd["goals"].push_back(number_or_null(g));
      jd["binding"] = nlohmann::json::array();
      for (const lp::BindingRow& b : d.binding) jd["binding"].push_back({b.row, b.shadow_price});
      jp["draws"].push_back(std::move(jd));
    }
    j["plans"].push_back(std::move(jp));
  }
  return j;
}

Shard shard_from_json(const nlohmann::json& j, const std::string& name) {
  try {
    if (!j.is_object() || j.value("format", "") != shard_format)
      throw_bad_input(name, "format", "not a shard file of `planner uncertainty --shard` (no \"format\": \"planner-uncertainty-shard\")");
    if (j.at("version").get<int>() != 1)
      throw_bad_input(name, "version", fmt::format("shard version {} is not 1", j.at("version").get<int>()));
    Shard s;
    s.seed = j.at("seed").get<std::uint64_t>();
    s.samples = j.at("samples").get<std::size_t>();
    s.spec = {j.at("shard").get<std::size_t>(), j.at("shards").get<std::size_t>()};
    s.closure = parse_base_year_closure(j.at("base_year").get<std::string>(), name + ": base_year");
    if (s.spec.count == 0 || s.spec.index == 0 || s.spec.index > s.spec.count)
      throw_bad_input(name, "shard", fmt::format("shard {} of {} does not exist", s.spec.index, s.spec.count));
    for (const auto& jp : j.at("plans")) {
      ShardPlan p;
      p.file = jp.at("file").get<std::string>();
      p.fingerprint = jp.at("fingerprint").get<std::uint64_t>();
      for (const auto& jd : jp.at("draws")) {
        PlanDraw d;
        d.status = jd.at("status").get<std::string>();
        d.failure = jd.at("failure").get<std::string>();
        if (!jd.at("objective").is_null()) d.objective = jd.at("objective").get<double>();
        d.targets = jd.at("targets").get<std::vector<double>>();
        for (const auto& g : jd.at("goals")) d.goals.push_back(number_or_nan(g));
        for (const auto& b : jd.at("binding")) d.binding.push_back({b.at(0).get<std::string>(), b.at(1).get<double>()});
        p.draws.push_back(std::move(d));
      }
      if (p.draws.size() != s.spec.size(s.samples))
        throw_bad_input(name, p.file, fmt::format("holds {} draws; shard {} of {} of {} samples has {}", p.draws.size(),
                                                  s.spec.index, s.spec.count, s.samples, s.spec.size(s.samples)));
      s.plans.push_back(std::move(p));
    }
    return s;
  } catch (const nlohmann::json::exception& e) {
    throw_bad_input(name, "", fmt::format("not a readable shard file: {}", e.what()));
  }
}

std::vector<std::vector<PlanDraw>> merge_shards(const std::vector<Shard>& shards, const std::vector<std::string>& names) {
  if (shards.empty()) throw Error(ExitCode::usage, "", "", "no shard files given");
  const Shard& first = shards.front();
  std::vector<const Shard*> by_index(first.spec.count, nullptr);
  std::vector<std::string> owner(first.spec.count);
  for (std::size_t s = 0; s < shards.size(); ++s) {
    const Shard& x = shards[s];
    auto differs = [&](const std::string& what) {
      throw_bad_input(names[s], "", fmt::format("belongs to another run than {}: its {} differs", names[0], what));
    };
    if (x.seed != first.seed) differs(fmt::format("seed ({} vs {})", x.seed, first.seed));
    if (x.samples != first.samples) differs(fmt::format("sample count ({} vs {})", x.samples, first.samples));
    if (x.closure != first.closure)
      differs(fmt::format("base-year closure ({} vs {})", to_string(x.closure), to_string(first.closure)));
    if (x.spec.count != first.spec.count) differs(fmt::format("shard count ({} vs {})", x.spec.count, first.spec.count));
    if (x.plans.size() != first.plans.size()) differs("list of plans");
    for (std::size_t p = 0; p < x.plans.size(); ++p) {
      if (x.plans[p].file != first.plans[p].file) differs(fmt::format("plan ({} vs {})", x.plans[p].file, first.plans[p].file));
      if (x.plans[p].fingerprint != first.plans[p].fingerprint) differs(fmt::format("files of {} (changed between runs)", x.plans[p].file));
    }
    const std::size_t i = x.spec.index - 1;
    if (by_index[i])
      throw_bad_input(names[s], "", fmt::format("shard {} of {} is given twice (also {})", x.spec.index, x.spec.count, owner[i]));
    by_index[i] = &x;
    owner[i] = names[s];
  }
  for (std::size_t i = 0; i < by_index.size(); ++i)
    if (!by_index[i])
      throw Error(ExitCode::bad_input, "", "", fmt::format("shard {} of {} is missing (seed {}, {} samples)", i + 1,
                                                           first.spec.count, first.seed, first.samples));
  std::vector<std::vector<PlanDraw>> draws(first.plans.size());
  for (const Shard* x : by_index)
    for (std::size_t p = 0; p < x->plans.size(); ++p)
      draws[p].insert(draws[p].end(), x->plans[p].draws.begin(), x->plans[p].draws.end());
  return draws;
}

}  // namespace planner::uncertainty
