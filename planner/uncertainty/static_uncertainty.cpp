#include "planner/uncertainty/static_uncertainty.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <optional>

#include "planner/analysis/leontief.hpp"
#include "planner/analysis/linkages.hpp"
#include "planner/analysis/price_model.hpp"
#include "planner/analysis/productivity.hpp"
#include "planner/io/model_reader.hpp"
#include "planner/model/error.hpp"
#include "planner/report/table.hpp"
#include "planner/uncertainty/parallel_draws.hpp"
#include "planner/uncertainty/percentiles.hpp"
#include "planner/uncertainty/random_stream.hpp"
#include "planner/uncertainty/uncertainty_format.hpp"

namespace planner::uncertainty {
namespace {

/// One draw's vectors, one per static_quantities() entry, or why it has none.
struct StaticDraw {
  std::vector<Eigen::VectorXd> values;
  std::string status = "optimal";  ///< optimal | not-productive | bad-draw
  std::string failure;
};

StaticDraw quantities_of(const Economy& e) {
  StaticDraw d;
  const analysis::LeontiefSystem system(e.technical);
  const Eigen::Index n = system.size();
  const Eigen::VectorXd ones = Eigen::VectorXd::Ones(n), x_bar = e.outputs();
  // For A ≥ 0, ρ(A) < 1 exactly when (I − A)y = 1 has a solution y > 0 (y = L·1 ≥ 1 then), so
  // one solve with the draw's own LU decides; an A with a negative entry gets the full check.
  const Eigen::VectorXd y = system.output_for(ones);
  const bool nonnegative = (e.technical.array() >= 0.0).all();
  const bool productive = nonnegative ? (y.array() > 0.0).all() && y.allFinite() && system.residual(y, ones) < analysis::residual_warning
                                      : analysis::check_productivity(e.technical).productive;
  if (!productive) {
    d.status = "not-productive";
    d.failure = "the drawn A is not productive (ρ(A) ≥ 1): no non-negative output meets its demand";
    return d;
  }
  const Eigen::VectorXd multipliers = system.solve_transposed(ones);  // column sums of L
  Eigen::VectorXd ghosh_rows = system.output_for(x_bar);              // L x̄, then ÷ x̄: G·1
  for (Eigen::Index i = 0; i < n; ++i) ghosh_rows(i) = x_bar(i) > 0 ? ghosh_rows(i) / x_bar(i) : 1.0;
  d.values = {system.output_for(e.demands()), multipliers, analysis::rasmussen_index(multipliers),
              analysis::rasmussen_index(ghosh_rows), analysis::prices(system, analysis::value_added_coefficients(e).coefficients)};
  return d;
}

}  // namespace

const std::vector<std::string>& static_quantities() {
  static const std::vector<std::string> names{"output", "output_multipliers", "backward_linkage", "forward_linkage", "prices"};
  return names;
}

UncertainModel::UncertainModel(std::filesystem::path file) : file_(std::move(file)) {
  auto [economy, inputs] = UncertainInputs::collect([&] { return read_model(file_); });
  nominal_ = std::move(economy);
  inputs_ = std::move(inputs);
  // A ranges entry's key is "technical.ranges[row,column]" (ids have no commas): re-reading a
  // 500-sector matrix per draw costs ~40 ms, putting 1,000 entries in place microseconds.
  const std::string prefix = "technical.ranges[";
  std::vector<std::pair<Eigen::Index, Eigen::Index>> entries;
  for (const UncertainNumber& n : inputs_.numbers()) {
    if (n.key.rfind(prefix, 0) != 0 || n.key.back() != ']') return;
    const std::string inside = n.key.substr(prefix.size(), n.key.size() - prefix.size() - 1);
    const auto comma = inside.find(',');
    const auto i = nominal_.sector_index(inside.substr(0, comma)), j = nominal_.sector_index(inside.substr(comma + 1));
    if (comma == std::string::npos || !i || !j) return;
    entries.emplace_back(static_cast<Eigen::Index>(*i), static_cast<Eigen::Index>(*j));
  }
  entries_ = std::move(entries);
}

Economy UncertainModel::read_at(const std::vector<double>& u) const {
  return inputs_.read_at(u, [&] { return read_model(file_); });
}

Economy UncertainModel::at(const std::vector<double>& u) const {
  if (entries_.empty()) return read_at(u);
  Economy e = nominal_;
  const std::vector<double> drawn = inputs_.values(u);
  for (std::size_t k = 0; k < entries_.size(); ++k) e.technical(entries_[k].first, entries_[k].second) = drawn[k];
  return e;
}

StaticUncertainty run_static(const UncertainModel& model, std::size_t samples, std::uint64_t seed, unsigned threads,
                             const DrawProgress& progress) {
  const std::size_t n = model.nominal().size(), q = static_quantities().size();
  // values[(k·n + i)·samples + d]: quantity k of sector i in draw d (NaN: the draw failed)
  std::vector<double> values(q * n * samples, std::numeric_limits<double>::quiet_NaN());
  std::vector<std::pair<std::string, std::string>> failed(samples);
  std::atomic<std::size_t> done{0};
  std::mutex report;
  for_each_draw(samples, threads, [&](std::size_t d) {
    std::vector<double> u(model.inputs().size());
    for (std::size_t g = 0; g < u.size(); ++g) u[g] = uniform01(seed, d, g);
    StaticDraw draw;
    try {
      draw = quantities_of(model.at(u));
    } catch (const Error& e) {  // a drawn value the model refuses
      draw.status = "bad-draw";
      draw.failure = (e.where().empty() ? "" : e.where() + ": ") + e.message();
    }
    if (draw.status == "optimal") {
      for (std::size_t k = 0; k < q; ++k)
        for (std::size_t i = 0; i < n; ++i) values[(k * n + i) * samples + d] = draw.values[k](static_cast<Eigen::Index>(i));
    } else {
      failed[d] = {draw.status, draw.failure};
    }
    const std::size_t finished = ++done;
    if (progress) {
      std::lock_guard<std::mutex> lock(report);
      progress(finished, samples);
    }
  });
  StaticUncertainty out;
  out.model = model.nominal().name;
  out.samples = samples;
  out.seed = seed;
  out.numbers = model.inputs().numbers().size();
  out.groups = model.inputs().size();
  std::map<std::pair<std::string, std::string>, std::size_t> failures;
  for (const auto& f : failed)
    if (!f.first.empty()) ++failures[f];
  out.solved = samples;
  for (const auto& [key, count] : failures) {
    out.failures.push_back({key.first, key.second, count});
    out.solved -= count;
  }
  std::stable_sort(out.failures.begin(), out.failures.end(), [](const FailureCount& a, const FailureCount& b) { return a.count > b.count; });
  if (out.solved == 0) return out;
  for (std::size_t k = 0; k < q; ++k)
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<double> column;
      column.reserve(out.solved);
      for (std::size_t d = 0; d < samples; ++d)
        if (failed[d].first.empty()) column.push_back(values[(k * n + i) * samples + d]);
      out.bands.push_back({model.nominal().sectors[i].id, static_quantities()[k], quartiles_5_25_50_75_95(std::move(column))});
    }
  return out;
}

std::string to_csv(const StaticUncertainty& s) {
  std::string out = "sector,quantity,p5,p25,p50,p75,p95\n";
  for (const StaticBand& b : s.bands) {
    out += b.sector + "," + b.quantity;
    for (double v : b.band) out += "," + exact(v);
    out += "\n";
  }
  return out;
}

nlohmann::json to_json(const StaticUncertainty& s) {
  nlohmann::json j;
  j["model"] = s.model;
  j["samples"] = s.samples;
  j["seed"] = s.seed;
  j["uncertain_numbers"] = s.numbers;
  j["independent_inputs"] = s.groups;
  j["productive_draws"] = s.solved;
  nlohmann::json quantities = nlohmann::json::object();
  for (const StaticBand& b : s.bands) quantities[b.quantity][b.sector] = band_json(b.band);
  j["quantities"] = std::move(quantities);
  j["failures"] = nlohmann::json::array();
  for (const FailureCount& f : s.failures) j["failures"].push_back({{"status", f.status}, {"count", f.count}, {"diagnosis", f.failure}});
  return j;
}

std::string to_text(const StaticUncertainty& s, std::size_t top) {
  std::string out = fmt::format("{}\n{} draws (seed {}) of {} uncertain numbers in {} independent inputs; {} with a productive A.\n",
                                s.model, s.samples, s.seed, s.numbers, s.groups, s.solved);
  std::string last;
  std::size_t shown = 0, hidden = 0;
  Table t({"quantity", "sector", "p5", "p25", "median", "p75", "p95"});
  t.align(1, Table::Align::left);
  for (const StaticBand& b : s.bands) {
    if (b.quantity != last) {
      if (!last.empty()) t.add_rule();
      last = b.quantity;
      shown = 0;
    }
    if (shown++ >= top) {
      ++hidden;
      continue;
    }
    std::vector<std::string> row{b.quantity, b.sector};
    for (double v : b.band) row.push_back(readable(v));
    t.add_row(std::move(row));
  }
  if (!s.bands.empty()) out += "\n" + t.to_text();
  if (hidden > 0) out += fmt::format("… {} more rows (--format csv or json lists them all)\n", hidden);
  for (const FailureCount& f : s.failures) out += fmt::format("  {} × {}: {}\n", f.count, f.status, f.failure);
  return out;
}

}  // namespace planner::uncertainty
