#include "planner/analysis/productivity.hpp"

#include <fmt/format.h>

#include <Eigen/Eigenvalues>

#include "planner/model/error.hpp"

namespace planner::analysis {

double spectral_radius(const Eigen::MatrixXd& technical) {
  if (technical.size() == 0) return 0.0;
  Eigen::EigenSolver<Eigen::MatrixXd> solver(technical, /*computeEigenvectors=*/false);
  if (solver.info() != Eigen::Success)
    throw Error(ExitCode::solver_failure, "", "", "eigenvalues of the technical matrix did not converge");
  return solver.eigenvalues().cwiseAbs().maxCoeff();
}

Productivity check_productivity(const Eigen::MatrixXd& technical) {
  Productivity p;
  p.column_sums = technical.colwise().sum().transpose();
  for (Eigen::Index j = 0; j < p.column_sums.size(); ++j)
    if (!(p.column_sums[j] < 1.0)) p.inputs_exceed_output.push_back(static_cast<std::size_t>(j));
  p.spectral_radius = spectral_radius(technical);
  p.productive = p.spectral_radius < 1.0 - productivity_margin;
  return p;
}

Productivity require_productive(const Economy& economy) {
  Productivity p = check_productivity(economy.technical);
  if (p.productive) return p;
  std::string msg = fmt::format(
      "the economy is not productive (Hawkins–Simon fails): spectral radius ρ(A) = {:.6g} ≥ 1 (to within 1e-10), so no "
      "non-negative output x = (I − A)⁻¹f meets final demand",
      p.spectral_radius);
  if (!p.inputs_exceed_output.empty()) {
    std::string list;
    for (std::size_t j : p.inputs_exceed_output)
      list += fmt::format("{}{} ({:.6g})", list.empty() ? "" : ", ", economy.sectors[j].id,
                          p.column_sums[static_cast<Eigen::Index>(j)]);
    msg += "; inputs per unit of output (column sum of A) reach 1 in " + list;
  }
  throw Error(ExitCode::bad_input, economy.file, "technical", msg);
}

}  // namespace planner::analysis
