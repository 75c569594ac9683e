// Oracles for the choice of technique in the plan LP:
// - Samuelson's non-substitution theorem: with one primary factor (labour) and no joint
//   production, the cost-minimising techniques do not depend on final demand. Over generated
//   economies (2–3 techniques per product), the LP picks the same techniques for every demand
//   tried, and they are the ones an independent enumeration finds: the choice whose labour
//   values v = l(I − A)⁻¹ are lowest for every product at once; the LP's labour is v·d.
// - A two-technique economy with a hand-derived switching point: grain by horses (2 labour per
//   unit) or by tractors (1 labour + 0.5 oil, oil costing h labour) switches at 1 + 0.5h = 2,
//   h* = 2; the unused technique's reduced cost predicts h* within 1e-9.
#include <gtest/gtest.h>

#include <Eigen/Dense>

#include <cmath>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "planner/lp/solve_plan.hpp"

using namespace planner;

namespace {

// One year from an empty base year: min labour to deliver `demand` (an equality balance).
Plan min_labour_plan(Economy e, const std::vector<double>& demand) {
  Plan p;
  p.name = "min-labour";
  p.economy = std::move(e);
  p.years = 1;
  p.demand_override = demand;
  p.objective.kind = ObjectiveKind::min_resource;
  p.objective.resource = "labour";
  return p;
}

Economy base_economy(std::size_t n) {
  Economy e;
  e.name = "generated";
  for (std::size_t j = 0; j < n; ++j) {
    Sector s;
    s.id = "g" + std::to_string(j);
    e.sectors.push_back(s);
  }
  const auto nn = static_cast<Eigen::Index>(n);
  e.technical = Eigen::MatrixXd::Zero(nn, nn);
  e.capital = Eigen::MatrixXd::Zero(nn, nn);
  Resource labour;
  labour.id = "labour";
  labour.per_output = Eigen::VectorXd::Zero(nn);
  labour.per_capacity = Eigen::VectorXd::Zero(nn);
  e.resources.push_back(labour);
  return e;
}

// n products, each with 2–3 make processes; inputs keep every column sum ≤ 0.6 (productive).
Economy generated_economy(unsigned seed) {
  std::mt19937 rng(seed);
  auto uni = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); };
  const std::size_t n = 2 + seed % 3;
  Economy e = base_economy(n);
  for (std::size_t j = 0; j < n; ++j) {
    const int techniques = 2 + static_cast<int>(rng() % 2);
    for (int k = 0; k < techniques; ++k) {
      Process p;
      p.id = e.sectors[j].id + "_t" + std::to_string(k);
      p.product = e.sectors[j].id;
      p.sector = j;
      const double budget = uni(0.0, 0.6);
      std::vector<double> share(n);
      double total = 0.0;
      for (double& s : share) total += (s = uni(0.0, 1.0));
      for (std::size_t i = 0; i < n; ++i)
        if (double a = budget * share[i] / total; a > 1e-3) p.inputs.emplace_back(i, a);
      p.resources.emplace_back(0, uni(0.1, 1.0));
      e.processes.push_back(p);
    }
  }
  return e;
}

// Labour values of one technique per product: v = l (I − A)⁻¹.
Eigen::VectorXd labour_values(const Economy& e, const std::vector<std::size_t>& choice) {
  const auto n = static_cast<Eigen::Index>(e.size());
  Eigen::MatrixXd A = Eigen::MatrixXd::Zero(n, n);
  Eigen::VectorXd l(n);
  for (Eigen::Index j = 0; j < n; ++j) {
    const Process& p = e.processes[choice[static_cast<std::size_t>(j)]];
    for (const auto& [i, a] : p.inputs) A(static_cast<Eigen::Index>(i), j) = a;
    l[j] = p.resources.at(0).second;
  }
  return (Eigen::MatrixXd::Identity(n, n) - A).transpose().partialPivLu().solve(l);
}

// The choice whose labour values are lowest in every product (the theorem says one exists).
std::vector<std::size_t> cheapest_choice(const Economy& e, Eigen::VectorXd& values) {
  std::vector<std::vector<std::size_t>> by_product(e.size());
  for (std::size_t p = 0; p < e.processes.size(); ++p) by_product[e.processes[p].sector].push_back(p);
  std::vector<std::size_t> pick(e.size(), 0), best;
  for (;;) {
    std::vector<std::size_t> choice(e.size());
    for (std::size_t j = 0; j < e.size(); ++j) choice[j] = by_product[j][pick[j]];
    Eigen::VectorXd v = labour_values(e, choice);
    if (best.empty() || v.sum() < values.sum()) best = choice, values = v;
    std::size_t j = 0;
    while (j < e.size() && ++pick[j] == by_product[j].size()) pick[j++] = 0;
    if (j == e.size()) break;
  }
  return best;
}

std::set<std::string> chosen(const planner::lp::PlanResult& r) {
  std::set<std::string> used;
  for (std::size_t k = 0; k < r.activity.ids.size(); ++k)
    if (r.activity.at(r.activity.ids[k], 1) > 1e-9) used.insert(r.activity.ids[k]);
  return used;
}

TEST(NonSubstitution, TheChosenTechniquesDoNotDependOnFinalDemand) {
  for (unsigned seed = 1; seed <= 12; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const Economy e = generated_economy(seed);
    Eigen::VectorXd v;
    const std::vector<std::size_t> best = cheapest_choice(e, v);
    std::set<std::string> expected;
    for (std::size_t p : best) expected.insert(e.processes[p].id);
    // The theorem's claim for this economy: one choice is cheapest in every product at once.
    std::mt19937 rng(1000 + seed);
    for (int trial = 0; trial < 5; ++trial) {
      std::vector<double> d(e.size());
      for (double& x : d) x = std::uniform_real_distribution<double>(0.5, 50.0)(rng);
      const auto r = planner::lp::solve_plan(min_labour_plan(e, d));
      ASSERT_EQ(r.status, "optimal");
      EXPECT_EQ(chosen(r), expected) << "demand trial " << trial;
      const double labour = v.dot(Eigen::Map<const Eigen::VectorXd>(d.data(), static_cast<Eigen::Index>(d.size())));
      EXPECT_NEAR(*r.objective, labour, 1e-9 * std::max(1.0, labour));
    }
  }
}

TEST(NonSubstitution, CheapestChoiceIsCheapestInEveryProduct) {
  // The independent side of the oracle: no other choice beats it in any single product.
  for (unsigned seed = 1; seed <= 12; ++seed) {
    const Economy e = generated_economy(seed);
    Eigen::VectorXd v;
    const std::vector<std::size_t> best = cheapest_choice(e, v);
    for (std::size_t j = 0; j < e.size(); ++j)
      for (std::size_t p = 0; p < e.processes.size(); ++p) {
        if (e.processes[p].sector != j) continue;
        std::vector<std::size_t> other = best;
        other[j] = p;
        EXPECT_GE(labour_values(e, other)[static_cast<Eigen::Index>(j)], v[static_cast<Eigen::Index>(j)] - 1e-12);
      }
  }
}

// Grain by horses (2 labour) or by tractors (1 labour + 0.5 oil); oil costs h labour a unit.
Economy horses_or_tractors(double h) {
  Economy e = base_economy(2);
  e.sectors[0].id = "grain";
  e.sectors[1].id = "oil";
  e.resources[0].per_output[1] = h;  // oil keeps its one implicit technique
  Process horses;
  horses.id = "horses";
  horses.product = "grain";
  horses.resources = {{0, 2.0}};
  Process tractors;
  tractors.id = "tractors";
  tractors.product = "grain";
  tractors.inputs = {{1, 0.5}};
  tractors.resources = {{0, 1.0}};
  e.processes = {horses, tractors};
  return e;
}

TEST(SwitchingPoint, HorsesGiveWayToTractorsWhereOilCostsTwoLabour) {
  // Some oil is wanted for itself, so oil is made and its shadow price is pinned at h (with no
  // oil made the LP is degenerate and an idle technique's reduced cost is not unique).
  const std::vector<double> demand{10.0, 1.0};
  // Just below h* = 2 tractors are cheaper, just above horses (1e-6: beyond CLP's 1e-7 tolerances).
  for (double h : {2.0 - 1e-6, 2.0 + 1e-6}) {
    const auto r = planner::lp::solve_plan(min_labour_plan(horses_or_tractors(h), demand));
    ASSERT_EQ(r.status, "optimal");
    const bool tractors = h < 2.0;
    EXPECT_NEAR(r.activity.at("tractors", 1), tractors ? 10.0 : 0.0, 1e-9) << h;
    EXPECT_NEAR(r.activity.at("horses", 1), tractors ? 0.0 : 10.0, 1e-9) << h;
    EXPECT_NEAR(*r.objective, 10.0 * std::min(2.0, 1.0 + 0.5 * h) + h, 1e-9);
  }
  // Far from it, the idle technique's saving needed says where the switch is: with tractors in
  // use, horses must save 2 − (1 + 0.5h); with horses, tractors must save (1 + 0.5h) − 2.
  for (double h : {0.5, 1.5, 2.6, 3.0, 7.0}) {
    const auto r = planner::lp::solve_plan(min_labour_plan(horses_or_tractors(h), demand));
    ASSERT_EQ(r.status, "optimal");
    const std::string idle = h < 2.0 ? "horses" : "tractors";
    EXPECT_EQ(r.activity.at(idle, 1), 0.0);
    const double saving = r.reduced_cost.at(idle, 1);
    EXPECT_NEAR(saving, std::fabs(1.0 + 0.5 * h - 2.0), 1e-9) << h;
    const double switch_at = h < 2.0 ? h + saving / 0.5 : h - saving / 0.5;
    EXPECT_NEAR(switch_at, 2.0, 1e-9) << h;
  }
}

}  // namespace
