#include "planner/io/json.hpp"

#include <gtest/gtest.h>

#include "analysis_test_economies.hpp"
#include "planner/analysis/static_analysis.hpp"

using planner::dump_json;
using planner::labelled_matrix_json;
using planner::labelled_vector_json;
using planner::series_json;

TEST(Json, LabelledMatrixIsRowMajor) {
  Eigen::MatrixXd m(2, 3);
  m << 1, 2, 3, 4, 5, 6;
  auto j = labelled_matrix_json({"a", "b"}, {"x", "y", "z"}, m);
  EXPECT_EQ(j.dump(), R"({"cols":["x","y","z"],"data":[[1.0,2.0,3.0],[4.0,5.0,6.0]],"rows":["a","b"]})");
  EXPECT_THROW(labelled_matrix_json({"a"}, {"x", "y", "z"}, m), std::invalid_argument);
}

TEST(Json, LabelledVectorAndSeries) {
  EXPECT_EQ(labelled_vector_json({"coal", "steel"}, Eigen::Vector2d(1.5, -2)).dump(), R"({"coal":1.5,"steel":-2.0})");
  Eigen::MatrixXd s(2, 2);
  s << 1, 2, 3, 4;
  EXPECT_EQ(series_json({"coal", "steel"}, s).dump(), R"({"coal":{"0":1.0,"1":2.0},"steel":{"0":3.0,"1":4.0}})");
  EXPECT_EQ(series_json({"coal"}, {1928, 1929}, s.topRows(1)).dump(), R"({"coal":{"1928":1.0,"1929":2.0}})");
  EXPECT_THROW(labelled_vector_json({"coal"}, Eigen::Vector2d(1, 2)), std::invalid_argument);
  EXPECT_THROW(series_json({"coal"}, {0}, s), std::invalid_argument);
}

TEST(Json, DoublesRoundTripExactly) {
  const double values[] = {0.1 + 0.2, 1.0 / 3.0, 1.2541254125412542, 6.02214076e23, 5e-324};
  for (double v : values) {
    std::string text = dump_json(nlohmann::json(v));
    EXPECT_EQ(nlohmann::json::parse(text).get<double>(), v) << text;
  }
  EXPECT_EQ(dump_json(nlohmann::json(std::nan(""))), "null\n");
}

TEST(Json, AnalysisHasEverySpecKeyAndIsDeterministic) {
  auto a = planner::analysis::analyze(analysis_test::three_sectors());
  nlohmann::json j = planner::analysis_json(a);
  for (const char* key : {"sectors", "technical", "leontief_inverse", "ghosh_inverse", "output_multipliers",
                          "backward_linkage", "forward_linkage", "backward_linkage_raw", "forward_linkage_raw",
                          "key_sectors", "input_multipliers", "prices", "productive", "spectral_radius"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_EQ(j["sectors"], nlohmann::json({"coal", "steel", "transport"}));
  EXPECT_EQ(j["leontief_inverse"]["data"][1][2].get<double>(), a.leontief_inverse(1, 2));
  EXPECT_EQ(j["input_multipliers"]["labour"]["steel"].get<double>(), a.input_multipliers(0, 1));
  EXPECT_TRUE(j["key_sectors"]["coal"].is_string());
  EXPECT_EQ(j["productive"], true);
  EXPECT_EQ(j["price_basis"], nlohmann::json({"wages", "profits"}));
  EXPECT_EQ(dump_json(j), dump_json(planner::analysis_json(planner::analysis::analyze(analysis_test::three_sectors()))));
}
