// Tests of planner/io/plan_edits.cpp: the editable numbers of a plan and the plan file
// rewritten with edits (issue 21). The rewritten file is read back and checked against the
// plan edited in memory, number by number and by solving both.
#include "planner/io/plan_edits.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "planner/io/input_file.hpp"
#include "planner/io/plan_reader.hpp"
#include "planner/lp/solve_plan.hpp"
#include "tests/expect_error.hpp"

namespace planner {
namespace {

const std::filesystem::path kPlans = std::filesystem::path(PLANNER_SOURCE_DIR) / "plans";

struct Source {
  std::string text;
  Plan plan;
};

Source load(const std::string& name) {
  const auto file = kPlans / name;
  Source s{read_input_text(file, "plan"), read_plan(file)};
  return s;
}

const EditableNumber& find(const std::vector<EditableNumber>& numbers, const std::string& id) {
  auto it = std::find_if(numbers.begin(), numbers.end(), [&](const EditableNumber& n) { return n.id == id; });
  if (it == numbers.end()) throw std::runtime_error("no number " + id);
  return *it;
}

TEST(PlanEdits, NumbersOfTheFirstPlan) {
  const Source s = load("fyp1-stated-goals.toml");
  const auto numbers = editable_numbers(s.plan);
  // plans/fyp1-stated-goals.toml and models/ussr-1928/model.toml.
  EXPECT_EQ(find(numbers, "goal.electricity").value, 6.0);
  EXPECT_EQ(find(numbers, "goal.electricity").year, 1933);
  EXPECT_EQ(find(numbers, "goal.heavy").value, 3.0);
  EXPECT_EQ(find(numbers, "capacity.coal").value, 37.2);
  EXPECT_EQ(find(numbers, "resource.labour.1931").value, s.plan.economy.resources[0].available_in(3));
  EXPECT_EQ(find(numbers, "demand.grain").value, 50.0);
  EXPECT_EQ(find(numbers, "capital.cement.pig_iron").value, 0.6);
  const auto n = static_cast<long>(s.plan.economy.size());
  EXPECT_EQ(std::count_if(numbers.begin(), numbers.end(), [](const EditableNumber& x) { return x.kind == "technical"; }), n * n);
  EXPECT_EQ(std::count_if(numbers.begin(), numbers.end(), [](const EditableNumber& x) { return x.kind == "resource"; }),
            s.plan.horizon() + 1);
  std::vector<std::string> ids;
  for (const auto& x : numbers) ids.push_back(x.id);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end()) << "ids are unique";
}

TEST(PlanEdits, RewrittenFileReadsAsThePlanEditedInMemory) {
  const Source s = load("fyp1-stated-goals.toml");
  const std::vector<PlanEdit> edits{{"goal.electricity", 4.5}, {"capacity.steel", 5.0}, {"resource.labour.1931", 10.0},
                                    {"demand.grain", 45.0},    {"technical.coal.steel", 0.3}, {"capital.steel.coal", 0.05}};
  const std::string text = edited_plan_toml(s.text, s.plan, edits, "test");
  const Plan edited = parse_plan(text, "edited.toml", "/nonexistent");  // the model path is absolute

  Plan expected = s.plan;  // the same edits made directly on the plan read from its file
  const Economy& e = expected.economy;
  const auto i = [&](const char* id) { return static_cast<Eigen::Index>(*e.sector_index(id)); };
  for (auto& g : expected.goals)
    if (g.id == "electricity") g.multiple = 4.5;
  expected.economy.sectors[static_cast<std::size_t>(i("steel"))].capacity = 5.0;
  auto& labour = expected.economy.resources[0].available;
  labour.resize(std::max<std::size_t>(labour.size(), static_cast<std::size_t>(expected.horizon() + 1)), labour.back());
  labour[3] = 10.0;
  if (!expected.demand_override) {
    expected.demand_override.emplace();
    for (const auto& sec : e.sectors) expected.demand_override->push_back(sec.demand);
  }
  (*expected.demand_override)[static_cast<std::size_t>(i("grain"))] = 45.0;
  expected.economy.technical(i("coal"), i("steel")) = 0.3;
  expected.economy.capital(i("steel"), i("coal")) = 0.05;

  EXPECT_EQ(edited.economy.technical, expected.economy.technical);
  EXPECT_EQ(edited.economy.capital, expected.economy.capital);
  EXPECT_EQ(*edited.economy.sectors[static_cast<std::size_t>(i("steel"))].capacity, 5.0);
  EXPECT_EQ(*edited.demand_override, *expected.demand_override);
  for (int t = 0; t <= expected.horizon(); ++t)
    EXPECT_EQ(edited.economy.resources[0].available_in(t), expected.economy.resources[0].available_in(t)) << t;
  auto goal = [](const Plan& p, const std::string& id) {
    return *std::find_if(p.goals.begin(), p.goals.end(), [&](const Goal& g) { return g.id == id; });
  };
  EXPECT_EQ(*goal(edited, "electricity").multiple, 4.5);
  EXPECT_EQ(*goal(edited, "oil").multiple, *goal(s.plan, "oil").multiple);

  // Both solve to the same λ (the rewritten file lists goals in another order: same LP up to row order).
  const auto a = lp::solve_plan(edited), b = lp::solve_plan(expected);
  ASSERT_EQ(a.status, "optimal");
  ASSERT_EQ(b.status, "optimal");
  EXPECT_NEAR(*a.fulfilment, *b.fulfilment, 1e-7);
  EXPECT_NE(text.find("# edit: capacity.steel = 5"), std::string::npos);
}

TEST(PlanEdits, AbsoluteTargetsAndNoEdits) {
  const Source s = load("fyp1-gosplan-optimal.toml");
  EXPECT_EQ(find(editable_numbers(s.plan), "goal.electricity").value, 22.0);  // target = 22.0 bn kWh
  const Plan edited = parse_plan(edited_plan_toml(s.text, s.plan, {{"goal.electricity", 30.0}}, "test"), "e.toml", "/");
  for (const auto& g : edited.goals)
    if (g.id == "electricity") {
      EXPECT_EQ(*g.target, 30.0);
    }
  const Plan same = parse_plan(edited_plan_toml(s.text, s.plan, {}, "test"), "e.toml", "/");
  EXPECT_EQ(same.economy.technical, s.plan.economy.technical);
  EXPECT_EQ(same.goals.size(), s.plan.goals.size());
}

TEST(PlanEdits, BadEditsNameTheEdit) {
  const Source s = load("fyp1-stated-goals.toml");
  expect_bad_input([&] { edited_plan_toml(s.text, s.plan, {{"goal.electricity", 5.0}, {"goal.nothing", 1.0}}, "t"); },
                   {"edits[1]", "no editable number \"goal.nothing\""});
  expect_bad_input([&] { edited_plan_toml(s.text, s.plan, {{"capacity.coal", std::numeric_limits<double>::infinity()}}, "t"); },
                   {"edits[0]", "not a finite number"});
  // The domain is the reader's: a negative capacity is refused when the text is read.
  const std::string text = edited_plan_toml(s.text, s.plan, {{"capacity.coal", -1.0}}, "t");
  expect_bad_input([&] { parse_plan(text, "edited.toml", "/"); }, {"edited.toml:line", "capacity.coal", "≥ 0"});
}

}  // namespace
}  // namespace planner
