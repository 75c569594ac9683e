#include "planner/analysis/sparse_analysis.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "planner/analysis/productivity.hpp"
#include "planner/model/error.hpp"

namespace planner::analysis {

AnalysisKind choose_analysis(std::size_t sectors, std::size_t nonzeros) {
  if (sectors <= dense_sector_limit) return AnalysisKind::dense;
  const double n = static_cast<double>(sectors);
  const double density = static_cast<double>(nonzeros) / (n * n);
  if (sectors <= 20000 && density > sparse_density_limit) return AnalysisKind::dense;
  return AnalysisKind::sparse;
}

std::string to_string(AnalysisKind kind) { return kind == AnalysisKind::dense ? "dense" : "sparse"; }

namespace {

/// Refuses a non-productive (or unprovably productive) economy, naming the bounds and the
/// first sectors whose column sum of A is ≥ 1.
void require_productive(const SparseEconomy& economy, const Productivity& p) {
  if (p.productive) return;
  std::string msg;
  if (p.spectral_radius_lower >= 1.0 - productivity_margin)
    msg = fmt::format(
        "the economy is not productive (Hawkins–Simon fails): spectral radius ρ(A) ≥ {:.6g} ({}, {} iterations), so no "
        "non-negative output x = (I − A)⁻¹f meets final demand",
        p.spectral_radius_lower, p.method, p.iterations);
  else
    msg = fmt::format(
        "cannot show the economy is productive: {:.6g} ≤ ρ(A) ≤ {:.6g} ({}, {} iterations) and the upper bound is not "
        "below 1",
        p.spectral_radius_lower, p.spectral_radius_upper, p.method, p.iterations);
  if (!p.inputs_exceed_output.empty()) {
    std::string list;
    const std::size_t shown = std::min<std::size_t>(p.inputs_exceed_output.size(), 10);
    for (std::size_t k = 0; k < shown; ++k) {
      const std::size_t j = p.inputs_exceed_output[k];
      list += fmt::format("{}{} ({:.6g})", list.empty() ? "" : ", ", economy.sectors[j].id,
                          p.column_sums[static_cast<Eigen::Index>(j)]);
    }
    if (shown < p.inputs_exceed_output.size()) list += fmt::format(" and {} more", p.inputs_exceed_output.size() - shown);
    msg += "; inputs per unit of output (column sum of A) reach 1 in " + list;
  }
  throw Error(ExitCode::bad_input, economy.file, "technical", msg);
}

}  // namespace

SparseAnalysis analyze_sparse(const SparseEconomy& economy, IterativeOptions options) {
  const auto n = static_cast<Eigen::Index>(economy.size());
  if (economy.technical.rows() != n || economy.technical.cols() != n)
    throw Error(ExitCode::bad_input, economy.file, "technical", "the technical matrix is not n×n for the model's n sectors");
  SparseLeontiefSystem system(economy.technical, options);

  const Eigen::VectorXd ones = Eigen::VectorXd::Ones(n);
  Eigen::VectorXd column_sums = economy.technical.transpose() * ones;
  PerronBounds bounds =
      perron_bounds(n, [&](const Eigen::VectorXd& x, Eigen::VectorXd& y) { system.multiply_technical(x, y); });
  Productivity productivity = productivity_from_bounds(bounds, std::move(column_sums));
  require_productive(economy, productivity);

  SparseAnalysis a;
  a.sectors = economy.sector_ids();
  a.nonzeros = static_cast<std::size_t>(economy.technical.nonZeros());
  a.output = economy.outputs();
  a.final_demand = economy.demands();
  a.productive = true;
  a.spectral_radius = productivity.spectral_radius;
  a.spectral_radius_lower = productivity.spectral_radius_lower;
  a.spectral_radius_upper = productivity.spectral_radius_upper;
  a.spectral_iterations = productivity.iterations;
  a.inputs_exceed_output = productivity.inputs_exceed_output.size();

  auto record = [&](SolveReport report, const std::string& quantity) {
    report.quantity = quantity;
    if (report.residual > options.tolerance * 1e4)
      throw Error(ExitCode::solver_failure, economy.file, "",
                  fmt::format("the {} solve for {} stopped after {} iterations at relative residual {:.3g} (wanted {:.3g})",
                              report.method, quantity, report.iterations, report.residual, options.tolerance));
    a.residual = std::max(a.residual, report.residual);
    a.solves.push_back(std::move(report));
  };

  SolveReport report;
  a.required_output = system.output_for(a.final_demand, &report);
  record(report, "required_output");
  a.output_multipliers = system.solve_transposed(ones, &report);
  record(report, "output_multipliers");
  a.backward_linkage_raw = a.output_multipliers;
  a.backward_linkage = rasmussen_index(a.backward_linkage_raw);

  a.input_multipliers = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(economy.resources.size()), n);
  for (std::size_t r = 0; r < economy.resources.size(); ++r) {
    const Resource& res = economy.resources[r];
    a.resources.push_back(res.id);
    if (res.per_output.size() != n || res.per_output.isZero(0.0)) continue;
    a.input_multipliers.row(static_cast<Eigen::Index>(r)) = system.solve_transposed(res.per_output, &report).transpose();
    record(report, res.id + "_multipliers");
  }

  if (n > 0 && a.output.minCoeff() > 0) {
    Eigen::VectorXd lx = system.output_for(a.output, &report);
    record(report, "forward_linkage_raw");
    a.forward_linkage_raw = lx.cwiseQuotient(a.output);
    a.forward_linkage = rasmussen_index(a.forward_linkage_raw);
    a.key_sectors.reserve(a.sectors.size());
    for (Eigen::Index j = 0; j < n; ++j) a.key_sectors.push_back(classify(a.backward_linkage[j], a.forward_linkage[j]));
  }
  return a;
}

}  // namespace planner::analysis
