#include "planner/io/concordance.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>

#include "planner/io/csv.hpp"
#include "planner/io/csv_cells.hpp"
#include "planner/model/error.hpp"

namespace planner {
namespace {

bool valid_id(const std::string& id) {
  if (id.empty()) return false;
  for (char ch : id)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) return false;
  return true;
}

std::string line(int l) { return fmt::format("line {}", l); }

}  // namespace

Concordance read_concordance(const std::filesystem::path& file, const std::vector<std::string>& sectors) {
  const std::string name = file.string();
  std::map<std::string, std::size_t> sector_at;
  for (std::size_t j = 0; j < sectors.size(); ++j) sector_at[sectors[j]] = j;
  std::vector<int> seen_at(sectors.size(), 0);  // line that listed the sector, 0 = none
  auto take_sector = [&](const std::string& id, int l) {
    const auto it = sector_at.find(id);
    if (it == sector_at.end()) throw_bad_input(name, line(l), fmt::format("\"{}\" is not a sector of the model", id));
    if (seen_at[it->second] != 0)
      throw_bad_input(name, line(l), fmt::format("sector \"{}\" is listed twice (also line {})", id, seen_at[it->second]));
    seen_at[it->second] = l;
    return static_cast<Eigen::Index>(it->second);
  };
  const auto n = static_cast<Eigen::Index>(sectors.size());
  Concordance c;

  const auto records = read_csv_records(file);
  if (records.empty()) throw_bad_input(name, "", "the file is empty; expected the header sector,group");
  const auto& header = records.front().cells;
  if (header.size() == 2 && header[0] == "sector" && header[1] == "group") {
    std::map<std::string, Eigen::Index> group_at;
    std::vector<std::pair<Eigen::Index, Eigen::Index>> pairs;  // (group, sector)
    for (std::size_t k = 1; k < records.size(); ++k) {
      const auto& r = records[k];
      if (r.cells.size() != 2) throw_bad_input(name, line(r.line), fmt::format("{} cells; expected sector,group", r.cells.size()));
      const Eigen::Index j = take_sector(r.cells[0], r.line);
      const std::string& g = r.cells[1];
      if (!valid_id(g)) throw_bad_input(name, line(r.line), fmt::format("group id \"{}\" must be [a-z0-9_]+", g));
      auto [it, fresh] = group_at.emplace(g, static_cast<Eigen::Index>(c.groups.size()));
      if (fresh) c.groups.push_back(g);
      pairs.emplace_back(it->second, j);
    }
    c.weights = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(c.groups.size()), n);
    for (auto [g, j] : pairs) c.weights(g, j) = 1.0;
  } else {
    const LabelledCsv m = read_labelled_lines(file, /*nonnegative=*/true);
    for (const auto& g : m.matrix.cols)
      if (!valid_id(g)) throw_bad_input(name, line(m.header_line), fmt::format("group id \"{}\" must be [a-z0-9_]+", g));
    c.groups = m.matrix.cols;
    c.weights = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(c.groups.size()), n);
    for (std::size_t r = 0; r < m.matrix.rows.size(); ++r) {
      const Eigen::Index j = take_sector(m.matrix.rows[r], m.row_lines[r]);
      const Eigen::VectorXd shares = m.matrix.data.row(static_cast<Eigen::Index>(r)).transpose();
      if (std::fabs(shares.sum() - 1.0) > 1e-9)
        throw_bad_input(name, line(m.row_lines[r]),
                        fmt::format("the shares of sector \"{}\" sum to {}; each sector's shares must sum to 1",
                                    m.matrix.rows[r], shares.sum()));
      c.weights.col(j) = shares;
    }
  }
  for (std::size_t j = 0; j < sectors.size(); ++j)
    if (seen_at[j] == 0)
      throw_bad_input(name, "end of file",
                      fmt::format("sector \"{}\" of the model is missing (every sector must go to a group)", sectors[j]));
  return c;
}

}  // namespace planner
