// `planner analyze MODEL --samples N` (planner/uncertainty/static_uncertainty). Oracles: a
// one-sector economy x = f / (1 − a) with a ~ uniform[a0, a1], whose q-quantile is
// f / (1 − a0 − q (a1 − a0)) because x grows with a; the deterministic analysis (zero-width
// ranges); and the draw put in place equal to the files read again with the drawn values.
#include <gtest/gtest.h>

#include <cmath>

#include "cli_run.hpp"
#include "planner/analysis/static_analysis.hpp"
#include "planner/io/model_reader.hpp"
#include "planner/uncertainty/static_uncertainty.hpp"
#include "scratch_dir.hpp"

namespace planner::uncertainty {
namespace {

// One sector, a ~ uniform[0.2, 0.6], f = 10: x_q = 10 / (0.8 − 0.4 q).
std::filesystem::path one_sector(const std::filesystem::path& dir, const std::string& range) {
  test::write_text(dir / "model.toml", R"(name = "one sector"
[[sector]]
id = "corn"
output = 20.0
demand = 10.0
[technical]
file = "a.csv"
ranges = "a_ranges.csv"
)");
  test::write_text(dir / "a.csv", "sector,corn\ncorn,0.4\n");
  test::write_text(dir / "a_ranges.csv", "row,column,value,low,high,dist\ncorn,corn,0.4," + range + ",uniform\n");
  return dir / "model.toml";
}

TEST(StaticUncertainty, OneSectorPercentilesMatchTheClosedForm) {
  const UncertainModel model(one_sector(test::scratch_dir("static_one"), "0.2,0.6"));
  ASSERT_TRUE(model.substitutes());
  constexpr std::size_t n = 4000;
  const StaticUncertainty s = run_static(model, n, 3, 2);
  EXPECT_EQ(s.solved, n);
  const StaticBand& out = s.bands.at(0);
  ASSERT_EQ(out.quantity, "output");
  const double qs[5] = {0.05, 0.25, 0.5, 0.75, 0.95};
  for (int k = 0; k < 5; ++k) {
    const double q = qs[k];
    const double exact = 10.0 / (0.8 - 0.4 * q);
    // the empirical q-quantile of a's draws is off by about √(q(1−q)/n)/density (density 2.5);
    // x moves by dx/da = 10/(1−a)² times that: four such standard errors
    const double a_err = std::sqrt(q * (1 - q) / n) * 0.4;
    const double a_q = 0.2 + 0.4 * q;
    EXPECT_NEAR(out.band[static_cast<std::size_t>(k)], exact, 4.0 * a_err * 10.0 / ((1 - a_q) * (1 - a_q))) << q;
  }
  // the output multiplier of one sector is 1 / (1 − a) = x / f
  EXPECT_EQ(s.bands.at(1).quantity, "output_multipliers");
  for (int k = 0; k < 5; ++k) EXPECT_NEAR(s.bands.at(1).band[static_cast<std::size_t>(k)], out.band[static_cast<std::size_t>(k)] / 10.0, 1e-12);
}

TEST(StaticUncertainty, ZeroWidthRangesGiveTheDeterministicAnalysis) {
  const auto dir = test::scratch_dir("static_zero");
  const auto file = one_sector(dir, "0.4,0.4");
  const analysis::StaticAnalysis a = analysis::analyze(read_model(file));
  const StaticUncertainty s = run_static(UncertainModel(file), 10, 1, 1);
  for (double v : s.bands.at(0).band) EXPECT_NEAR(v, a.required_output(0), 1e-12);
  for (double v : s.bands.at(4).band) EXPECT_NEAR(v, a.prices(0), 1e-12);
}

TEST(StaticUncertainty, PuttingTheDrawInPlaceEqualsReadingItAgain) {
  const auto dir = test::scratch_dir("static_place");
  test::write_text(dir / "model.toml", R"(name = "two"
[[sector]]
id = "a"
output = 10.0
demand = 4.0
[[sector]]
id = "b"
output = 8.0
demand = 3.0
[technical]
file = "t.csv"
ranges = "t_ranges.csv"
)");
  test::write_text(dir / "t.csv", "sector,a,b\na,0.1,0.3\nb,0.2,0.25\n");
  test::write_text(dir / "t_ranges.csv", "row,column,value,low,high,dist,group\na,b,0.3,0.2,0.4,triangular,g\nb,a,0.2,0.1,0.3,triangular,g\n"
                                         "b,b,0.25,0.2,0.3,uniform,\n");
  const UncertainModel model(dir / "model.toml");
  ASSERT_TRUE(model.substitutes());
  for (double u : {0.07, 0.5, 0.93}) {
    const std::vector<double> point(model.inputs().size(), u);
    EXPECT_EQ(model.at(point).technical, model.read_at(point).technical) << u;
  }
}

TEST(StaticUncertainty, CliWritesTheStableCsvAndRefusesWhat) {
  const auto file = one_sector(test::scratch_dir("static_cli"), "0.2,0.6");
  const auto r = test::run_cli("analyze " + file.string() + " --samples 50 --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "sector,quantity,p5,p25,p50,p75,p95");
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 6);  // header + 5 quantities × 1 sector
  const auto one = test::run_cli("analyze " + file.string() + " --samples 50 --format csv", "PLANNER_THREADS=1");
  const auto two = test::run_cli("analyze " + file.string() + " --samples 50 --format csv", "PLANNER_THREADS=2");
  EXPECT_EQ(one.out, two.out);
  const auto bad = test::run_cli("analyze " + file.string() + " --samples 5 --what prices");
  EXPECT_EQ(bad.code, 1);
}

}  // namespace
}  // namespace planner::uncertainty
