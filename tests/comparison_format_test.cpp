// planner/report/comparison_format: text, Markdown, CSV and JSON of a hand-built Comparison.
#include "planner/report/comparison_format.hpp"

#include <gtest/gtest.h>

namespace planner {
namespace {

Comparison sample() {
  PlanComparison p;
  p.name = "FYP1, optimal";
  p.file = "plans/fyp1.toml";
  p.model_name = "USSR";
  p.base_year = 1928;
  p.years = 5;
  p.goal_year = 1933;
  p.status = "optimal";
  p.fulfilment = 0.8;
  ProductComparison coal;
  coal.id = "coal";
  coal.name = "Coal (hard and brown)";
  coal.unit = "Mt";
  coal.base = 35.4;
  coal.goal = 75.0;
  coal.goal_multiple = 75.0 / 35.4;
  coal.goal_year = 1933;
  coal.feasible = 60.0;
  coal.feasible_by_actual_year = 50.0;
  coal.frontier_goals = 70.0;
  coal.frontier_history = 62.0;
  coal.frontier_history_year = 1932;
  coal.actual = 64.3;
  coal.actual_year = 1932;
  coal.actual_source = "WHP, \"First five-year plan\"";
  coal.actual_alternatives = {{64.4, "brief"}};
  coal.path = {{1928, 35.4}, {1933, 60.0}};
  ProductComparison grain;
  grain.id = "grain";
  grain.name = "Grain";
  grain.unit = "Mt";
  grain.base = 73.3;
  grain.goal_year = 1933;
  grain.feasible = 80.0;
  p.products = {coal, grain};
  BindingConstraint b;
  b.row = "labour[3]";
  b.kind = "resource";
  b.subject = "labour";
  b.subject_name = "labour";
  b.year = 1931;
  b.shadow_price = 0.42;
  b.unit = "million workers";
  p.binding = {b};
  p.binding_families = summarise_binding(p.binding);
  Scenario s;
  s.id = "by-1932";
  s.label = "goals asked for by 1932";
  s.goal_year = 1932;
  s.status = "optimal";
  s.fulfilment = 0.6;
  s.delta_fulfilment = -0.2;
  p.scenarios = {s};
  p.sources = {{"WHP, \"First five-year plan\"", {"actual coal 1932"}}};
  Comparison c;
  c.plans = {p};
  return c;
}

TEST(ComparisonFormat, Numbers) {
  EXPECT_EQ(format_quantity(75.0), "75.00");
  EXPECT_EQ(format_quantity(169.3), "169.3");
  EXPECT_EQ(format_quantity(7628.0), "7628");
  EXPECT_EQ(format_quantity(0.5), "0.500");
  EXPECT_EQ(format_quantity(std::nullopt), "–");
  EXPECT_EQ(format_multiple(75.0 / 35.4), "×2.12");
  EXPECT_EQ(format_percent(0.857), "85.7%");
  EXPECT_EQ(format_delta(-0.2), "−0.200");
  EXPECT_EQ(format_delta(0.1), "+0.100");
  EXPECT_EQ(format_delta(0.0), "±0.000");
  EXPECT_EQ(format_lambda(0.8), "0.800");
}

TEST(ComparisonFormat, TextShowsEveryFigure) {
  std::string t = comparison_to_text(sample());
  EXPECT_NE(t.find("Fulfilment λ = 0.800: 80.0% of every goal"), std::string::npos) << t;
  EXPECT_NE(t.find("Coal "), std::string::npos);
  EXPECT_EQ(t.find("Coal (hard"), std::string::npos);  // short names in tables
  // frontier (a) 70.00 is 93.3% of the goal; the actual 64.30 is 103.7% of frontier (b) 62.00.
  for (const char* s : {"35.40", "75.00", "×2.12", "60.00", "70.00", "62.00", "64.30 (1932)*", "85.7%", "93.3%", "103.7%",
                        "Coal: feasible 60.00 of 75.00 Mt by 1933 (80.0%)",
                        "Labour binds in 1931: one more million workers that year raises every goal by 42 %", "by-1932",
                        "−0.200", "64.40 Mt"})
    EXPECT_NE(t.find(s), std::string::npos) << s << "\n" << t;
}

TEST(ComparisonFormat, MarkdownHasTablesAndHeadings) {
  std::string md = comparison_to_markdown(sample());
  EXPECT_EQ(md.rfind("# Plan, feasible and actual\n", 0), 0u);
  EXPECT_NE(md.find("## FYP1, optimal"), std::string::npos);
  EXPECT_NE(md.find("| Coal | Mt | 35.40 | 75.00 |"), std::string::npos) << md;
  EXPECT_NE(md.find("- Labour binds in 1931"), std::string::npos) << md;
}

TEST(ComparisonFormat, CsvOneRowPerPlanAndProduct) {
  std::string csv = comparison_to_csv(sample());
  auto lines = std::count(csv.begin(), csv.end(), '\n');
  EXPECT_EQ(lines, 3);  // header + 2 products
  EXPECT_EQ(csv.rfind("plan,plan_file,status,fulfilment,product,name,unit,group,base_year,base,goal_year,goal,", 0), 0u);
  EXPECT_NE(csv.find("\"FYP1, optimal\",plans/fyp1.toml,optimal,0.8,coal,Coal (hard and brown),Mt,false,1928,35.4,1933,75,"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find(",1932,64.3,50,"), std::string::npos);
  EXPECT_NE(csv.find("\"WHP, \"\"First five-year plan\"\"\""), std::string::npos);  // quoted
}

TEST(ComparisonFormat, JsonKeysAreStable) {
  auto j = comparison_to_json(sample());
  const auto& p = j.at("plans").at(0);
  EXPECT_DOUBLE_EQ(p.at("fulfilment").get<double>(), 0.8);
  EXPECT_EQ(p.at("goal_year"), 1933);
  const auto& coal = p.at("products").at(0);
  for (const char* key : {"id", "name", "unit", "group", "base", "goal", "goal_multiple", "goal_year", "feasible",
                          "feasible_by_actual_year", "actual", "actual_year", "goal_fulfilment", "feasibility_gap",
                          "realised_share", "goal_unmet", "goal_source", "actual_source", "actual_note",
                          "actual_alternatives", "history", "path", "path_by_actual_year"})
    EXPECT_TRUE(coal.contains(key)) << key;
  EXPECT_DOUBLE_EQ(coal.at("goal_fulfilment").get<double>(), 64.3 / 75.0);
  EXPECT_DOUBLE_EQ(coal.at("path").at("1933").get<double>(), 60.0);
  const auto& grain = p.at("products").at(1);
  EXPECT_TRUE(grain.at("goal").is_null());
  EXPECT_TRUE(grain.at("actual_year").is_null());
  EXPECT_EQ(p.at("unmet_goals"), nlohmann::ordered_json::array({"coal"}));
  EXPECT_EQ(p.at("binding").at(0).at("text"), "labour in 1931 (shadow price 0.42 per million workers)");
  EXPECT_DOUBLE_EQ(p.at("scenarios").at(0).at("delta_fulfilment").get<double>(), -0.2);
  EXPECT_EQ(j.at("sources").at(0).at("cited_by").at(0), "actual coal 1932");
}

TEST(ComparisonFormat, SameComparisonSameBytes) {
  EXPECT_EQ(comparison_to_text(sample()), comparison_to_text(sample()));
  EXPECT_EQ(comparison_to_csv(sample()), comparison_to_csv(sample()));
  EXPECT_EQ(comparison_to_json(sample()).dump(2), comparison_to_json(sample()).dump(2));
}

}  // namespace
}  // namespace planner
