// planner/report/svg_chart: hand-written SVG bar and line charts.
#include "planner/report/svg_chart.hpp"

#include <gtest/gtest.h>

namespace planner::svg {
namespace {

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
  return n;
}

TEST(SvgChart, EscapesText) {
  EXPECT_EQ(escape("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
}

TEST(SvgChart, NiceTicks) {
  EXPECT_EQ(nice_ticks(0, 4.36, 5), (std::vector<double>{0, 1, 2, 3, 4, 5}));
  EXPECT_EQ(nice_ticks(0, 75, 4), (std::vector<double>{0, 20, 40, 60, 80}));
  EXPECT_EQ(tick_label(0.2, 0.2), "0.2");
  EXPECT_EQ(tick_label(1000, 500), "1000");
}

TEST(SvgChart, WrapsLabels) {
  EXPECT_EQ(wrap("Rail freight transport", 12, 2), (std::vector<std::string>{"Rail freight", "transport"}));
  EXPECT_EQ(wrap("Coal", 12, 2), (std::vector<std::string>{"Coal"}));
  auto cut = wrap("one two three four five six", 8, 2);
  ASSERT_EQ(cut.size(), 2u);
  EXPECT_EQ(cut[1].substr(cut[1].size() - 3), "…");
}

BarChart chart() {
  BarChart c;
  c.title = "Goals & <outcomes>";
  c.y_label = "multiple of 1928 output";
  c.series = {{"base", "#999", "base"}, {"goal", "#b00", "goal"}, {"feasible", "#00b", "feasible"}, {"actual", "#eb0", "actual"}};
  c.groups = {{"Coal", "Mt", {1.0, 2.12, 1.7, 1.82}, {"35.4", "75", "60", "64.3"}, {"a", "b", "c", "d"}},
              {"Steel", "Mt", {1.0, 2.42, std::nullopt, 1.37}, {"4.3", "10.4", "", "5.9"}, {}}};
  c.reference = 1.0;
  c.reference_label = "1928 level";
  return c;
}

TEST(SvgChart, BarChartHasOneRectPerValueAndLabels) {
  std::string s = bar_chart(chart());
  EXPECT_EQ(s.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_EQ(count(s, "<rect class=\"bar "), 7u);  // 2 groups × 4 series, one missing
  EXPECT_EQ(count(s, "class=\"bar bar-goal\""), 2u);
  EXPECT_NE(s.find(">n/a<"), std::string::npos);
  EXPECT_NE(s.find(">64.3<"), std::string::npos);
  EXPECT_NE(s.find("Goals &amp; &lt;outcomes&gt;"), std::string::npos);
  EXPECT_EQ(s.find("<outcomes>"), std::string::npos);
  EXPECT_NE(s.find("class=\"reference\""), std::string::npos);
  EXPECT_EQ(count(s, "legend-swatch"), 4u);
  EXPECT_EQ(s, bar_chart(chart()));  // deterministic
}

TEST(SvgChart, LineChartHasPathsAndMarkers) {
  LineChart c;
  c.title = "Coal";
  c.subtitle = "Mt";
  c.lines = {{"LP path", "#00b", "feasible", {{1928, 35.4}, {1930, 45}, {1933, 60}}, false},
             {"truncated", "#88f", "feasible-by", {{1928, 35.4}, {1932, 50}}, true}};
  c.markers = {{"goal", "#b00", "goal", "diamond", {{1933, 75}}, {"goal 75"}},
               {"actual", "#eb0", "actual", "circle", {{1932, 64.3}}, {}}};
  std::string s = line_chart(c);
  EXPECT_EQ(count(s, "<path class=\"series-line"), 2u);
  EXPECT_EQ(count(s, "stroke-dasharray"), 1u);
  EXPECT_EQ(count(s, "class=\"marker marker-goal\""), 1u);
  EXPECT_EQ(count(s, "class=\"marker marker-actual\""), 1u);
  EXPECT_NE(s.find(">1928<"), std::string::npos);
  EXPECT_NE(s.find(">1933<"), std::string::npos);
  EXPECT_NE(s.find("<title>goal 75</title>"), std::string::npos);
}

}  // namespace
}  // namespace planner::svg
