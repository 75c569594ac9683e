// planner/report/cost_frontier and html_cost_frontier / html_techniques: the First Plan's report
// shows the cost frontier, each plan variant on it, the technique mix and the two verdicts; the
// numbers in the page (data-* attributes, full precision) are the library's.
#include "planner/report/cost_frontier.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "cli_run.hpp"
#include "planner/io/plan_reader.hpp"
#include "planner/lp/solve_plan.hpp"
#include "planner/report/comparison_solve.hpp"
#include "planner/report/html_report.hpp"

namespace planner {
namespace {

const std::string kOneTechnique = std::string(PLANNER_SOURCE_DIR) + "/plans/fyp1-gosplan-optimal.toml";
const std::string kChoices = std::string(PLANNER_SOURCE_DIR) + "/models/ussr-1928-techniques/fyp1-gosplan-optimal.toml";

/// The numbers of attribute `attr` on the rows of class `row_class`, in page order.
std::vector<double> attribute_values(const std::string& html, const std::string& row_class, const std::string& attr) {
  std::vector<double> out;
  const std::regex row("<tr class=\"" + row_class + "\"[^>]*>");
  const std::regex value(attr + "=\"([^\"]+)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), row); it != std::sregex_iterator(); ++it) {
    const std::string tag = it->str();
    std::smatch m;
    if (std::regex_search(tag, m, value)) out.push_back(std::stod(m[1].str()));
  }
  return out;
}

struct Report {
  std::vector<Plan> plans;
  Comparison comparison;
  std::vector<CostFrontier> frontiers;
  std::string html;
};

const Report& first_plan_report() {
  static const Report r = [] {
    Report out;
    out.plans = {read_plan(kOneTechnique), read_plan(kChoices)};
    ComparisonOptions options;
    options.by_actual_year = false;
    out.comparison = compare_plans(out.plans, options, solve_for_comparison);
    out.frontiers = cost_frontiers(out.plans, out.comparison);
    out.html = comparison_to_html(out.comparison, out.frontiers);
    return out;
  }();
  return r;
}

TEST(CostFrontierReport, OneFrontierPerModelEqualToTheLibrary) {
  const Report& r = first_plan_report();
  ASSERT_EQ(r.frontiers.size(), 2u);  // one technique, and choices of technique
  std::vector<double> consumption = attribute_values(r.html, "frontier-point", "data-consumption");
  std::vector<double> heavy = attribute_values(r.html, "frontier-point", "data-heavy");
  std::size_t k = 0;
  for (std::size_t m = 0; m < 2; ++m) {
    const lp::TradeoffFrontier t = lp::tradeoff_frontier(r.plans[m], lp::default_tradeoff_spec(r.plans[m]));
    for (const auto& p : t.points) {
      ASSERT_LT(k, heavy.size());
      EXPECT_NEAR(consumption[k], 100.0 * p.consumption, 1e-9);
      EXPECT_NEAR(heavy[k], *p.heavy, 1e-9 * *p.heavy);
      ++k;
    }
  }
  EXPECT_EQ(k, heavy.size());
  // Choice of technique can only widen what the base year allows: the first frontier point
  // (no consumption floor) of the model with choices is at least that of one technique.
  EXPECT_GE(*r.frontiers[1].points.front().heavy, *r.frontiers[0].points.front().heavy - 1e-9);
}

TEST(CostFrontierReport, PlanVariantsSitOnOrBelowTheirFrontier) {
  const Report& r = first_plan_report();
  const std::vector<double> heavy = attribute_values(r.html, "plan-point", "data-heavy");
  const std::vector<double> consumption = attribute_values(r.html, "plan-point", "data-consumption");
  ASSERT_EQ(heavy.size(), 2u);
  for (std::size_t m = 0; m < 2; ++m) {
    // Independently: the heavy index of the comparison's feasible outputs, mean of x/x̄ × 100.
    const CostFrontier& f = r.frontiers[m];
    double sum = 0.0;
    for (const auto& id : f.heavy)
      for (const auto& x : r.comparison.plans[m].products)
        if (x.id == id) sum += 100.0 * *x.feasible / x.base;
    EXPECT_NEAR(heavy[m], sum / static_cast<double>(f.heavy.size()), 1e-9 * heavy[m]);
    EXPECT_NEAR(consumption[m], 100.0, 1e-9);  // the plans keep the model's demand
    // θ = 1 lies between two grid points: the frontier there (concave) is at least their chord.
    const auto& pts = f.points;
    for (std::size_t k = 1; k < pts.size(); ++k)
      if (100.0 * pts[k - 1].consumption <= 100.0 && 100.0 <= 100.0 * pts[k].consumption) {
        const double s = (1.0 - pts[k - 1].consumption) / (pts[k].consumption - pts[k - 1].consumption);
        EXPECT_LE(heavy[m], *pts[k - 1].heavy + s * (*pts[k].heavy - *pts[k - 1].heavy) + 1e-7 * heavy[m]);
      }
  }
}

TEST(CostFrontierReport, HistoryIsMarkedOnTheHeavyAxis) {
  const Report& r = first_plan_report();
  const std::vector<double> heavy = attribute_values(r.html, "history-point", "data-heavy");
  ASSERT_FALSE(heavy.empty());
  // 1932 as recorded in the plan's [actual]: coal 64.3, oil 21.4, pig iron 6.2, steel 5.9,
  // electricity 13.4 against 1927/28's 35.4, 11.7, 3.3, 4.3, 5.05 (iron ore and cement unrecorded).
  const double expected = 100.0 * (64.3 / 35.4 + 21.4 / 11.7 + 6.2 / 3.3 + 5.9 / 4.3 + 13.4 / 5.05) / 5.0;
  EXPECT_NEAR(heavy.front(), expected, 1e-9);
  EXPECT_NE(r.html.find("none is a household-consumption series"), std::string::npos);
}

TEST(CostFrontierReport, TechniqueMixAndVerdictsAreTheSolvesOwn) {
  const Report& r = first_plan_report();
  EXPECT_TRUE(r.comparison.plans[0].techniques.empty());
  ASSERT_FALSE(r.comparison.plans[1].techniques.empty());
  EXPECT_NE(r.html.find("class=\"data technique-verdicts\""), std::string::npos);
  // Each technique's output in the page equals the max-fulfilment solve's activity × output per unit.
  const Plan& plan = r.plans[1];
  const lp::PlanResult solved = lp::solve_plan(fulfilment_plan(plan));
  ASSERT_EQ(solved.status, "optimal");
  int checked = 0;
  for (const Process& pr : plan.economy.processes) {
    const std::regex row("<tr data-process=\"" + pr.id + "\">(.*?)</tr>");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.html, m, row)) << pr.id;
    const std::string cells = m[1].str();
    const std::regex cell("data-year=\"(\\d+)\" data-output=\"([^\"]+)\"");
    for (auto it = std::sregex_iterator(cells.begin(), cells.end(), cell); it != std::sregex_iterator(); ++it) {
      const int t = std::stoi((*it)[1].str()) - plan.economy.base_year;
      const double expected = *solved.activity.get(pr.id, t) * pr.output;
      EXPECT_NEAR(std::stod((*it)[2].str()), expected, 1e-9 * std::max(1.0, expected)) << pr.id << " " << t;
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
  // λ* in the verdicts table is the comparison's.
  const std::regex lambda("data-lambda=\"([^\"]+)\"");
  std::vector<double> lambdas;
  for (auto it = std::sregex_iterator(r.html.begin(), r.html.end(), lambda); it != std::sregex_iterator(); ++it)
    lambdas.push_back(std::stod((*it)[1].str()));
  ASSERT_EQ(lambdas.size(), 2u);
  EXPECT_NEAR(lambdas[0], *r.comparison.plans[0].fulfilment, 1e-12);
  EXPECT_NEAR(lambdas[1], *r.comparison.plans[1].fulfilment, 1e-12);
}

TEST(TradeoffCli, JsonIsTheLibrarysAndBadNamesExit2) {
  const test::CliRun r = test::run_cli("tradeoff plans/fyp1-gosplan-optimal.toml --points 5 --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  const Plan plan = read_plan(kOneTechnique);
  lp::TradeoffSpec spec = lp::default_tradeoff_spec(plan);
  spec.points = 5;
  const lp::TradeoffFrontier t = lp::tradeoff_frontier(plan, spec);
  ASSERT_EQ(j["points"].size(), t.points.size());  // 5 on the grid, and θ = 1
  ASSERT_EQ(t.points.size(), 6u);
  for (std::size_t k = 0; k < t.points.size(); ++k) {
    EXPECT_NEAR(j["points"][k]["consumption_index"].get<double>(), 100.0 * t.points[k].consumption, 1e-9);
    EXPECT_NEAR(j["points"][k]["heavy_index"].get<double>(), *t.points[k].heavy, 1e-9 * *t.points[k].heavy);
  }
  const test::CliRun bad = test::run_cli("tradeoff plans/fyp1-gosplan-optimal.toml --heavy coal,nosuch");
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("--heavy"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("nosuch"), std::string::npos) << bad.err;
  EXPECT_TRUE(bad.out.empty());
  const test::CliRun few = test::run_cli("tradeoff plans/fyp1-gosplan-optimal.toml --points 1");
  EXPECT_EQ(few.code, 2);
  EXPECT_NE(few.err.find("--points"), std::string::npos) << few.err;
}

}  // namespace
}  // namespace planner
