#include "planner/model/economy.hpp"

#include <algorithm>

namespace planner {

double Resource::available_in(int t) const {
  if (available.empty()) return 0.0;
  std::size_t i = std::min<std::size_t>(static_cast<std::size_t>(std::max(t, 0)), available.size() - 1);
  return available[i];
}

std::optional<std::size_t> Economy::sector_index(const std::string& id) const {
  for (std::size_t i = 0; i < sectors.size(); ++i)
    if (sectors[i].id == id) return i;
  return std::nullopt;
}

std::optional<std::size_t> Economy::resource_index(const std::string& id) const {
  for (std::size_t i = 0; i < resources.size(); ++i)
    if (resources[i].id == id) return i;
  return std::nullopt;
}

std::vector<std::string> Economy::sector_ids() const {
  std::vector<std::string> ids;
  ids.reserve(sectors.size());
  for (const auto& s : sectors) ids.push_back(s.id);
  return ids;
}

Eigen::VectorXd Economy::outputs() const {
  Eigen::VectorXd x(static_cast<Eigen::Index>(sectors.size()));
  for (std::size_t i = 0; i < sectors.size(); ++i) x[static_cast<Eigen::Index>(i)] = sectors[i].output;
  return x;
}

Eigen::VectorXd Economy::demands() const {
  Eigen::VectorXd d(static_cast<Eigen::Index>(sectors.size()));
  for (std::size_t i = 0; i < sectors.size(); ++i) d[static_cast<Eigen::Index>(i)] = sectors[i].demand;
  return d;
}

bool Economy::has_capacities() const {
  return std::any_of(sectors.begin(), sectors.end(), [](const Sector& s) { return s.capacity.has_value(); });
}

double Economy::credit_in(int t) const {
  if (credit.empty()) return 0.0;
  std::size_t i = std::min<std::size_t>(static_cast<std::size_t>(std::max(t, 0)), credit.size() - 1);
  return credit[i];
}

std::string without_gloss(std::string name) {
  if (auto paren = name.find(" ("); paren != std::string::npos && paren > 0 && name.back() == ')') name.resize(paren);
  return name;
}

std::string Sector::short_name() const { return without_gloss(name.empty() ? id : name); }

std::vector<std::size_t> Economy::make_processes(std::size_t j) const {
  std::vector<std::size_t> out;
  for (std::size_t p = 0; p < processes.size(); ++p)
    if (processes[p].sector == j && processes[p].kind == ProcessKind::make) out.push_back(p);
  return out;
}

std::optional<std::size_t> Economy::process_index(const std::string& id) const {
  for (std::size_t p = 0; p < processes.size(); ++p)
    if (processes[p].id == id) return p;
  return std::nullopt;
}

std::optional<std::size_t> Economy::sector_trade_process(std::size_t j, ProcessKind kind) const {
  for (std::size_t p = 0; p < processes.size(); ++p)
    if (processes[p].sector_trade && processes[p].sector == j && processes[p].kind == kind) return p;
  return std::nullopt;
}

double Economy::process_currency(std::size_t p, int t) const {
  const Process& pr = processes[p];
  if (!pr.sector_trade) return pr.currency_in(t);
  const Sector& s = sectors[pr.sector];
  const double price = (pr.kind == ProcessKind::export_ ? s.export_price : s.import_price).value_or(0.0);
  return price * by_year_or_one(pr.price_index, t);
}

std::optional<double> Economy::process_capacity(std::size_t p, int t) const {
  const Process& pr = processes[p];
  if (!pr.sector_trade) return pr.capacity_in(t);
  const Sector& s = sectors[pr.sector];
  return pr.kind == ProcessKind::export_ ? s.export_limit : s.import_limit;
}

std::optional<double> Economy::export_price_in(std::size_t j, int t) const {
  if (auto p = sector_trade_process(j, ProcessKind::export_)) return process_currency(*p, t);
  return sectors[j].export_price;
}

std::optional<double> Economy::import_price_in(std::size_t j, int t) const {
  if (auto p = sector_trade_process(j, ProcessKind::import)) return process_currency(*p, t);
  return sectors[j].import_price;
}

}  // namespace planner
