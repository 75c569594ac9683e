// The coursework examples in examples/ run as written: every example's run.sh exits 0 with
// the CLI built here, and prints the key numbers its README promises. Each run.sh marks its
// steps with "== <name>" lines; the checks below read the CSV or JSON a step prints.
// When a model or the CLI output changes, update the example's README and these numbers
// together (re-run the example and paste its output).
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <nlohmann/json.hpp>

#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace {

namespace fs = std::filesystem;

const fs::path kSource = PLANNER_SOURCE_DIR;
const std::string kCli = PLANNER_CLI;

/// Every example folder, in the order the user guide lists them.
const std::vector<std::string> kExamples = {"miller-blair-2sector", "eurostat-germany-1995", "feldman-growth",
                                            "williams-planning", "first-five-year-plan", "how-sure-first-plan",
                                            "serve-coursework", "kantorovich-plywood", "non-substitution", "sut-to-model",
                                            "counterfactual-first-plan",
                                            "cost-of-industrialisation"};

struct ScriptRun {
  int exit_code = -1;
  std::string output;  ///< standard output and standard error together
};

/// Runs examples/<name>/run.sh from the repository root with PLANNER set to this build's CLI.
ScriptRun run_example(const std::string& name) {
  const std::string command = "cd '" + kSource.string() + "' && PLANNER='" + kCli + "' examples/" + name + "/run.sh 2>&1";
  ScriptRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.output.append(buffer.data(), n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

/// Runs each example once per test binary (several tests read the same output).
const ScriptRun& example(const std::string& name) {
  static std::map<std::string, ScriptRun> cache;
  auto it = cache.find(name);
  if (it == cache.end()) it = cache.emplace(name, run_example(name)).first;
  return it->second;
}

/// The output of step `name`: the lines after "== name" and its "$ planner …" echo, up to the next step.
std::string section(const std::string& output, const std::string& name) {
  const std::string marker = "\n== " + name + "\n";
  auto start = output.find(marker);
  if (start == std::string::npos) return "";
  start += marker.size();
  if (output.compare(start, 2, "$ ") == 0) start = output.find('\n', start) + 1;
  auto end = output.find("\n== ", start);
  return output.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> cells;
  std::stringstream in(line);
  std::string cell;
  while (std::getline(in, cell, sep)) cells.push_back(cell);
  if (!line.empty() && line.back() == sep) cells.emplace_back();
  return cells;
}

/// Rows of a simple CSV (no quoted commas) keyed by their first cell.
std::map<std::string, std::vector<std::string>> csv_rows(const std::string& text) {
  std::map<std::string, std::vector<std::string>> rows;
  std::stringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.find(',') == std::string::npos) continue;
    auto cells = split(line, ',');
    rows[cells.front()] = cells;
  }
  return rows;
}

/// Column `col` of the row whose first cell is `key`, as a number (NaN when missing).
double csv_number(const std::map<std::string, std::vector<std::string>>& rows, const std::string& key, std::size_t col) {
  auto it = rows.find(key);
  if (it == rows.end() || col >= it->second.size()) return std::nan("");
  return std::stod(it->second[col]);
}

void expect_relative(double actual, double expected, double tolerance, const std::string& what) {
  EXPECT_LE(std::abs(actual - expected), tolerance * std::abs(expected)) << what << ": got " << actual << ", expected " << expected;
}

// ---------------------------------------------------------------------------------------------

TEST(ExamplesTest, EveryExampleFolderHasReadmeAndRunScriptAndIsTested) {
  std::set<std::string> tested(kExamples.begin(), kExamples.end());
  std::set<std::string> found;
  for (const auto& entry : fs::directory_iterator(kSource / "examples")) {
    if (!entry.is_directory()) continue;
    const std::string name = entry.path().filename().string();
    found.insert(name);
    EXPECT_TRUE(tested.count(name)) << "examples/" << name << " has no checks in tests/examples_test.cpp";
    EXPECT_TRUE(fs::is_regular_file(entry.path() / "README.md")) << name;
    const fs::path script = entry.path() / "run.sh";
    ASSERT_TRUE(fs::is_regular_file(script)) << name;
    EXPECT_NE(fs::status(script).permissions() & fs::perms::owner_exec, fs::perms::none) << name << "/run.sh is not executable";
  }
  for (const auto& name : kExamples) EXPECT_TRUE(found.count(name)) << "examples/" << name << " is missing";
}

TEST(ExamplesTest, EveryRunScriptExitsZero) {
  for (const auto& name : kExamples) {
    const ScriptRun& run = example(name);
    EXPECT_EQ(run.exit_code, 0) << "examples/" << name << "/run.sh failed:\n" << run.output;
  }
}

// Miller & Blair (2009) Tables 2.3-2.4; the oracle's peers check L to rtol 1e-5, we use 1e-6.
TEST(ExamplesTest, MillerBlairInverseMultipliersAndImpact) {
  const ScriptRun& run = example("miller-blair-2sector");
  ASSERT_EQ(run.exit_code, 0) << run.output;

  auto l = csv_rows(section(run.output, "leontief_inverse"));
  EXPECT_NEAR(csv_number(l, "sec1", 1), 1.25412541, 1e-6);  // 0.95 / 0.7575
  EXPECT_NEAR(csv_number(l, "sec1", 2), 0.33003300, 1e-6);  // 0.25 / 0.7575
  EXPECT_NEAR(csv_number(l, "sec2", 1), 0.26402640, 1e-6);  // 0.20 / 0.7575
  EXPECT_NEAR(csv_number(l, "sec2", 2), 1.12211221, 1e-6);  // 0.85 / 0.7575

  auto m = csv_rows(section(run.output, "output_multipliers"));
  EXPECT_NEAR(csv_number(m, "sec1", 1), 1.51815182, 1e-6);
  EXPECT_NEAR(csv_number(m, "sec2", 1), 1.45214521, 1e-6);

  // f from (350, 1700) to (600, 1500): x = (1000, 2000) + Δx = (1247.52, 1841.58).
  auto impact = csv_rows(section(run.output, "impact_csv"));
  const double x1 = 1000.0 + csv_number(impact, "sec1", 2);
  const double x2 = 2000.0 + csv_number(impact, "sec2", 2);
  EXPECT_NEAR(x1, 1247.52, 0.005);
  EXPECT_NEAR(x2, 1841.58, 0.005);
  EXPECT_NEAR(x1, (0.95 * 600 + 0.25 * 1500) / 0.7575, 1e-6);
  EXPECT_NEAR(x2, (0.20 * 600 + 0.85 * 1500) / 0.7575, 1e-6);
}

// Eurostat Manual (2008) ch. 15, published to 4 decimals (pp. 498-507): tolerance 5e-5.
TEST(ExamplesTest, EurostatGermanyMultipliersLinkagesKeySectors) {
  const ScriptRun& run = example("eurostat-germany-1995");
  ASSERT_EQ(run.exit_code, 0) << run.output;

  const std::vector<std::string> ids = {"agriculture_group", "industry_group",          "construction",
                                        "trade_group",       "business_services_group", "other_services_group"};
  const std::vector<double> multipliers = {1.7048, 1.8413, 1.8136, 1.6035, 1.5951, 1.3782};
  const std::vector<double> employment = {0.0326, 0.0162, 0.0207, 0.0237, 0.0112, 0.0242};
  const std::vector<std::string> classes = {"key", "key", "backward", "weak", "forward", "weak"};

  auto m = csv_rows(section(run.output, "output_multipliers"));
  auto k = csv_rows(section(run.output, "key_sectors"));
  auto back = csv_rows(section(run.output, "backward_linkage"));
  auto fwd = csv_rows(section(run.output, "forward_linkage"));
  auto inputs = csv_rows(section(run.output, "employment"));
  ASSERT_TRUE(inputs.count("resource")) << "input_multipliers CSV has no header row";
  const auto& header = inputs["resource"];
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_NEAR(csv_number(m, ids[i], 1), multipliers[i], 5e-5) << ids[i];
    ASSERT_TRUE(k.count(ids[i])) << ids[i];
    EXPECT_EQ(k[ids[i]].at(1), classes[i]) << ids[i];
    // The class follows from the two Rasmussen indices.
    const bool b = csv_number(back, ids[i], 1) >= 1.0, f = csv_number(fwd, ids[i], 1) >= 1.0;
    EXPECT_EQ(k[ids[i]].at(1), b && f ? "key" : b ? "backward" : f ? "forward" : "weak") << ids[i];
    std::size_t col = 0;
    for (std::size_t c = 0; c < header.size(); ++c)
      if (header[c] == ids[i]) col = c;
    ASSERT_GT(col, 0u) << ids[i];
    EXPECT_NEAR(csv_number(inputs, "employment", col), employment[i], 5e-5) << ids[i];
  }

  // Extraction of industry: the table's total row, printed to 4 decimals.
  std::stringstream extraction(section(run.output, "extraction"));
  std::string line;
  bool found_total = false;
  while (std::getline(extraction, line)) {
    std::stringstream words(line);
    std::string first;
    words >> first;
    if (first != "total") continue;
    double base = 0, after = 0, loss = 0, percent = 0;
    words >> base >> after >> loss >> percent;
    EXPECT_NEAR(base, 3110430.0, 1e-3);
    EXPECT_NEAR(loss, 1390742.782, 1e-3);
    EXPECT_NEAR(percent, 44.7122, 1e-4);
    found_total = true;
  }
  EXPECT_TRUE(found_total) << section(run.output, "extraction");
}

// Feldman's model: illustrative numbers, exact LP solutions (printed to 3 decimals: 1e-3).
TEST(ExamplesTest, FeldmanGrowthShareTradesEarlyForLateConsumption) {
  const ScriptRun& run = example("feldman-growth");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  auto rows = csv_rows(section(run.output, "summary"));
  const std::vector<std::string> plans = {"share-000", "share-025", "share-050", "share-075", "share-100"};
  // consumption in 1929, 1933, 1938 as in the README's table
  const std::map<std::string, std::array<double, 3>> expected = {
      {"share-000", {450.0, 650.0, 900.0}},      {"share-025", {437.5, 640.610, 1091.118}},
      {"share-050", {425.0, 605.176, 1368.115}}, {"share-075", {412.5, 530.496, 1759.218}},
      {"share-100", {400.0, 400.0, 2298.438}},
  };
  for (const auto& plan : plans) {
    ASSERT_TRUE(rows.count(plan)) << plan << " missing from the summary:\n" << run.output;
    for (std::size_t y = 0; y < 3; ++y) EXPECT_NEAR(csv_number(rows, plan, 2 + y), expected.at(plan)[y], 1e-3) << plan;
  }
  for (std::size_t i = 1; i < plans.size(); ++i) {
    // Higher γ: less consumption in 1929, more in 1938 and more machine-building capacity by 1933.
    EXPECT_LT(csv_number(rows, plans[i], 2), csv_number(rows, plans[i - 1], 2));
    EXPECT_GT(csv_number(rows, plans[i], 4), csv_number(rows, plans[i - 1], 4));
    EXPECT_GT(csv_number(rows, plans[i], 6), csv_number(rows, plans[i - 1], 6));
  }
  // Left free, the optimiser chooses γ = 1 for the first plan: the same objective as share-100.
  EXPECT_NEAR(csv_number(rows, "share-free", 1), csv_number(rows, "share-100", 1), 1e-3);
  EXPECT_NEAR(csv_number(rows, "share-100", 1), 6708.538, 1e-3);
}

// Williams, Economic Planning (oracle williams_economic_planning.txt): 1e-7 relative.
TEST(ExamplesTest, WilliamsThreeObjectives) {
  const ScriptRun& run = example("williams-planning");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  std::map<std::string, double> objective;
  std::map<std::string, std::map<std::string, double>> built;  // plan -> sector -> Σ capacity additions
  std::stringstream in(section(run.output, "summary"));
  std::string line;
  while (std::getline(in, line)) {
    auto cells = split(line, ',');  // plan,quantity,id,year,value
    if (cells.size() != 5) continue;
    if (cells[1] == "objective") objective[cells[0]] = std::stod(cells[4]);
    if (cells[1] == "capacity_additions") built[cells[0]][cells[2]] += std::stod(cells[4]);
  }
  ASSERT_EQ(objective.size(), 3u) << run.output;
  expect_relative(objective["williams-max-capacity"], 2141.8751967, 1e-7, "max-capacity");
  expect_relative(objective["williams-max-output"], 2618.5791147, 1e-7, "max-output");
  // This project's own problem 3 (no published answer): manpower over years 1-5, limit lifted.
  expect_relative(objective["williams-max-labour"], 2057.5257651, 1e-7, "max-resource labour");

  // max-capacity builds only coal capacity: 1211.875 = 2141.875 − 930 opening capacity.
  EXPECT_NEAR(built["williams-max-capacity"]["coal"], 1211.8751967, 1e-4);
  EXPECT_NEAR(built["williams-max-capacity"]["steel"], 0.0, 1e-6);
  EXPECT_NEAR(built["williams-max-capacity"]["transport"], 0.0, 1e-6);
  // max-output builds transport too, for the output of years 4-5.
  EXPECT_GT(built["williams-max-output"]["transport"], 100.0);
}

// First Five-Year Plan: λ as printed in the README (3 decimals: tolerance 5e-4).
TEST(ExamplesTest, FirstFiveYearPlanGoalsFeasibleActual) {
  const ScriptRun& run = example("first-five-year-plan");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const std::string text = section(run.output, "json");
  ASSERT_FALSE(text.empty()) << run.output;
  const nlohmann::json report = nlohmann::json::parse(text);
  ASSERT_EQ(report.at("plans").size(), 4u);
  const std::map<std::string, double> lambda = {{"plans/fyp1-stated-goals.toml", 0.549},
                                                {"plans/fyp1-gosplan-initial.toml", 0.994},
                                                {"plans/fyp1-gosplan-optimal.toml", 0.818},
                                                {"plans/fyp1-revised-1930.toml", 0.600}};
  for (const auto& plan : report.at("plans")) {
    const std::string file = plan.at("file");
    ASSERT_TRUE(lambda.count(file)) << file;
    EXPECT_EQ(plan.at("status"), "optimal") << file;
    const double fulfilment = plan.at("fulfilment");
    EXPECT_NEAR(fulfilment, lambda.at(file), 5e-4) << file;
    EXPECT_LT(fulfilment, 1.0) << file << ": the README says no variant's goals are feasible as a whole";
    EXPECT_FALSE(plan.at("unmet_goals").empty()) << file;
    bool floor_scenario = false;
    for (const auto& s : plan.at("scenarios")) {
      if (s.at("id") == "by-1932" && file == "plans/fyp1-revised-1930.toml") {
        EXPECT_NEAR(double(s.at("fulfilment")), 0.602, 5e-4) << "revised 1930 plan, goals by 1932";
      }
      if (s.at("id") != "no-consumption-floor") continue;
      // Feeding the population costs the plan: without the floor λ must rise.
      floor_scenario = true;
      EXPECT_EQ(s.at("status"), "optimal") << file;
      EXPECT_GT(double(s.at("fulfilment")), fulfilment) << file;
    }
    EXPECT_TRUE(floor_scenario) << file << ": no no-consumption-floor re-solve";
  }
}

// The First Plan's counterfactuals: λ and λ by 1932 as its README prints them (3 decimals:
// ±5e-4), and the NEP run's horses doing all the grain work with the herd kept.
TEST(ExamplesTest, CounterfactualFirstPlanVerdicts) {
  const ScriptRun& run = example("counterfactual-first-plan");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const std::string text = section(run.output, "json");
  ASSERT_FALSE(text.empty()) << run.output;
  const nlohmann::json report = nlohmann::json::parse(text);
  const std::map<std::string, std::pair<double, double>> lambda = {
      {"models/ussr-1928-techniques/fyp1-gosplan-optimal.toml", {0.783, 0.721}},
      {"plans/counterfactual/nep-continued.toml", {0.854, 0.731}},
      {"plans/counterfactual/bukharin-balanced.toml", {0.675, 0.645}},
      {"plans/counterfactual/consumption-floor.toml", {0.684, 0.686}},
      {"plans/counterfactual/escalation-1930.toml", {0.595, 0.602}}};
  ASSERT_EQ(report.at("plans").size(), lambda.size());
  for (const auto& plan : report.at("plans")) {
    const std::string file = plan.at("file");
    ASSERT_TRUE(lambda.count(file)) << file;
    EXPECT_NEAR(double(plan.at("fulfilment")), lambda.at(file).first, 5e-4) << file;
    bool by_1932 = false;
    for (const auto& s : plan.at("scenarios")) {
      if (s.at("id") != "by-1932") continue;
      by_1932 = true;
      EXPECT_NEAR(double(s.at("fulfilment")), lambda.at(file).second, 5e-4) << file;
    }
    EXPECT_TRUE(by_1932) << file;
  }
  // The README: "horses do all the work; no tractor is built".
  const std::string nep = section(run.output, "nep");
  EXPECT_NE(nep.find("Fulfilment λ = 0.854368"), std::string::npos) << nep;
  EXPECT_NE(nep.find("grain: grain_by_tractors              0.000 (0%)     0.000 (0%)     0.000 (0%)     0.000 (0%)     0.000 (0%)     0.000 (0%)"),
            std::string::npos) << nep;
}

// Germany 1995 as supply and use tables (diagonal supply: the published table is product by
// product) → model B returns the published A; the hand-derived secondary-production SUT of
// tests/supply_use_test.cpp by models A–D; aggregation, RAS to next year's totals, SDA.
TEST(ExamplesTest, SutToModelWalkThrough) {
  const ScriptRun& run = example("sut-to-model");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  auto sut = csv_rows(section(run.output, "technical_sut"));
  auto published = csv_rows(section(run.output, "technical_published"));
  const std::vector<std::string> ids = {"agriculture_group", "industry_group",          "construction",
                                        "trade_group",       "business_services_group", "other_services_group"};
  for (const auto& i : ids)
    for (std::size_t c = 1; c <= ids.size(); ++c)
      EXPECT_NEAR(csv_number(sut, i, c), csv_number(published, i, c), 1e-15) << i << " " << c;
  // Hand-derived in tests/supply_use_test.cpp.
  const std::map<std::string, std::vector<double>> secondary = {
      {"A", {200.0 / 9, 250.0 / 9, 100.0 / 9, 350.0 / 9}},
      {"B", {250.0 / 11, 300.0 / 11, 150.0 / 11, 400.0 / 11}},
      {"C", {19, 26, 11, 44}},
      {"D", {18, 27, 12, 43}}};
  for (const auto& [model, z] : secondary) {
    auto rows = csv_rows(section(run.output, "secondary_" + model));
    const std::string r1 = model < "C" ? "p1" : "i1", r2 = model < "C" ? "p2" : "i2";
    EXPECT_NEAR(csv_number(rows, r1, 1), z[0], 1e-12) << model;
    EXPECT_NEAR(csv_number(rows, r1, 2), z[1], 1e-12) << model;
    EXPECT_NEAR(csv_number(rows, r2, 1), z[2], 1e-12) << model;
    EXPECT_NEAR(csv_number(rows, r2, 2), z[3], 1e-12) << model;
  }
  // The 3-group table, summed here from the oracle's flows (primary = agriculture; industry =
  // industry + construction; services = the rest), and its output multipliers = 1ᵀ(I − A')⁻¹.
  Eigen::Matrix3d z;
  z << 1131, 25480 + 1, 607 + 710 + 762,                                              //
      7930 + 426, 304584 + 64167 + 7334 + 3875, 41082 + 11981 + 30360 + 5296 + 23457 + 9155,  //
      3559 + 3637 + 1552, 72717 + 14190 + 96115 + 31027 + 14986 + 1747,
      74399 + 10835 + 21008 + 65755 + 193176 + 34223 + 11225 + 15058 + 22070;
  const Eigen::Vector3d x(43910, 1079446 + 245606, 540063 + 692487 + 508918);
  const Eigen::Matrix3d l = (Eigen::Matrix3d::Identity() - z * x.cwiseInverse().asDiagonal()).inverse();
  auto m = csv_rows(section(run.output, "multipliers_1995"));
  const std::vector<std::string> groups = {"primary", "industry", "services"};
  for (int g = 0; g < 3; ++g) EXPECT_NEAR(csv_number(m, groups[static_cast<std::size_t>(g)], 1), l.col(g).sum(), 1e-12);
  EXPECT_NE(section(run.output, "balance").find("RAS converged"), std::string::npos);
  // SDA: each sector's effects sum to its change; the total change is next year's output
  // (examples/sut-to-model/sectors-next-year.csv: 42593 + 1351553 + 1828541) minus 3110430,
  // up to the RAS tolerance.
  auto d = csv_rows(section(run.output, "decompose"));
  for (const auto& g : groups)
    EXPECT_NEAR(csv_number(d, g, 4) + csv_number(d, g, 5), csv_number(d, g, 3), 1e-9 * std::abs(csv_number(d, g, 3))) << g;
  expect_relative(csv_number(d, "total", 3), 42593.0 + 1351553 + 1828541 - 3110430, 1e-8, "total change");
}

// The README's figures: 200 draws of seed 1 (deterministic on any thread count), λ*'s band and
// the 7 % of draws with every goal feasible; the nominal λ* inside the middle half.
TEST(ExamplesTest, HowSureFirstPlanReportsTheBandsItsReadmeQuotes) {
  const ScriptRun& run = example("how-sure-first-plan");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const std::string bands = section(run.output, "bands");
  EXPECT_NE(bands.find("131 with an optimum, 69 without"), std::string::npos) << bands;
  EXPECT_NE(bands.find("median 0.884, 90 % of draws in [0.417, 1.013], half in [0.781, 0.953]"), std::string::npos) << bands;
  const nlohmann::json report = nlohmann::json::parse(section(run.output, "json"));
  const auto& plan = report.at("plans").at(0);
  const auto& u = plan.at("uncertainty");
  EXPECT_EQ(u.at("samples"), 200);
  EXPECT_NEAR(double(u.at("prob_all_goals")), 0.07, 1e-12);
  const double nominal = plan.at("fulfilment");
  EXPECT_NEAR(nominal, 0.818, 5e-4);
  EXPECT_GT(nominal, double(u.at("fulfilment").at("p25")));
  EXPECT_LT(nominal, double(u.at("fulfilment").at("p75")));
  // every goal product's probability is the share with λ* ≥ 1 (the goals rise and fall together)
  for (const char* product : {"coal", "steel", "electricity"})
    EXPECT_NEAR(double(u.at("products").at(product).at("prob_goal_feasible")), 0.07, 1e-12) << product;
  EXPECT_NE(run.output.find("how-sure-fyp1.html"), std::string::npos);
  EXPECT_NE(section(run.output, "static").find("2000 draws (seed 1) of 180 uncertain numbers"), std::string::npos);
}

// examples/serve-coursework: the API of `planner serve` driven by curl. The step's first line
// is a JSON object (status, λ, the 1933 electricity capacity row's shadow price).
nlohmann::json first_json_line(const std::string& text) { return nlohmann::json::parse(text.substr(0, text.find('\n'))); }

TEST(ExamplesTest, ServeCourseworkAnswersAsTheSolverDoes) {
  const ScriptRun& run = example("serve-coursework");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto filed = first_json_line(section(run.output, "as-filed"));
  const auto capacity = first_json_line(section(run.output, "electricity-capacity"));
  const auto goal = first_json_line(section(run.output, "electricity-goal"));
  ASSERT_EQ(filed["status"], "optimal") << run.output;
  EXPECT_NEAR(filed["fulfilment"].get<double>(), 0.549, 5e-4);  // λ of examples/first-five-year-plan/README.md
  // +0.05 bn kWh of 1928 capacity reaches 1933 as 0.05 × 0.97^5 (3 % depreciation a year); the
  // capacity row's shadow price says what that is worth in λ, as long as the basis holds.
  const double predicted = filed["shadow_capacity_electricity_1933"].get<double>() * 0.05 * std::pow(0.97, 5);
  expect_relative(capacity["fulfilment"].get<double>() - filed["fulfilment"].get<double>(), predicted, 1e-6,
                  "Δλ of +0.05 bn kWh electricity capacity");
  EXPECT_GT(goal["fulfilment"].get<double>(), filed["fulfilment"].get<double>());  // a smaller goal: a larger share of every goal
  EXPECT_EQ(first_json_line(section(run.output, "grain-floor"))["status"], "infeasible");
  EXPECT_NE(section(run.output, "grain-floor").find("capacity[grain,1]"), std::string::npos);
  // The downloaded plan, solved by `planner solve`, gives the server's λ to the last digit.
  const std::string download = section(run.output, "download");
  const auto solved = nlohmann::json::parse(download.substr(download.find('{')));
  EXPECT_EQ(solved["fulfilment"].get<double>(), goal["fulfilment"].get<double>());
  EXPECT_NE(section(run.output, "stop").find("planner: stopped"), std::string::npos);
}

// Kantorovich (1939), oracle kantorovich.txt: λ = 15720/223 and his intensities to six decimals.
TEST(ExamplesTest, KantorovichExcavatorIntensitiesAndMachineTools) {
  const ScriptRun& run = example("kantorovich-plywood");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  auto rows = csv_rows(section(run.output, "intensities"));  // process,activity,published,saving_needed
  for (const char* id : {"m1_a", "m1_b", "m1_c", "m2_a", "m2_b", "m2_c", "m3_a", "m3_b", "m3_c"}) {
    ASSERT_TRUE(rows.count(id)) << id << ":\n" << run.output;
    EXPECT_NEAR(csv_number(rows, id, 1), csv_number(rows, id, 2), 5e-7) << id;
    // A pair is used (activity > 0) exactly where it needs no saving.
    EXPECT_EQ(csv_number(rows, id, 1) > 0.0, csv_number(rows, id, 3) == 0.0) << id;
  }
  EXPECT_NEAR(csv_number(rows, "m3_b", 3), 1.779924, 1e-6);  // README: 18.10 − 38 × 0.4295
  EXPECT_NEAR(csv_number(rows, "lambda", 1), 15720.0 / 223.0, 1e-8);
  const std::string tools = section(run.output, "machine_tools");
  EXPECT_NE(tools.find("Objective max-fulfilment = 86.666667"), std::string::npos) << tools;
  EXPECT_NE(tools.find("turret_b     3.333333"), std::string::npos) << tools;
}

// Non-substitution: three demands, one set of techniques, labour values 0.243966, 6/29, 27/58.
TEST(ExamplesTest, NonSubstitutionSameTechniquesForEveryDemand) {
  const ScriptRun& run = example("non-substitution");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  auto rows = csv_rows(section(run.output, "summary"));  // demand,labour,techniques_used,v_grain,v_coal,v_steel
  const std::map<std::string, std::array<double, 3>> demand = {
      {"consumer", {100, 10, 1}}, {"industry", {5, 40, 60}}, {"balanced", {30, 30, 30}}};
  const double v_coal = 6.0 / 29.0, v_steel = 27.0 / 58.0, v_grain = 0.20 + 0.05 * v_steel + 0.10 * v_coal;
  for (const auto& [plan, d] : demand) {
    ASSERT_TRUE(rows.count(plan)) << plan << ":\n" << run.output;
    EXPECT_EQ(rows.at(plan).at(2), "grain_by_tractor coal_by_machine steel_by_coke") << plan;
    EXPECT_NEAR(csv_number(rows, plan, 3), v_grain, 1e-6);
    EXPECT_NEAR(csv_number(rows, plan, 4), v_coal, 1e-6);
    EXPECT_NEAR(csv_number(rows, plan, 5), v_steel, 1e-6);
    EXPECT_NEAR(csv_number(rows, plan, 1), v_grain * d[0] + v_coal * d[1] + v_steel * d[2], 1e-6) << plan;
  }
}

}  // namespace


// The cost frontier: two grids of the same LP agree where they share a point (θ = 1, index 100),
// the frontier falls from left to right, the plan's records and the page are there.
TEST(ExamplesTest, CostOfIndustrialisationFrontier) {
  const ScriptRun& run = example("cost-of-industrialisation");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  auto heavy_at = [&](const std::string& step, const std::string& consumption) {
    return csv_number(csv_rows(section(run.output, step)), consumption, 1);
  };
  const double full = heavy_at("frontier", "100"), near = heavy_at("near", "100");
  ASSERT_TRUE(std::isfinite(full) && std::isfinite(near)) << run.output;
  expect_relative(near, full, 1e-9, "heavy index at consumption 100, two grids");
  // The model with choices carries the horses lost from 1929: at 100 it reaches less.
  EXPECT_LT(heavy_at("choices", "100"), full);
  std::stringstream rows(section(run.output, "frontier"));
  std::string line;
  double last = std::numeric_limits<double>::infinity();
  int n = 0;
  while (std::getline(rows, line)) {
    if (line.empty() || !std::isdigit(static_cast<unsigned char>(line[0]))) continue;
    const double heavy = std::stod(split(line, ',')[1]);
    EXPECT_LE(heavy, last * (1 + 1e-12)) << line;
    last = heavy;
    ++n;
  }
  EXPECT_EQ(n, 12);  // 11 on the grid and θ = 1
  EXPECT_GT(std::stoi(section(run.output, "page")), 12);
}
