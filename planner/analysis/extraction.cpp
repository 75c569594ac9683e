#include "planner/analysis/extraction.hpp"

#include <algorithm>
#include <stdexcept>

#include "planner/analysis/productivity.hpp"
#include "planner/analysis/sector_lookup.hpp"
#include "planner/model/error.hpp"

namespace planner::analysis {

Extraction hypothetical_extraction(const LeontiefSystem& system, const Eigen::VectorXd& final_demand,
                                   const std::vector<std::size_t>& sectors) {
  const Eigen::Index n = system.size();
  if (final_demand.size() != n) throw std::invalid_argument("hypothetical_extraction: f must have one entry per sector");
  std::vector<bool> removed(static_cast<std::size_t>(n), false);
  for (std::size_t s : sectors) {
    if (s >= removed.size()) throw std::invalid_argument("hypothetical_extraction: sector index out of range");
    removed[s] = true;
  }
  Extraction e;
  for (std::size_t s = 0; s < removed.size(); ++s)
    if (removed[s]) e.extracted.push_back(s);

  std::vector<Eigen::Index> kept;  // the sectors that remain, in order
  for (Eigen::Index i = 0; i < n; ++i)
    if (!removed[static_cast<std::size_t>(i)]) kept.push_back(i);
  const auto m = static_cast<Eigen::Index>(kept.size());
  Eigen::MatrixXd reduced(m, m);
  Eigen::VectorXd reduced_demand(m);
  for (Eigen::Index r = 0; r < m; ++r) {
    reduced_demand[r] = final_demand[kept[static_cast<std::size_t>(r)]];
    for (Eigen::Index c = 0; c < m; ++c)
      reduced(r, c) = system.technical()(kept[static_cast<std::size_t>(r)], kept[static_cast<std::size_t>(c)]);
  }
  // A principal submatrix of a productive A is productive, so the reduced system is solvable.
  Eigen::VectorXd reduced_output = LeontiefSystem(reduced).output_for(reduced_demand);

  e.baseline_output = system.output_for(final_demand);
  e.extracted_output = Eigen::VectorXd::Zero(n);
  for (Eigen::Index r = 0; r < m; ++r) e.extracted_output[kept[static_cast<std::size_t>(r)]] = reduced_output[r];
  e.loss = e.baseline_output - e.extracted_output;
  e.total_loss = e.loss.sum();
  double base = e.baseline_output.sum();
  e.total_loss_share = base != 0.0 ? e.total_loss / base : 0.0;
  return e;
}

Extraction hypothetical_extraction(const Economy& economy, const std::vector<std::string>& sector_ids) {
  std::vector<std::size_t> idx;
  for (const auto& id : sector_ids) idx.push_back(sector_index_or_throw(economy, id, "SECTOR"));
  require_productive(economy);
  return hypothetical_extraction(LeontiefSystem(economy.technical), economy.demands(), idx);
}

}  // namespace planner::analysis
