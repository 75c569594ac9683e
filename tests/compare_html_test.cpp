// `planner compare … --format html` end to end: writes the report for a small plan with the
// CLI, checks two runs give the same bytes, then loads it in headless Chromium (offline) and
// checks the rendered DOM has the charts and the numbers. Skipped only when Chromium is
// absent (.ci/install-deps installs it).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <string>

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
  if (!have_chromium()) GTEST_SKIP() << "chromium is not installed (.ci/install-deps installs it)";
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
