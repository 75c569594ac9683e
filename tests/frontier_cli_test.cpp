// `planner frontier` and the issue #17 parts of `planner compare` through the built CLI, on the
// bundled First-Plan variants.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "scratch_dir.hpp"

namespace planner {
namespace {

using nlohmann::json;
const char* const kFirstPlan =
    "plans/fyp1-stated-goals.toml plans/fyp1-gosplan-initial.toml plans/fyp1-gosplan-optimal.toml "
    "plans/fyp1-revised-1930.toml";

TEST(FrontierCli, EveryFeasibleFigureBelowItsBaseYearSaysWhy) {
  const auto r = test::run_cli(std::string("compare ") + kFirstPlan + " --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  const json j = json::parse(r.out);
  ASSERT_EQ(j["plans"].size(), 4u);
  for (const auto& p : j["plans"]) {
    // The history test and both frontiers for every variant.
    EXPECT_TRUE(p["history"]["status"] == "feasible" || p["history"]["status"] == "infeasible") << p["name"];
    EXPECT_FALSE(p["history"]["verdict"].get<std::string>().empty());
    EXPECT_EQ(p["summary"].size(), 3u) << p["name"];
    EXPECT_EQ(p["second_stage"]["weighting"], "base-output");
    for (const auto& x : p["products"]) {
      ASSERT_FALSE(x["feasible"].is_null()) << x["id"];
      ASSERT_FALSE(x["frontier_goals"].is_null()) << x["id"];
      const double feasible = x["feasible"], base = x["base"], frontier = x["frontier_goals"];
      if (feasible < base * (1.0 - 1e-9)) {
        EXPECT_FALSE(x["below_base"].get<std::string>().empty()) << p["name"] << " " << x["id"];
      } else {
        EXPECT_EQ(x["below_base"], "") << x["id"];
      }
      // Frontier (a) is never below the figure the goals themselves give (relative 1e-7).
      EXPECT_GE(frontier, feasible - 1e-7 * std::max(1.0, feasible)) << x["id"];
      if (!x["actual"].is_null()) {
        EXPECT_FALSE(x["frontier_history"].is_null()) << x["id"];
      }
    }
    EXPECT_FALSE(p["binding_families"].empty());
    for (const auto& f : p["binding_families"]) EXPECT_FALSE(f["rows"].empty());
  }
}

TEST(FrontierCli, FrontierCommandAgreesWithCompare) {
  const auto f = test::run_cli("frontier plans/fyp1-gosplan-optimal.toml --format json");
  const auto c = test::run_cli("compare plans/fyp1-gosplan-optimal.toml --format json");
  ASSERT_EQ(f.code, 0) << f.err;
  ASSERT_EQ(c.code, 0) << c.err;
  const json fj = json::parse(f.out), cj = json::parse(c.out)["plans"][0];
  ASSERT_EQ(fj["products"].size(), cj["products"].size());
  for (std::size_t k = 0; k < fj["products"].size(); ++k) {
    const auto &a = fj["products"][k], &b = cj["products"][k];
    EXPECT_EQ(a["id"], b["id"]);
    EXPECT_EQ(a["frontier_goals"], b["frontier_goals"]) << a["id"];
    EXPECT_EQ(a["frontier_history"], b["frontier_history"]) << a["id"];
    if (!a["goal"].is_null()) {
      EXPECT_NEAR(a["at_fulfilment"].get<double>(), fj["fulfilment"].get<double>() * a["goal"].get<double>(), 1e-9);
    }
  }
  EXPECT_EQ(fj["history"]["status"], cj["history"]["status"]);
}

TEST(FrontierCli, OneProductAndByteIdenticalReruns) {
  const std::string args = "frontier plans/fyp1-stated-goals.toml --product steel --product machinery --format csv";
  const auto a = test::run_cli(args), b = test::run_cli(args);
  ASSERT_EQ(a.code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(std::count(a.out.begin(), a.out.end(), '\n'), 3) << a.out;  // header + 2 products
  EXPECT_NE(a.out.find(",steel,"), std::string::npos);
  EXPECT_NE(a.out.find(",machinery,"), std::string::npos);
}

TEST(FrontierCli, UnknownProductWritesNothing) {
  const auto out = test::scratch_dir("frontier_cli") / "frontier.csv";
  std::filesystem::remove(out);
  const auto r = test::run_cli("frontier plans/fyp1-stated-goals.toml --product steal --format csv --out " + out.string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--product: no product \"steal\""), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(FrontierCli, PlanWithoutActualsSaysTheHistoryTestDoesNotApply) {
  const auto r = test::run_cli("compare plans/williams-max-capacity.toml");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("the history test does not apply"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace planner
