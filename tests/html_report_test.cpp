// planner/report/html_report: the self-contained HTML page (structure and escaping; the
// rendered DOM is checked in headless Chromium by compare_html_test.cpp).
#include "planner/report/html_report.hpp"

#include <gtest/gtest.h>

namespace planner {
namespace {

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
  return n;
}

Comparison sample(int plans) {
  Comparison c;
  for (int k = 0; k < plans; ++k) {
    PlanComparison p;
    p.name = k == 0 ? "Plan <A> & \"friends\"" : "Plan B";
    p.base_year = 1928;
    p.years = 5;
    p.goal_year = 1933;
    p.status = "optimal";
    p.fulfilment = 0.75;
    for (const char* id : {"coal", "steel", "oil"}) {
      ProductComparison x;
      x.id = id;
      x.name = id;
      x.unit = "Mt";
      x.base = 10;
      x.goal = 30;
      x.goal_multiple = 3;
      x.goal_year = 1933;
      x.feasible = 22.5;
      x.actual = 25;
      x.actual_year = 1932;
      x.path = {{1928, 10}, {1930, 15}, {1933, 22.5}};
      p.products.push_back(x);
    }
    p.sources = {{"AN77 https://example.org/a?b=1&c=2 (table 1)", {"goal coal"}}};
    c.plans.push_back(p);
  }
  return c;
}

TEST(HtmlReport, SelfContainedAndEscaped) {
  std::string h = comparison_to_html(sample(1));
  EXPECT_EQ(h.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(h.find("<script"), std::string::npos);
  EXPECT_EQ(h.find("src="), std::string::npos);            // no images or scripts fetched
  EXPECT_EQ(h.find("<link"), std::string::npos);           // no external style sheets
  EXPECT_EQ(h.find("@import"), std::string::npos);
  EXPECT_EQ(h.find("url("), std::string::npos);
  EXPECT_EQ(h.find("Plan <A>"), std::string::npos);
  EXPECT_NE(h.find("Plan &lt;A&gt; &amp; &quot;friends&quot;"), std::string::npos);
  EXPECT_EQ(count(h, "<rect class=\"bar "), 3u * 4u);    // products × series
  EXPECT_EQ(count(h, "<path class=\"series-line"), 3u);   // one LP path per product
  EXPECT_NE(h.find("λ = 0.750"), std::string::npos);
  EXPECT_NE(h.find("<a href=\"https://example.org/a?b=1&amp;c=2\">"), std::string::npos);
}

TEST(HtmlReport, SeveralPlansSideBySide) {
  std::string h = comparison_to_html(sample(2));
  EXPECT_NE(h.find("<h2>Side by side</h2>"), std::string::npos);
  EXPECT_EQ(count(h, "class=\"bar bar-lambda\""), 2u);  // λ chart, one bar per plan
  EXPECT_EQ(count(h, "<section class=\"plan\""), 2u);
  EXPECT_EQ(h, comparison_to_html(sample(2)));           // same comparison, same bytes
}

TEST(HtmlReport, Linkify) {
  EXPECT_EQ(html_linkify("see http://a.org/x, and <b>"), "see <a href=\"http://a.org/x\">http://a.org/x</a>, and &lt;b&gt;");
  EXPECT_EQ(html_linkify("(https://b.org/p)"), "(<a href=\"https://b.org/p\">https://b.org/p</a>)");
  EXPECT_EQ(html_linkify("no links"), "no links");
}

}  // namespace
}  // namespace planner
