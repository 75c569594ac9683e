// Aggregation (planner/analysis/aggregation) of the Eurostat Germany 1995 model: totals are
// preserved, A' equals the recomputation from the aggregated flows (summed member by member
// here), the identity concordance returns the model, and a split sector keeps the totals.
#include "planner/analysis/aggregation.hpp"

#include <gtest/gtest.h>

#include "expect_error.hpp"
#include "planner/analysis/leontief.hpp"
#include "planner/io/model_reader.hpp"

namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;
using planner::analysis::aggregate;

planner::Economy germany() {
  return planner::read_model(std::string(PLANNER_SOURCE_DIR) + "/models/eurostat-germany-1995/model.toml");
}

// agriculture → primary; industry, construction → industry; the four service groups → services.
const std::vector<int> kGroupOf{0, 1, 1, 2, 2, 2};
const std::vector<std::string> kGroups{"primary", "industry", "services"};

MatrixXd many_to_one(const std::vector<int>& group_of, int groups) {
  MatrixXd c = MatrixXd::Zero(groups, static_cast<Eigen::Index>(group_of.size()));
  for (std::size_t j = 0; j < group_of.size(); ++j) c(group_of[j], static_cast<Eigen::Index>(j)) = 1;
  return c;
}

TEST(Aggregation, PreservesTotalsAndEqualsRecomputationFromFlows) {
  const auto e = germany();
  const MatrixXd z = planner::analysis::intermediate_flows(e);
  const auto agg = aggregate(e, kGroups, many_to_one(kGroupOf, 3), "c.csv");
  const auto& a = agg.economy;
  ASSERT_EQ(a.size(), 3u);
  EXPECT_NEAR(a.outputs().sum(), e.outputs().sum(), 1e-9 * e.outputs().sum());
  EXPECT_NEAR(a.demands().sum(), e.demands().sum(), 1e-9 * e.outputs().sum());
  EXPECT_NEAR(agg.flows.sum(), z.sum(), 1e-9 * z.sum());
  // Independent: sum the flows member by member, then divide by the group's summed output.
  MatrixXd z_groups = MatrixXd::Zero(3, 3);
  VectorXd x_groups = VectorXd::Zero(3);
  for (int i = 0; i < 6; ++i) {
    x_groups[kGroupOf[static_cast<std::size_t>(i)]] += e.sectors[static_cast<std::size_t>(i)].output;
    for (int j = 0; j < 6; ++j) z_groups(kGroupOf[static_cast<std::size_t>(i)], kGroupOf[static_cast<std::size_t>(j)]) += z(i, j);
  }
  for (int g = 0; g < 3; ++g)
    for (int h = 0; h < 3; ++h) EXPECT_NEAR(a.technical(g, h), z_groups(g, h) / x_groups[h], 1e-13) << g << "," << h;
  // Resource use: Σ l'·x' over groups = Σ l·x over sectors, for every resource.
  ASSERT_EQ(a.resources.size(), e.resources.size());
  for (std::size_t r = 0; r < e.resources.size(); ++r) {
    const double before = e.resources[r].per_output.dot(e.outputs());
    EXPECT_NEAR(a.resources[r].per_output.dot(a.outputs()), before, 1e-9 * std::abs(before)) << e.resources[r].id;
  }
  // The aggregated balance still holds: x' = Z'·1 + f' where x = Z·1 + f held.
  const VectorXd residual = e.outputs() - z.rowwise().sum() - e.demands();
  const VectorXd residual_agg = a.outputs() - agg.flows.rowwise().sum() - a.demands();
  EXPECT_NEAR(residual_agg.sum(), residual.sum(), 1e-6);
}

TEST(Aggregation, IdentityConcordanceReturnsTheModel) {
  const auto e = germany();
  std::vector<std::string> ids = e.sector_ids();
  const auto agg = aggregate(e, ids, MatrixXd::Identity(6, 6), "c.csv");
  EXPECT_LE((agg.economy.technical - e.technical).cwiseAbs().maxCoeff(), 1e-15);
  EXPECT_LE((agg.economy.outputs() - e.outputs()).cwiseAbs().maxCoeff(), 0.0);
  EXPECT_LE((agg.economy.demands() - e.demands()).cwiseAbs().maxCoeff(), 0.0);
  for (std::size_t r = 0; r < e.resources.size(); ++r)
    EXPECT_LE((agg.economy.resources[r].per_output - e.resources[r].per_output).cwiseAbs().maxCoeff(), 1e-15);
}

// A weighted concordance splits business services 40/60 between industry and services.
TEST(Aggregation, WeightedConcordanceKeepsTotals) {
  const auto e = germany();
  MatrixXd c = many_to_one(kGroupOf, 3);
  c(2, 4) = 0.6;
  c(1, 4) = 0.4;
  const auto agg = aggregate(e, kGroups, c, "c.csv");
  EXPECT_NEAR(agg.economy.outputs().sum(), e.outputs().sum(), 1e-9 * e.outputs().sum());
  EXPECT_NEAR(agg.economy.outputs()[1], e.sectors[1].output + e.sectors[2].output + 0.4 * e.sectors[4].output, 1e-6);
  EXPECT_NEAR(agg.flows.sum(), planner::analysis::intermediate_flows(e).sum(), 1e-6);
}

TEST(Aggregation, GroupWithoutOutputIsRefused) {
  auto e = germany();
  e.sectors[0].output = 0;
  planner::expect_bad_input([&] { aggregate(e, kGroups, many_to_one(kGroupOf, 3), "c.csv"); },
                            {"c.csv", "group \"primary\"", "output sums to 0"});
}

}  // namespace
