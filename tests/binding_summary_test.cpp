// planner/report/binding_summary: binding rows grouped by family and subject, in words.
#include "planner/report/binding_summary.hpp"

#include <gtest/gtest.h>

namespace planner {
namespace {

BindingConstraint row(std::string name, std::string kind, std::string subject, std::string subject_name, int year,
                      double price, std::string unit) {
  BindingConstraint b;
  b.row = std::move(name);
  b.kind = std::move(kind);
  b.subject = std::move(subject);
  b.subject_name = std::move(subject_name);
  b.year = year;
  b.shadow_price = price;
  b.unit = std::move(unit);
  return b;
}

BindingConstraint steel(int t, double price) {
  return row("balance[steel," + std::to_string(t) + "]", "balance", "steel", "Steel (rolled)", 1928 + t, price, "Mt");
}

// The sentence of the only family of `rows`.
std::string only_text(const std::vector<BindingConstraint>& rows) {
  auto families = summarise_binding(rows);
  EXPECT_EQ(families.size(), 1u);
  return families.empty() ? "" : families.front().text;
}

TEST(BindingSummary, YearRanges) {
  EXPECT_EQ(year_ranges({}), "");
  EXPECT_EQ(year_ranges({1928}), "1928");
  EXPECT_EQ(year_ranges({1928, 1929, 1930}), "1928–1930");
  EXPECT_EQ(year_ranges({1928, 1929, 1930, 1932}), "1928–1930, 1932");
  EXPECT_EQ(year_ranges({1928, 1930}), "1928, 1930");
  EXPECT_EQ(year_ranges({1928, 1929, 1931, 1933, 1934}), "1928–1929, 1931, 1933–1934");
}

TEST(BindingSummary, GroupsAFamilyOverItsYears) {
  auto families = summarise_binding({steel(2, 0.0158), steel(0, 0.0158), steel(1, 0.0158)});
  ASSERT_EQ(families.size(), 1u);
  const BindingFamily& f = families.front();
  EXPECT_EQ(f.kind, "balance");
  EXPECT_EQ(f.subject, "steel");
  EXPECT_EQ(f.subject_name, "Steel (rolled)");
  EXPECT_EQ(f.unit, "Mt");
  EXPECT_EQ(f.years, (std::vector<int>{1928, 1929, 1930}));
  EXPECT_DOUBLE_EQ(f.min_price, 0.0158);
  EXPECT_DOUBLE_EQ(f.max_price, 0.0158);
  EXPECT_EQ(f.rows, (std::vector<std::string>{"balance[steel,0]", "balance[steel,1]", "balance[steel,2]"}));
  EXPECT_EQ(f.text, "Steel supply binds 1928–1930: one more Mt in any of those years raises every goal by 1.6 % (λ +0.0158)");
}

TEST(BindingSummary, PriceRangesAndGaps) {
  auto families = summarise_binding({steel(1, 0.0158), steel(0, 0.009), steel(3, 0.012)});
  ASSERT_EQ(families.size(), 1u);
  EXPECT_EQ(families[0].years, (std::vector<int>{1928, 1929, 1931}));
  EXPECT_DOUBLE_EQ(families[0].min_price, 0.009);
  EXPECT_DOUBLE_EQ(families[0].max_price, 0.0158);
  EXPECT_EQ(families[0].text,
            "Steel supply binds 1928–1929, 1931: one more Mt in any of those years raises every goal by 0.90–1.6 % "
            "(λ +0.009 to +0.0158)");
  // Prices that differ but read the same as percentages give one percentage.
  EXPECT_EQ(only_text({steel(0, 0.0158), steel(1, 0.0161)}),
            "Steel supply binds 1928–1929: one more Mt in any of those years raises every goal by 1.6 % "
            "(λ +0.0158 to +0.0161)");
}

TEST(BindingSummary, PercentagesHaveTwoSignificantDigits) {
  auto labour = [](double price) { return row("labour[1]", "resource", "labour", "Labour", 1929, price, "million man-years"); };
  EXPECT_EQ(only_text({labour(0.42)}), "Labour binds in 1929: one more million man-years that year raises every goal by 42 % (λ +0.42)");
  EXPECT_EQ(only_text({labour(1.234)}), "Labour binds in 1929: one more million man-years that year raises every goal by 120 % (λ +1.23)");
  EXPECT_EQ(only_text({labour(0.0996)}), "Labour binds in 1929: one more million man-years that year raises every goal by 10 % (λ +0.0996)");
  EXPECT_EQ(only_text({labour(0.01)}), "Labour binds in 1929: one more million man-years that year raises every goal by 1.0 % (λ +0.01)");
  EXPECT_EQ(only_text({labour(0.0003)}), "Labour binds in 1929: one more million man-years that year raises every goal by 0.030 % (λ +0.0003)");
}

TEST(BindingSummary, SortsFamiliesByLargestShadowPrice) {
  auto families = summarise_binding({
      steel(0, 0.01),
      row("capacity[coal,3]", "capacity", "coal", "Coal", 1931, 0.02, "Mt"),
      row("balance[power,1]", "balance", "power", "Electricity", 1929, -0.05, "billion kWh"),
      steel(1, 0.015),
      row("capacity[oil,3]", "capacity", "oil", "Oil", 1931, 0.02, "Mt"),
  });
  ASSERT_EQ(families.size(), 4u);
  EXPECT_EQ(families[0].subject, "power");
  EXPECT_EQ(families[1].subject, "coal");  // ties keep the order of first appearance
  EXPECT_EQ(families[2].subject, "oil");
  EXPECT_EQ(families[3].subject, "steel");
  EXPECT_EQ(families[3].years, (std::vector<int>{1928, 1929}));
}

TEST(BindingSummary, NegativePrices) {
  EXPECT_EQ(only_text({row("balance[power,1]", "balance", "power", "Electricity", 1929, -0.002, "billion kWh"),
                       row("balance[power,2]", "balance", "power", "Electricity", 1930, -0.004, "billion kWh")}),
            "Electricity supply binds 1929–1930: more of it in any of those years would lower every goal by 0.20–0.40 % "
            "per billion kWh (λ -0.004 to -0.002)");
  EXPECT_EQ(only_text({row("capacity[coal,3]", "capacity", "coal", "Coal", 1931, -0.003, "Mt")}),
            "Coal capacity binds in 1931: more of it that year would lower every goal by 0.30 % per Mt of capacity (λ -0.003)");
  EXPECT_EQ(only_text({row("labour[1]", "resource", "labour", "Labour", 1929, -0.003, "")}),
            "Labour binds in 1929: more of it that year would lower every goal by 0.30 % per unit (λ -0.003)");
  EXPECT_EQ(only_text({row("floor[grain,2]", "floor", "grain", "Grain", 1930, -0.01, "Mt")}),
            "The grain consumption floor binds in 1930: one Mt less consumption that year lowers every goal by 1.0 % (λ -0.01)");
}

TEST(BindingSummary, SignsSplitAFamily) {
  auto families = summarise_binding({steel(0, 0.01), steel(4, -0.002), steel(1, 0.01)});
  ASSERT_EQ(families.size(), 2u);
  EXPECT_EQ(families[0].years, (std::vector<int>{1928, 1929}));
  EXPECT_EQ(families[1].years, (std::vector<int>{1932}));
  EXPECT_EQ(families[1].text, "Steel supply binds in 1932: more of it that year would lower every goal by 0.20 % per Mt (λ -0.002)");
}

TEST(BindingSummary, WordingOfEachKind) {
  EXPECT_EQ(only_text({row("capacity[coal,3]", "capacity", "coal", "Coal", 1931, 0.005, "Mt")}),
            "Coal capacity binds in 1931: one more Mt of capacity that year raises every goal by 0.50 % (λ +0.005)");
  EXPECT_EQ(only_text({row("labour[1]", "resource", "labour", "Labour", 1929, 0.42, "")}),
            "Labour binds in 1929: one more unit that year raises every goal by 42 % (λ +0.42)");
  EXPECT_EQ(only_text({row("goal[coal]", "goal", "coal", "Coal (hard and brown)", 1933, 0.005, "Mt")}),
            "The coal goal binds in 1933: asking one Mt less that year raises every goal by 0.50 % (λ +0.005)");
  EXPECT_EQ(only_text({row("goal[gdp]", "goal", "gdp", "GDP", 1933, 0.005, "billion rubles")}),
            "The GDP goal binds in 1933: asking one billion rubles less that year raises every goal by 0.50 % (λ +0.005)");
  EXPECT_EQ(only_text({row("currency[1]", "trade", "", "", 1929, 0.0003, ""),
                       row("currency[2]", "trade", "", "", 1930, 0.0003, "")}),
            "The currency balance binds 1929–1930: one more unit of credit in any of those years raises every goal by "
            "0.030 % (λ +0.0003)");
  EXPECT_EQ(only_text({row("currency[1]", "trade", "", "", 1929, 0.0003, "million 1926/27 rubles")}),
            "The currency balance binds in 1929: one more million 1926/27 rubles of credit that year raises every goal by "
            "0.030 % (λ +0.0003)");
  EXPECT_EQ(only_text({row("floor[grain,2]", "floor", "grain", "Grain", 1930, 0.01, "Mt")}),
            "The grain consumption floor binds in 1930: one Mt less consumption that year raises every goal by 1.0 % (λ +0.01)");
  EXPECT_EQ(only_text({row("terminal[steel]", "terminal", "steel", "", 1933, 0.002, "Mt")}),
            "Steel terminal output binds in 1933: one Mt less required that year raises every goal by 0.20 % (λ +0.002)");
  EXPECT_EQ(only_text({row("hold_x[3]", "other", "", "", 0, 0.001, "")}),
            "Row hold_x[3] binds: relaxing it by one unit raises every goal by 0.10 % (λ +0.001)");
}

TEST(BindingSummary, OtherRowsStandAlone) {
  auto families = summarise_binding({row("a[1]", "other", "", "", 0, 0.001, ""), row("b[1]", "other", "", "", 0, 0.002, "")});
  ASSERT_EQ(families.size(), 2u);
  EXPECT_EQ(families[0].rows, (std::vector<std::string>{"b[1]"}));
  EXPECT_EQ(families[1].rows, (std::vector<std::string>{"a[1]"}));
  EXPECT_TRUE(families[0].years.empty());
}

TEST(BindingSummary, IgnoresZeroPrices) {
  EXPECT_TRUE(summarise_binding({}).empty());
  EXPECT_TRUE(summarise_binding({steel(0, 1e-13), steel(1, -1e-13)}).empty());
  auto families = summarise_binding({steel(0, 1e-13), steel(1, 0.0158)});
  ASSERT_EQ(families.size(), 1u);
  EXPECT_EQ(families[0].rows, (std::vector<std::string>{"balance[steel,1]"}));
}

}  // namespace
}  // namespace planner

namespace planner {
namespace {

TEST(BindingSummary, PricesMoreThanThreeTimesApartReadUpTo) {
  // 0.0158 in 1928–1929 and 0.0001 in 1930: 158× apart, so the sentence gives the strong one.
  auto f = summarise_binding({steel(0, 0.0158), steel(1, 0.0158), steel(2, 0.0001)});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].text,
            "Steel supply binds 1928–1930: one more Mt in any of those years raises every goal by up to 1.6 % "
            "(λ up to +0.0158)");
}

}  // namespace
}  // namespace planner
