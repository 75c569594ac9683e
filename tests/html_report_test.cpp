// planner/report/html_report: the self-contained HTML page (structure and escaping; the
// rendered DOM is checked in headless Chromium by compare_html_test.cpp).
#include "planner/report/html_report.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "planner/report/comparison_format.hpp"
#include "planner/report/svg_chart.hpp"

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
      // Frontiers: (a) 24 of the goal 30 = 80.0 %; (b) 20, so the actual 25 is 125.0 % of it.
      x.frontier_goals = 24;
      x.frontier_history = 20;
      x.frontier_history_year = 1932;
      p.products.push_back(x);
    }
    // Oil has no goal: its feasible figure falls below the base, with the line saying why;
    // its frontier (b) is for another year than its record's.
    p.products[2].goal.reset();
    p.products[2].goal_multiple.reset();
    p.products[2].feasible = 8;
    p.products[2].frontier_history_year = 1931;
    p.products[2].below_base = "oil: held down <by> the goals";
    p.second_stage = "base-output";
    p.second_stage_growth = 0.8;
    p.summary = {"75.0 % of every goal could be reached together by 1933 (λ = 0.750).", "What held it back: coal & steel.",
                 "The model cannot reproduce 1932."};
    p.history.status = "infeasible";
    p.history.year = 1932;
    p.history.share = 0.6;
    p.history.verdict = "The model cannot reproduce 1932: at most 60.0 % of every recorded outcome.";
    p.history.findings = {"Coal capacity in 1932 falls short by 5 Mt", "Labour in 1931 falls short by 1 <million>"};
    p.history.caveats = {"Coal 1932: sources differ (see https://example.org/coal)"};
    for (int f = 0; f < 13; ++f) {
      BindingFamily b;
      b.kind = "balance";
      b.subject = "coal";
      b.text = fmt::format("Family {} binds 1928–1930: one more Mt raises every goal by 1.6 %", f);
      b.rows = {fmt::format("bal_coal_{}_1", f), fmt::format("bal_coal_{}_2", f)};
      p.binding_families.push_back(b);
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
  EXPECT_EQ(count(h, "<rect class=\"bar "), 3u * 4u - 1u);  // products × series, but oil has no goal
  EXPECT_EQ(count(h, "<path class=\"series-line"), 3u);   // one LP path per product
  EXPECT_NE(h.find("λ = 0.750"), std::string::npos);
  EXPECT_NE(h.find("<a href=\"https://example.org/a?b=1&amp;c=2\">"), std::string::npos);
}

TEST(HtmlReport, PlanOpensWithSummaryThenHistory) {
  Comparison c = sample(1);
  std::string h = comparison_to_html(c);
  // The three sentences as one lead paragraph, escaped.
  auto summary = h.find("<p class=\"summary\">75.0 % of every goal could be reached together by 1933 (λ = 0.750). "
                        "What held it back: coal &amp; steel. The model cannot reproduce 1932.</p>");
  auto heading = h.find("<h3>Can the model reproduce 1932?</h3>");
  auto verdict = h.find("<p class=\"history infeasible\">The model cannot reproduce 1932: at most 60.0 % of every");
  auto findings = h.find("<ul class=\"findings\">\n<li>Coal capacity in 1932 falls short by 5 Mt</li>\n"
                         "<li>Labour in 1931 falls short by 1 &lt;million&gt;</li>\n</ul>");
  auto caveats = h.find("Why a recorded figure may mislead:");
  auto table = h.find("<table class=\"data products\">");
  auto bound = h.find("<h3>What bound them</h3>");
  for (auto at : {summary, heading, verdict, findings, caveats, table, bound}) ASSERT_NE(at, std::string::npos);
  EXPECT_LT(summary, heading);
  EXPECT_LT(heading, verdict);
  EXPECT_LT(verdict, findings);
  EXPECT_LT(findings, caveats);
  EXPECT_LT(caveats, table);
  EXPECT_LT(table, bound);
  // A caveat's address is a link.
  EXPECT_NE(h.find("<li>Coal 1932: sources differ (see <a href=\"https://example.org/coal\">https://example.org/coal</a>)</li>"),
            std::string::npos);
  // The card gives the verdict beside λ.
  EXPECT_NE(h.find("the model cannot reproduce 1932: at most 60.0% of it at once"), std::string::npos);
  // A plan without actuals: the test does not apply, and says so under a general heading.
  c.plans[0].history = {};
  c.plans[0].history.status = "not-applicable";
  c.plans[0].history.verdict = "The plan records no outcome, so the history test does not apply.";
  h = comparison_to_html(c);
  EXPECT_NE(h.find("<h3>Can the model reproduce history?</h3>\n<p class=\"history not-applicable\">The plan records no "
                   "outcome, so the history test does not apply.</p>"),
            std::string::npos);
  EXPECT_EQ(h.find("the model cannot reproduce"), std::string::npos);
  // No history test run: no heading at all.
  c.plans[0].history = {};
  EXPECT_EQ(comparison_to_html(c).find("Can the model reproduce"), std::string::npos);
}

TEST(HtmlReport, ProductTableHasFrontiersAndTheKey) {
  Comparison c = sample(1);
  std::string h = comparison_to_html(c);
  for (const char* s : {"<th>frontier (a)", "<th>frontier (b)", "<th>(a) / goal</th>", "<th>actual / (b)",
                        "<th>base 1928</th>", "<th>goal 1933</th>", "<th>goal ×</th>", "<th>feasible", "<th>actual</th>",
                        "<th>actual / goal"})
    EXPECT_NE(h.find(s), std::string::npos) << s;
  for (const char* s : {"feasible by the actual", "feasible / goal", "actual / feasible"})
    EXPECT_EQ(h.find(s), std::string::npos) << s;
  // Coal: feasible 22.50, (a) 24.00, (b) 20.00, actual 25.00 (1932), 83.3 %, 80.0 %, 125.0 %.
  auto coal = h.find("<tr data-product=\"coal\">");
  ASSERT_NE(coal, std::string::npos);
  std::string row = h.substr(coal, h.find("</tr>", coal) - coal);
  for (const char* s : {">22.50<", ">24.00<", ">20.00<", ">25.00 (1932)<", ">83.3%<", ">80.0%<", ">125.0%<"})
    EXPECT_NE(row.find(s), std::string::npos) << s << " in " << row;
  // Oil: no goal; its feasible figure carries the † and frontier (b) its own year.
  auto oil = h.find("<tr data-product=\"oil\">");
  ASSERT_NE(oil, std::string::npos);
  row = h.substr(oil, h.find("</tr>", oil) - oil);
  EXPECT_NE(row.find(">8.00 †<"), std::string::npos) << row;
  EXPECT_NE(row.find(">20.00 (1931)<"), std::string::npos) << row;
  EXPECT_EQ(count(h, " †<"), 1u);
  // The † lines under the table, and the key to which stage gives which number (the text report's).
  EXPECT_NE(h.find("<p class=\"note\">† below 1928:</p>\n<ul class=\"below-base\">\n<li><b>oil</b>: oil: held down "
                   "&lt;by&gt; the goals</li>"),
            std::string::npos);
  std::string key = column_key(c.plans[0]);
  EXPECT_NE(key.find("second stage, base-output weighting"), std::string::npos) << key;
  EXPECT_NE(h.find("<p class=\"note\">" + svg::escape(key) + "</p>"), std::string::npos);
}

TEST(HtmlReport, WhatBoundThemIsOneLinePerFamily) {
  std::string h = comparison_to_html(sample(1));
  EXPECT_NE(h.find("<li>Family 0 binds 1928–1930: one more Mt raises every goal by 1.6 %<details><summary class=\"note\">"
                   "2 LP rows</summary><code>bal_coal_0_1, bal_coal_0_2</code></details></li>"),
            std::string::npos);
  // Twelve shown, the thirteenth behind "… and 1 more"; every family's rows collapsed in <details>.
  EXPECT_EQ(count(h, "<details>"), 13u + 1u);
  EXPECT_EQ(count(h, "<details open"), 0u);
  auto more = h.find("<li class=\"more\"><details><summary class=\"note\">… and 1 more</summary>");
  ASSERT_NE(more, std::string::npos);
  EXPECT_GT(h.find("Family 12 binds"), more);
  EXPECT_LT(h.find("Family 11 binds"), more);
  // One row per LP row is gone.
  EXPECT_EQ(h.find("<table class=\"data binding\">"), std::string::npos);
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
