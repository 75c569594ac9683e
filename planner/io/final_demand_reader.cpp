#include "planner/io/final_demand_reader.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>

#include "planner/io/csv_cells.hpp"
#include "planner/model/error.hpp"

namespace planner {

FinalDemandCategories read_final_demand_categories(const std::filesystem::path& file, const Economy& e) {
  const std::string name = file.string();
  const LabelledCsv csv = read_labelled_lines(file, /*nonnegative=*/false);
  std::map<std::string, std::size_t> row_of;
  for (std::size_t r = 0; r < csv.matrix.rows.size(); ++r) row_of[csv.matrix.rows[r]] = r;
  FinalDemandCategories out;
  out.source = name;
  out.categories = csv.matrix.cols;
  out.y = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(e.size()), static_cast<Eigen::Index>(out.categories.size()));
  for (std::size_t r = 0; r < csv.matrix.rows.size(); ++r)
    if (!e.sector_index(csv.matrix.rows[r]))
      throw_bad_input(name, fmt::format("line {}", csv.row_lines[r]),
                      fmt::format("\"{}\" is not a sector of the model {}", csv.matrix.rows[r], e.file));
  const double scale = std::max(1.0, e.demands().cwiseAbs().maxCoeff());
  for (std::size_t j = 0; j < e.size(); ++j) {
    const auto it = row_of.find(e.sectors[j].id);
    if (it == row_of.end())
      throw_bad_input(name, "end of file", fmt::format("sector \"{}\" of the model {} has no row", e.sectors[j].id, e.file));
    const auto k = static_cast<Eigen::Index>(j);
    out.y.row(k) = csv.matrix.data.row(static_cast<Eigen::Index>(it->second));
    const double sum = out.y.row(k).sum();
    if (std::abs(sum - e.sectors[j].demand) > 1e-9 * scale)
      throw_bad_input(name, fmt::format("line {}", csv.row_lines[it->second]),
                      fmt::format("the categories of \"{}\" sum to {}, but its demand in the model {} is {}: Y·1 must be "
                                  "the model's final demand",
                                  e.sectors[j].id, sum, e.file, e.sectors[j].demand));
  }
  return out;
}

}  // namespace planner
