// The USSR model with choices of technique (models/ussr-1928-techniques) against the
// one-technique model it extends (models/ussr-1928):
// - `extends` plus `implicit = true` moves a product's own column of A and its labour into a
//   process unchanged: the base model with grain and electricity so rewritten solves the
//   Gosplan optimal plan to the base model's λ, outputs and shadow prices (1e-9 relative);
// - the variant's base year is 1927/28's: all grain horse-drawn, all power from the 1928 stations;
// - horses never work beyond the herd's capacity path, and tractors start only when their
//   capital (built capital.lag = 3 years ahead) can be in place;
// - more techniques can only help: with the herd kept ([processes.grain_by_horses] capacity =
//   the grain sector's 80.1), the variant contains every plan of the one-technique model, so its
//   λ is at least the base model's; the herd's loss can only lower it.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "planner/io/model_reader.hpp"
#include "planner/io/plan_reader.hpp"
#include "planner/lp/solve_plan.hpp"
#include "scratch_dir.hpp"

namespace {

const std::string kSource = PLANNER_SOURCE_DIR;

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool close(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

TEST(UssrTechniques, ImplicitProcessesReproduceTheOneTechniqueModel) {
  const auto dir = planner::test::scratch_dir("ussr_implicit");
  std::ofstream(dir / "model.toml") << "extends = \"" << kSource << "/models/ussr-1928/model.toml\"\n"
                                    << "[[process]]\nid = \"grain_own\"\nproduct = \"grain\"\nimplicit = true\n"
                                    << "[[process]]\nid = \"power_own\"\nproduct = \"electricity\"\nimplicit = true\n";
  std::string plan_text = read_text(kSource + "/plans/fyp1-gosplan-optimal.toml");
  const std::string from = "model = \"../models/ussr-1928/model.toml\"";
  ASSERT_NE(plan_text.find(from), std::string::npos);
  plan_text.replace(plan_text.find(from), from.size(), "model = \"model.toml\"");
  std::ofstream(dir / "plan.toml") << plan_text;

  const planner::Plan base = planner::read_plan(kSource + "/plans/fyp1-gosplan-optimal.toml");
  const planner::Plan rewritten = planner::read_plan(dir / "plan.toml");
  ASSERT_EQ(rewritten.economy.processes.size(), 2u);
  EXPECT_EQ(rewritten.economy.technical.col(0).cwiseAbs().sum(), 0.0);  // grain's column moved
  EXPECT_EQ(rewritten.economy.processes[0].inputs.size(),
            static_cast<std::size_t>((base.economy.technical.col(0).array() != 0.0).count()));

  const auto a = planner::lp::solve_plan(base);
  const auto b = planner::lp::solve_plan(rewritten);
  ASSERT_EQ(a.status, "optimal");
  ASSERT_EQ(b.status, "optimal");
  EXPECT_TRUE(close(*b.objective, *a.objective)) << *b.objective << " vs " << *a.objective;
  for (const std::string& id : a.output.ids)
    for (int t = 0; t <= 5; ++t) {
      EXPECT_TRUE(close(b.output.at(id, t), a.output.at(id, t))) << id << " " << t;
      EXPECT_TRUE(close(b.shadow_balance.at(id, t), a.shadow_balance.at(id, t))) << id << " " << t;
    }
  for (int t = 1; t <= 5; ++t) {
    EXPECT_TRUE(close(b.activity.at("grain_own", t), a.output.at("grain", t)));
    EXPECT_EQ(b.reduced_cost.at("grain_own", t), 0.0);
  }
}

TEST(UssrTechniques, VariantStartsFrom1928AndRespectsTheHerd) {
  const planner::Plan plan = planner::read_plan(kSource + "/models/ussr-1928-techniques/fyp1-gosplan-optimal.toml");
  const auto& e = plan.economy;
  const auto r = planner::lp::solve_plan(plan);
  ASSERT_EQ(r.status, "optimal");
  EXPECT_DOUBLE_EQ(r.activity.at("grain_by_horses", 0), 73.3);
  EXPECT_DOUBLE_EQ(r.activity.at("grain_by_tractors", 0), 0.0);
  EXPECT_DOUBLE_EQ(r.activity.at("electricity_by_coal", 0), 5.05);
  const planner::Process& horses = e.processes[*e.process_index("grain_by_horses")];
  for (int t = 1; t <= 5; ++t) {
    EXPECT_LE(r.activity.at("grain_by_horses", t), *horses.capacity_in(t) + 1e-9) << t;
    // Output is the sum of the techniques (each makes one unit per unit of activity).
    EXPECT_TRUE(close(r.output.at("grain", t), r.activity.at("grain_by_horses", t) + r.activity.at("grain_by_tractors", t)));
  }
  // Tractor capital takes capital.lag = 3 years: no tractors before plan year 3 (1931).
  ASSERT_EQ(e.capital_lag, 3);
  EXPECT_EQ(r.activity.at("grain_by_tractors", 1), 0.0);
  EXPECT_EQ(r.activity.at("grain_by_tractors", 2), 0.0);
  // Hydro stays at zero until Dneprostroi's first units (plan year 4, 1932).
  for (int t = 1; t <= 3; ++t) EXPECT_EQ(r.activity.at("electricity_by_hydro", t), 0.0);
}

TEST(UssrTechniques, ChoiceHelpsTheHerdsLossHurts) {
  auto lambda = [](const std::string& plan) {
    const auto r = planner::lp::solve_plan(planner::read_plan(kSource + "/" + plan));
    EXPECT_EQ(r.status, "optimal") << plan;
    return r.objective.value_or(0.0);
  };
  const double base = lambda("plans/fyp1-gosplan-optimal.toml");
  const double with_loss = lambda("models/ussr-1928-techniques/fyp1-gosplan-optimal.toml");
  const double no_loss = lambda("models/ussr-1928-techniques/fyp1-no-livestock-loss.toml");
  EXPECT_GE(no_loss, base - 1e-9);
  EXPECT_LE(with_loss, no_loss + 1e-9);
  // The override replaced the herd's path with one capacity for every year.
  const planner::Plan plan = planner::read_plan(kSource + "/models/ussr-1928-techniques/fyp1-no-livestock-loss.toml");
  const auto& horses = plan.economy.processes[*plan.economy.process_index("grain_by_horses")];
  ASSERT_EQ(horses.capacity.size(), 1u);
  EXPECT_EQ(horses.capacity[0], 80.1);
}

}  // namespace
