#pragma once
// Machine-readable results (spec §4) as nlohmann::json: labelled matrices
// {"rows": [ids], "cols": [ids], "data": [[…], …]} (row-major), labelled vectors {"<id>": v},
// per-year series {"<id>": {"<year>": v}} with years written as strings, and the full
// `planner analyze --format json` object. Doubles keep full round-trip precision; objects
// have sorted keys, so the same inputs give the same bytes.
#include <Eigen/Dense>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace planner::analysis {
struct StaticAnalysis;
}

namespace planner {

/// {"rows": rows, "cols": cols, "data": [[…]]} from an Eigen matrix (sizes must match the labels).
nlohmann::json labelled_matrix_json(const std::vector<std::string>& rows, const std::vector<std::string>& cols,
                                    const Eigen::MatrixXd& data);

/// {"<id>": value, …}; sizes must match.
nlohmann::json labelled_vector_json(const std::vector<std::string>& ids, const Eigen::VectorXd& values);

/// {"<id>": {"<year>": value}}: row i of `values` is ids[i], column t is years[t] (sizes must match).
nlohmann::json series_json(const std::vector<std::string>& ids, const std::vector<int>& years,
                           const Eigen::MatrixXd& values);

/// Same with years 0 … values.cols()−1.
nlohmann::json series_json(const std::vector<std::string>& ids, const Eigen::MatrixXd& values);

/// The `planner analyze --format json` object with every key of spec §4 (and flows,
/// allocation, output, final_demand, value_added, price_basis, inputs_exceed_output).
nlohmann::json analysis_json(const analysis::StaticAnalysis& analysis);

/// JSON text: two-space indent, shortest round-trip doubles, non-finite numbers as null, newline at the end.
std::string dump_json(const nlohmann::json& value);

}  // namespace planner
