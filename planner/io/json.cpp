#include "planner/io/json.hpp"

#include <stdexcept>

#include "planner/analysis/static_analysis.hpp"

namespace planner {

nlohmann::json labelled_matrix_json(const std::vector<std::string>& rows, const std::vector<std::string>& cols,
                                    const Eigen::MatrixXd& data) {
  if (data.rows() != static_cast<Eigen::Index>(rows.size()) || data.cols() != static_cast<Eigen::Index>(cols.size()))
    throw std::invalid_argument("labelled_matrix_json: labels do not match the matrix size");
  nlohmann::json d = nlohmann::json::array();
  for (Eigen::Index i = 0; i < data.rows(); ++i) {
    nlohmann::json row = nlohmann::json::array();
    for (Eigen::Index j = 0; j < data.cols(); ++j) row.push_back(data(i, j));
    d.push_back(std::move(row));
  }
  return {{"rows", rows}, {"cols", cols}, {"data", std::move(d)}};
}

nlohmann::json labelled_vector_json(const std::vector<std::string>& ids, const Eigen::VectorXd& values) {
  if (values.size() != static_cast<Eigen::Index>(ids.size()))
    throw std::invalid_argument("labelled_vector_json: labels do not match the vector size");
  nlohmann::json v = nlohmann::json::object();
  for (std::size_t i = 0; i < ids.size(); ++i) v[ids[i]] = values[static_cast<Eigen::Index>(i)];
  return v;
}

nlohmann::json series_json(const std::vector<std::string>& ids, const std::vector<int>& years,
                           const Eigen::MatrixXd& values) {
  if (values.rows() != static_cast<Eigen::Index>(ids.size()) || values.cols() != static_cast<Eigen::Index>(years.size()))
    throw std::invalid_argument("series_json: labels do not match the matrix size");
  nlohmann::json s = nlohmann::json::object();
  for (std::size_t i = 0; i < ids.size(); ++i) {
    nlohmann::json by_year = nlohmann::json::object();
    for (std::size_t t = 0; t < years.size(); ++t)
      by_year[std::to_string(years[t])] = values(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(t));
    s[ids[i]] = std::move(by_year);
  }
  return s;
}

nlohmann::json series_json(const std::vector<std::string>& ids, const Eigen::MatrixXd& values) {
  std::vector<int> years(static_cast<std::size_t>(values.cols()));
  for (std::size_t t = 0; t < years.size(); ++t) years[t] = static_cast<int>(t);
  return series_json(ids, years, values);
}

nlohmann::json analysis_json(const analysis::StaticAnalysis& a) {
  const auto& s = a.sectors;
  nlohmann::json j = nlohmann::json::object();
  j["sectors"] = s;
  j["output"] = labelled_vector_json(s, a.output);
  j["final_demand"] = labelled_vector_json(s, a.final_demand);
  j["technical"] = labelled_matrix_json(s, s, a.technical);
  j["leontief_inverse"] = labelled_matrix_json(s, s, a.leontief_inverse);
  j["flows"] = labelled_matrix_json(s, s, a.flows);
  j["allocation"] = labelled_matrix_json(s, s, a.allocation);
  j["ghosh_inverse"] = labelled_matrix_json(s, s, a.ghosh_inverse);
  j["output_multipliers"] = labelled_vector_json(s, a.output_multipliers);
  j["backward_linkage"] = labelled_vector_json(s, a.linkages.backward);
  j["forward_linkage"] = labelled_vector_json(s, a.linkages.forward);
  j["backward_linkage_raw"] = labelled_vector_json(s, a.linkages.backward_raw);
  j["forward_linkage_raw"] = labelled_vector_json(s, a.linkages.forward_raw);
  nlohmann::json key = nlohmann::json::object();
  for (std::size_t i = 0; i < s.size(); ++i) key[s[i]] = std::string(analysis::to_string(a.linkages.key_sectors[i]));
  j["key_sectors"] = std::move(key);
  nlohmann::json inputs = nlohmann::json::object();
  for (std::size_t r = 0; r < a.resources.size(); ++r)
    inputs[a.resources[r]] = labelled_vector_json(s, a.input_multipliers.row(static_cast<Eigen::Index>(r)).transpose());
  j["input_multipliers"] = std::move(inputs);
  j["value_added"] = labelled_vector_json(s, a.value_added.coefficients);
  j["price_basis"] = a.value_added.resources.empty() ? nlohmann::json("residual: 1 - column sums of technical")
                                                     : nlohmann::json(a.value_added.resources);
  j["prices"] = labelled_vector_json(s, a.prices);
  j["productive"] = a.productive;
  j["spectral_radius"] = a.spectral_radius;
  j["inputs_exceed_output"] = a.inputs_exceed_output;
  return j;
}

std::string dump_json(const nlohmann::json& value) {
  // nlohmann writes doubles as the shortest text that reads back to the same double.
  return value.dump(2, ' ', false, nlohmann::json::error_handler_t::strict) + "\n";
}

}  // namespace planner
