// `planner compare … --format html` end to end: writes the report for a small plan with the
// CLI, checks two runs give the same bytes, then loads it in headless Chromium (offline) and
// checks the rendered DOM has the charts and the numbers. Fails when Chromium is absent
// (.ci/install-deps installs it).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

// Two independent sectors sharing 30 workers; goals coal 40 and steel 20 in 1932 (T = 2):
// 40λ + 20λ ≤ 30 gives λ = 0.5, coal 20, steel 10. Output beyond use is exported at price 0.
const char* const kModel = R"(name = "two sectors"
unit = "Mt"
base_year = 1930
[[sector]]
id = "coal"
name = "Coal"
output = 10.0
export_price = 0.0
export_limit = 1000.0
source = "model <coal> & co"
[[sector]]
id = "steel"
name = "Steel"
output = 5.0
export_price = 0.0
export_limit = 1000.0
[technical]
lag = 0
rows = { coal = [0.0, 0.0], steel = [0.0, 0.0] }
[[resource]]
id = "labour"
name = "labour"
unit = "million workers"
available = 30.0
per_output = { coal = 1.0, steel = 1.0 }
)";

const char* const kPlan = R"(name = "Two-sector plan <test>"
model = "model.toml"
years = 2
[objective]
kind = "max-fulfilment"
[goals]
coal = { target = 40.0, source = "goal source" }
steel = { target = 20.0 }
[actual]
coal = { value = 25.0, year = 1932, source = "history" }
steel = { value = 12.0, year = 1932, source = "history" }
)";

std::string read(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

std::string run(const std::string& command, int* status) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return out;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  *status = ::pclose(pipe);
  return out;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
  return n;
}

bool have_chromium() { return std::system("command -v chromium >/dev/null 2>&1") == 0; }

class CompareHtml : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("planner-compare-html-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "model.toml") << kModel;
    std::ofstream(dir_ / "plan.toml") << kPlan;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string report(const std::string& name) {
    fs::path out = dir_ / name;
    int status = -1;
    std::string log = run(std::string(PLANNER_CLI) + " compare " + (dir_ / "plan.toml").string() +
                              " --format html --out " + out.string() + " 2>&1",
                          &status);
    EXPECT_EQ(status, 0) << log;
    return read(out);
  }

  fs::path dir_;
};

TEST_F(CompareHtml, SameInputsSameBytes) {
  std::string a = report("a.html"), b = report("b.html");
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(a, b);
}

TEST_F(CompareHtml, RendersChartsAndNumbersInChromium) {
  std::string html = report("report.html");
  ASSERT_FALSE(html.empty());
  // A real browser is part of the test: without it the test fails (.ci/install-deps installs it).
  if (!have_chromium()) GTEST_FAIL() << "chromium is not installed (.ci/install-deps installs it)";
  fs::path profile = dir_ / "profile";
  fs::create_directories(profile);
  int status = -1;
  std::string dom = run("timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                        "--disable-background-networking --disable-component-update --disable-sync "
                        "--user-data-dir=" + profile.string() + " --dump-dom file://" + (dir_ / "report.html").string() +
                            " 2>/dev/null",
                        &status);
  ASSERT_EQ(status, 0);
  ASSERT_NE(dom.find("</html>"), std::string::npos) << dom.substr(0, 500);
  // Inline SVG parsed into the DOM: 2 products × 4 series of bars, one LP path per product.
  EXPECT_EQ(count(dom, "<svg"), 1u /*bars*/ + 1u /*legend*/ + 2u /*growth paths*/);
  EXPECT_EQ(count(dom, "<rect class=\"bar "), 2u * 4u);
  for (const char* series : {"bar-base", "bar-goal", "bar-feasible", "bar-actual"})
    EXPECT_EQ(count(dom, std::string("class=\"bar ") + series + "\""), 2u) << series;
  EXPECT_EQ(count(dom, "<path class=\"series-line"), 2u);
  EXPECT_GE(count(dom, "class=\"marker marker-goal\""), 2u);
  // The numbers: λ = 0.5, coal 20 of 40, steel 10 of 20, actuals 25 and 12, ratios.
  // History: 25 + 12 = 37 workers > 30, so at most 30/37 = 81.1 % of it, labour 7 short (+23 %).
  // Frontier (b): coal with steel's 12 held ≤ 18, steel with coal's 25 held ≤ 5: 138.9 % and 240.0 %.
  for (const char* s : {"λ = 0.500", "20.00", "40.00", "10.00", "25.00 (1932)", "12.00 (1932)", "62.5%", "60.0%",
                        "50.0%", "18.00", "5.00", "138.9%", "240.0%", "Can the model reproduce 1932?",
                        "at most 81.1 % of every recorded outcome", "labour in 1932: 7 million workers more",
                        "Labour binds in 1932: one more million workers that year raises every goal by 1.7 %",
                        "<details>", "frontier (a)"})
    EXPECT_NE(dom.find(s), std::string::npos) << s;
  // Text is escaped, not parsed as markup.
  EXPECT_NE(dom.find("Two-sector plan &lt;test&gt;"), std::string::npos);
  EXPECT_NE(dom.find("model &lt;coal&gt; &amp; co"), std::string::npos);
}

// The bundled First-Plan report, as the README's first command makes it: every variant opens
// with its three sentences and the history test, the product table has both frontiers and the
// key to the stages, and what bound each plan is one sentence per family with its LP rows
// collapsed. Two runs give the same bytes.
TEST_F(CompareHtml, BundledFirstPlanReport) {
  std::string plans;
  for (const char* p : {"fyp1-stated-goals", "fyp1-gosplan-initial", "fyp1-gosplan-optimal", "fyp1-revised-1930"})
    plans += std::string(" ") + PLANNER_SOURCE_DIR + "/plans/" + p + ".toml";
  auto make = [&](const std::string& name) {
    int status = -1;
    std::string log = run(std::string(PLANNER_CLI) + " compare" + plans + " --format html --out " + (dir_ / name).string() + " 2>&1",
                          &status);
    EXPECT_EQ(status, 0) << log;
    return read(dir_ / name);
  };
  std::string html = make("fyp1.html");
  ASSERT_FALSE(html.empty());
  EXPECT_EQ(html, make("fyp1-again.html"));
  EXPECT_EQ(count(html, "<section class=\"plan\""), 4u);
  // Each plan: summary, then the history test (the model cannot reach 1932 from 1928), then the table.
  EXPECT_EQ(count(html, "<p class=\"summary\">"), 4u);
  EXPECT_EQ(count(html, "<h3>Can the model reproduce 1932?</h3>"), 4u);
  EXPECT_EQ(count(html, "<ul class=\"findings\">"), 4u);
  EXPECT_EQ(count(html, "Why a recorded figure may mislead:"), 4u);
  EXPECT_EQ(count(html, "<table class=\"data products\">"), 4u);
  for (std::size_t at = html.find("<section class=\"plan\""); at != std::string::npos;
       at = html.find("<section class=\"plan\"", at + 1)) {
    std::string section = html.substr(at, html.find("</section>", at) - at);
    auto summary = section.find("<p class=\"summary\">"), history = section.find("<h3>Can the model reproduce 1932?</h3>"),
         table = section.find("<table class=\"data products\">"), bound = section.find("<h3>What bound them</h3>");
    EXPECT_LT(summary, history);
    EXPECT_LT(history, table);
    EXPECT_LT(table, bound);
    EXPECT_NE(bound, std::string::npos);
    EXPECT_NE(section.find("<p class=\"history infeasible\">The model cannot reproduce 1932"), std::string::npos);
    // A finding names a row that must move; the caveats name the value series in 1926/27 prices.
    EXPECT_NE(section.find("capacity in 1932 falls short by"), std::string::npos);
    EXPECT_NE(section.find("Machinery 1932: a value series in the official 1926/27 prices"), std::string::npos);
  }
  // The cards carry the verdict.
  EXPECT_EQ(count(html, "the model cannot reproduce 1932: at most"), 4u);
  // The frontier columns replace the old ones; the key says which stage gives which number.
  for (const char* s : {"<th>frontier (a)", "<th>frontier (b)", "<th>(a) / goal</th>", "<th>actual / (b)"})
    EXPECT_EQ(count(html, s), 4u) << s;
  for (const char* s : {"feasible by the actual", "feasible / goal", "actual / feasible"})
    EXPECT_EQ(html.find(s), std::string::npos) << s;
  EXPECT_EQ(count(html, "frontier (a): the most of it by its goal year with every goal held at λ*"), 4u);
  // What bound them: the sentence for steel under the stated goals, its LP rows collapsed under it.
  auto steel = html.find("<li>Steel supply binds 1928–1932: one more Mt in any of those years raises every goal by");
  ASSERT_NE(steel, std::string::npos);
  auto rows_of_steel = html.find("<details>", steel);
  EXPECT_EQ(rows_of_steel, html.find("<details><summary class=\"note\">5 LP rows</summary><code>balance[steel,0], ", steel));
  EXPECT_LT(rows_of_steel, html.find("</li>", steel));
  EXPECT_EQ(html.find("<table class=\"data binding\">"), std::string::npos);
  EXPECT_GE(count(html, "<details>"), 4u * 12u);
  EXPECT_EQ(count(html, "<details open"), 0u);
  // Every feasible figure below its base year carries a †, and each † a line under its table.
  std::size_t daggers = 0, lines = 0, rows = 0;
  for (std::size_t at = html.find("<tr data-product="); at != std::string::npos; at = html.find("<tr data-product=", at + 1)) {
    std::string row = html.substr(at, html.find("</tr>", at) - at);
    std::vector<std::string> cells;  // the numeric cells' text: base, goal, goal ×, feasible, …
    for (std::size_t c = row.find("<td class=\"num"); c != std::string::npos; c = row.find("<td class=\"num", c + 1)) {
      std::size_t open = row.find('>', c) + 1;
      cells.push_back(row.substr(open, row.find('<', open) - open));
    }
    ASSERT_GE(cells.size(), 4u) << row;
    ++rows;
    bool dagger = cells[3].find("†") != std::string::npos;
    daggers += dagger;
    if (cells[0] != "–" && cells[3] != "–" && std::stod(cells[3]) < std::stod(cells[0])) {
      EXPECT_TRUE(dagger) << "feasible " << cells[3] << " below base " << cells[0] << " without a †: " << row;
    }
  }
  EXPECT_EQ(rows, 4u * 11u);
  for (std::size_t at = html.find("<ul class=\"below-base\">"); at != std::string::npos;
       at = html.find("<ul class=\"below-base\">", at + 1))
    lines += count(html.substr(at, html.find("</ul>", at) - at), "<li>");
  EXPECT_GE(daggers, 1u);
  EXPECT_EQ(lines, daggers);
}

TEST_F(CompareHtml, OtherFormatsFromTheCli) {
  int status = -1;
  std::string json = run(std::string(PLANNER_CLI) + " compare " + (dir_ / "plan.toml").string() + " --format json", &status);
  ASSERT_EQ(status, 0) << json;
  EXPECT_NE(json.find("\"fulfilment\": 0.5"), std::string::npos) << json;
  std::string csv = run(std::string(PLANNER_CLI) + " compare " + (dir_ / "plan.toml").string() + " --format csv", &status);
  ASSERT_EQ(status, 0);
  EXPECT_EQ(count(csv, "\n"), 3u);
  std::string help = run(std::string(PLANNER_CLI) + " compare --help", &status);
  EXPECT_NE(help.find("--format html --out fyp1.html"), std::string::npos);
}

}  // namespace
