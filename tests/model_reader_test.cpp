// Tests of planner/io/model_reader.cpp: model TOML files (spec §3) and their validation.
#include "planner/io/model_reader.hpp"

#include <gtest/gtest.h>

#include "tests/expect_error.hpp"

#include <fstream>
#include <functional>
#include <initializer_list>

#include "planner/model/error.hpp"

namespace planner {
namespace {

const std::filesystem::path kData = std::filesystem::path(PLANNER_SOURCE_DIR) / "tests/data/readers";

/// A folder private to the running test (for CSV files a model names).
std::filesystem::path test_dir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  auto dir = std::filesystem::path(::testing::TempDir()) / (std::string("planner_model_") + info->name());
  std::filesystem::create_directories(dir);
  return dir;
}

void write_file(const std::filesystem::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

/// Two sectors and a technical table; `extra` is appended, `sector_extra` goes into the first sector.
std::string model(const std::string& extra, const std::string& sector_extra = "") {
  return "name = \"t\"\n"                                    // line 1
         "[[sector]]\n"                                      // line 2
         "id = \"coal\"\n"                                   // line 3
         "output = 10.0\n" +                                 // line 4
         sector_extra +
         "[[sector]]\n"
         "id = \"steel\"\n"
         "output = 5.0\n"
         "[technical]\n"
         "rows = { coal = [0.1, 0.2], steel = [0.0, 0.3] }\n" +
         extra;
}

/// Expects parsing `text` (named model.toml) to fail with these fragments.
void expect_model_error(const std::string& text, std::initializer_list<std::string> fragments) {
  expect_bad_input([&] { parse_model(text, "model.toml", test_dir()); }, fragments);
}

TEST(ModelReader, InlineRows) {
  Economy e = read_model(kData / "inline/model.toml");
  EXPECT_EQ(e.name, "Williams: coal, steel, transport");
  EXPECT_EQ(e.base_year, 1928);
  ASSERT_EQ(e.sector_ids(), (std::vector<std::string>{"coal", "steel", "transport"}));
  EXPECT_EQ(e.sectors[1].name, "steel");  // name defaults to id
  EXPECT_EQ(e.sectors[1].unit, "£ million");
  EXPECT_EQ(e.sectors[2].unit, "million tonne-km");
  EXPECT_EQ(e.sectors[0].groups, (std::vector<std::string>{"heavy"}));
  EXPECT_DOUBLE_EQ(*e.sectors[1].capacity, 350.0);
  EXPECT_DOUBLE_EQ(e.sectors[1].depreciation, 0.05);
  EXPECT_DOUBLE_EQ(*e.sectors[1].export_limit, 5.0);
  EXPECT_EQ(e.sectors[2].source, "Williams (2013), table 12.3");
  EXPECT_EQ(e.technical_lag, 1);
  EXPECT_EQ(e.capital_lag, 2);
  EXPECT_DOUBLE_EQ(e.technical(0, 1), 0.5);
  EXPECT_DOUBLE_EQ(e.technical(2, 0), 0.2);
  EXPECT_DOUBLE_EQ(e.capital(0, 2), 0.9);
  EXPECT_FALSE(e.flows.has_value());
  EXPECT_EQ(e.credit, (std::vector<double>{0.0, 1.0, 2.0}));
  ASSERT_EQ(e.resources.size(), 2u);
  const Resource& labour = e.resources[0];
  EXPECT_EQ(labour.available, std::vector<double>{470.0});
  EXPECT_DOUBLE_EQ(labour.per_output[1], 0.3);
  EXPECT_DOUBLE_EQ(labour.per_capacity[2], 0.1);
  EXPECT_EQ(labour.per_capacity_lag, 1);
  EXPECT_FALSE(labour.value_added);
  const Resource& wages = e.resources[1];
  EXPECT_TRUE(wages.unlimited());
  EXPECT_TRUE(wages.value_added);
  EXPECT_EQ(wages.unit, "£ million");
  EXPECT_DOUBLE_EQ(wages.per_output.sum(), 0.3);
  EXPECT_DOUBLE_EQ(wages.per_capacity.sum(), 0.0);
}

TEST(ModelReader, CsvMatricesInAnotherOrder) {
  Economy e = read_model(kData / "csv/model.toml");
  ASSERT_EQ(e.sector_ids(), (std::vector<std::string>{"coal", "steel", "grain"}));
  EXPECT_EQ(e.sectors[1].name, "Steel, rolled");
  EXPECT_FALSE(e.sectors[1].capacity.has_value());  // empty cell: no capacity
  EXPECT_EQ(e.sectors[1].groups, (std::vector<std::string>{"heavy", "metal"}));
  EXPECT_EQ(e.sectors[0].unit, "rubles");
  Eigen::MatrixXd a(3, 3);  // sector order coal, steel, grain; the file has grain, steel, coal
  a << 0.1, 0.3, 0.05,
       0.0, 0.2, 0.0,
       0.0, 0.0, 0.1;
  EXPECT_TRUE(e.technical.isApprox(a)) << e.technical;
  EXPECT_EQ(e.capital_lag, 1);
  EXPECT_DOUBLE_EQ(e.capital(1, 0), 0.7);
  EXPECT_DOUBLE_EQ(e.capital(0, 2), 0.25);
  EXPECT_DOUBLE_EQ(e.capital.sum(), 0.95);
}

TEST(ModelReader, FlowsAndResourceTotals) {
  Economy e = read_model(kData / "flows/model.toml");
  ASSERT_TRUE(e.flows.has_value());
  EXPECT_DOUBLE_EQ((*e.flows)(0, 1), 500.0);
  EXPECT_DOUBLE_EQ(e.technical(0, 0), 0.15);
  EXPECT_DOUBLE_EQ(e.technical(0, 1), 0.25);
  EXPECT_DOUBLE_EQ(e.technical(1, 0), 0.2);
  EXPECT_DOUBLE_EQ(e.technical(1, 1), 0.05);
  EXPECT_EQ(e.technical_lag, 0);
  EXPECT_TRUE(e.capital.isZero());
  EXPECT_DOUBLE_EQ(e.resources[0].per_output[0], 0.3);
  EXPECT_DOUBLE_EQ(e.resources[0].per_output[1], 0.25);
  EXPECT_EQ(e.name, "Miller-Blair 2 sector");
}

TEST(ModelReader, DefaultsAndNameFromFile) {
  Economy e = parse_model("[[sector]]\nid = \"a\"\n[technical]\nrows = { a = [0.5] }\n", "dir/tiny.toml", test_dir());
  EXPECT_EQ(e.name, "tiny");
  EXPECT_EQ(e.base_year, 0);
  EXPECT_EQ(e.technical_lag, 0);
  EXPECT_DOUBLE_EQ(e.sectors[0].output, 0.0);
  EXPECT_FALSE(e.sectors[0].capacity.has_value());
  EXPECT_EQ(e.credit, std::vector<double>{0.0});
}

TEST(ModelReader, MalformedTomlNamesLine) {
  expect_model_error("name = \"t\"\n[[sector]]\nid = \"coal\noutput = 1\n", {"model.toml:line 3", "malformed TOML"});
}

TEST(ModelReader, MissingFile) {
  expect_bad_input([] { read_model(kData / "nope/model.toml"); }, {"nope/model.toml", "file not found"});
}

TEST(ModelReader, UnknownKeysListAllowedOnes) {
  expect_model_error("sektor = 1\n" + model(""), {"model.toml:line 1: sektor", "unknown key \"sektor\"", "allowed here:", "sector"});
  expect_model_error(model("", "") + "lags = 1\n", {"model.toml:line 10: technical.lags", "allowed here: lag, file"});
  expect_model_error(model("", "ouput = 3.0\n"), {"model.toml:line 5: sector[1].ouput", "unknown key", "output"});
  expect_model_error(model("[trade]\ncredits = 1\n"), {"trade.credits", "allowed here: credit"});
  expect_model_error(model("[[resource]]\nid = \"labour\"\nper_ouptut = { coal = 1 }\n"), {"resource[1].per_ouptut"});
}

TEST(ModelReader, WrongTypes) {
  expect_model_error(model("", "stock = \"ten\"\n"), {"line 5: sector[1].stock", "expected a number, got \"ten\""});
  expect_model_error(model("", "groups = \"heavy\"\n"), {"sector[1].groups", "list of strings"});
  expect_model_error("base_year = 1928.0\n" + model(""), {"line 1: base_year", "expected an integer"});
  expect_model_error(model("[capital]\nlag = \"two\"\nrows = {}\n"), {"capital.lag", "expected an integer"});
  expect_model_error("sector = 3\n", {"line 1: sector", "[[sector]]"});
  expect_model_error(model("[[resource]]\nid = \"labour\"\nvalue_added = 1\n"), {"resource[1].value_added", "true or false"});
}

TEST(ModelReader, NotFiniteNumbers) {
  expect_model_error(model("", "stock = nan\n"), {"sector[1].stock", "finite"});
  expect_model_error(model("", "capacity = inf\n"), {"sector[1].capacity", "finite"});
  expect_model_error(model("[[resource]]\nid = \"l\"\nper_output = { coal = -inf }\n"), {"resource[1].per_output.coal", "finite"});
}

TEST(ModelReader, NegativeValues) {
  expect_model_error("[[sector]]\nid = \"coal\"\noutput = -1\n", {"line 3: sector[1].output", "expected a number ≥ 0, got -1"});
  for (std::string key : {"stock", "capacity", "demand", "export_price"})
    expect_model_error(model("", key + " = -1.0\n"), {"line 5: sector[1]." + key, "expected a number ≥ 0, got -1"});
  expect_model_error(model("[[resource]]\nid = \"l\"\navailable = -5\n"), {"resource[1].available", "≥ 0"});
  expect_model_error(model("[[resource]]\nid = \"l\"\nper_capacity = { steel = -0.1 }\n"), {"resource[1].per_capacity.steel", "≥ 0"});
}

TEST(ModelReader, DepreciationRange) {
  const std::string text = "name = \"t\"\n[[sector]]\nid = \"coal\"\n[[sector]]\nid = \"steel\"\ndepreciation = 1.5\n"
                           "[technical]\nrows = { coal = [0, 0], steel = [0, 0] }\n";
  expect_model_error(text, {"model.toml:line 6: sector[2].depreciation: expected a number in [0,1), got 1.5"});
  expect_model_error(model("", "depreciation = 1.0\n"), {"sector[1].depreciation", "[0,1)"});
  expect_model_error(model("", "depreciation = -0.1\n"), {"sector[1].depreciation", "[0,1)"});
}

TEST(ModelReader, LagsOutOfRange) {
  const std::string rows = "rows = { coal = [0, 0], steel = [0, 0] }\n";
  expect_model_error("[[sector]]\nid = \"coal\"\n[[sector]]\nid = \"steel\"\n[technical]\nlag = 2\n" + rows,
                     {"line 6: technical.lag", "0…1, got 2"});
  expect_model_error(model("[capital]\nlag = -1\n" + rows), {"capital.lag", "got -1"});
  expect_model_error(model("[[resource]]\nid = \"l\"\nper_output_lag = -1\n"), {"resource[1].per_output_lag"});
  expect_model_error(model("[[resource]]\nid = \"l\"\nper_capacity_lag = 1.5\n"), {"resource[1].per_capacity_lag", "integer"});
}

TEST(ModelReader, SectorIds) {
  expect_model_error("[[sector]]\nid = \"coal\"\n[[sector]]\nid = \"coal\"\n[technical]\nrows = { coal = [0] }\n",
                     {"line 4: sector[2].id", "duplicate sector id \"coal\""});
  expect_model_error("[[sector]]\nid = \"Coal Mining\"\n[technical]\nrows = { x = [1] }\n",
                     {"line 2: sector[1].id", "[a-z0-9_]+", "Coal Mining"});
  expect_model_error("[[sector]]\nname = \"Coal\"\n", {"line 1: sector[1]", "missing key \"id\""});
}

TEST(ModelReader, NoSectors) {
  expect_model_error("name = \"empty\"\n[technical]\nrows = {}\n", {"model.toml", "no sectors"});
}

TEST(ModelReader, TradeLimitNeedsPrice) {
  expect_model_error(model("", "import_limit = 3.0\n"), {"sector[1].import_limit", "needs an import_price"});
}

TEST(ModelReader, ResourceIds) {
  expect_model_error(model("[[resource]]\nid = \"coal\"\n"), {"resource[1].id", "already a sector id"});
  expect_model_error(model("[[resource]]\nid = \"l\"\n[[resource]]\nid = \"l\"\n"), {"resource[2].id", "duplicate resource id"});
  expect_model_error(model("[[resource]]\nid = \"l\"\nper_output = { iron = 1.0 }\n"),
                     {"resource[1].per_output", "no sector \"iron\""});
  expect_model_error(model("[[resource]]\nid = \"l\"\nper_capacity = { iron = 1.0 }\n"),
                     {"resource[1].per_capacity", "no sector \"iron\""});
}

TEST(ModelReader, ResourceAvailability) {
  Economy e = parse_model(model("[[resource]]\nid = \"l\"\navailable = [1, 2.5]\n"), "model.toml", test_dir());
  EXPECT_EQ(e.resources[0].available, (std::vector<double>{1.0, 2.5}));
  expect_model_error(model("[[resource]]\nid = \"l\"\navailable = []\n"), {"resource[1].available", "empty list"});
  expect_model_error(model("[[resource]]\nid = \"l\"\navailable = [1, \"x\"]\n"), {"resource[1].available", "available[1]"});
}

TEST(ModelReader, ResourceTotals) {
  expect_model_error(model("[[resource]]\nid = \"l\"\nper_output = { coal = 1 }\ntotal = { coal = 1 }\n"),
                     {"resource[1].total", "only one of per_output, total"});
  expect_model_error("[[sector]]\nid = \"a\"\n[technical]\nrows = { a = [0] }\n[[resource]]\nid = \"l\"\ntotal = { a = 5.0 }\n",
                     {"resource[1].total", "output 0", "output > 0"});
  Economy e = parse_model("[[sector]]\nid = \"a\"\n[technical]\nrows = { a = [0] }\n[[resource]]\nid = \"l\"\ntotal = { a = 0 }\n",
                          "model.toml", test_dir());
  EXPECT_DOUBLE_EQ(e.resources[0].per_output[0], 0.0);
}

TEST(ModelReader, InlineRowShapes) {
  auto with_rows = [](const std::string& rows) {
    return "[[sector]]\nid = \"coal\"\n[[sector]]\nid = \"steel\"\n[technical]\nrows = " + rows + "\n";
  };
  expect_model_error(with_rows("{ coal = [0.1], steel = [0, 0] }"),
                     {"line 6: technical.rows.coal", "expected 2 numbers (one per sector, in sector order), got 1"});
  expect_model_error(with_rows("{ coal = [0.1, 0] }"), {"technical.rows", "no row for sector \"steel\""});
  expect_model_error(with_rows("{ coal = [0, 0], steel = [0, 0], iron = [0, 0] }"), {"technical.rows.iron", "no sector \"iron\""});
  expect_model_error(with_rows("{ coal = [0, -0.2], steel = [0, 0] }"), {"technical.rows.coal", "[1] (column \"steel\")", "≥ 0"});
  expect_model_error(with_rows("{ coal = [0, \"x\"], steel = [0, 0] }"), {"technical.rows.coal", "expected a number"});
  expect_model_error(with_rows("{ coal = 0.1, steel = [0, 0] }"), {"technical.rows.coal", "list of 2 numbers"});
  expect_model_error(with_rows("[[0, 0], [0, 0]]"), {"technical.rows", "expected a table"});
}

TEST(ModelReader, MatrixSources) {
  const std::string sectors = "[[sector]]\nid = \"coal\"\n";
  expect_model_error(sectors, {"model.toml", "missing [technical]"});
  expect_model_error(sectors + "[technical]\nlag = 1\n", {"technical", "expected one of: file, triplets, rows, flows"});
  expect_model_error(sectors + "[technical]\nfile = \"a.csv\"\nrows = { coal = [0] }\n",
                     {"technical.rows", "only one of"});
  expect_model_error(sectors + "[technical]\nrows = { coal = [0] }\n[capital]\nflows = \"z.csv\"\n",
                     {"capital.flows", "unknown key \"flows\""});
  expect_model_error(sectors + "[technical]\nfile = \"missing.csv\"\n", {"line 4: technical.file", "file not found", "missing.csv"});
}

TEST(ModelReader, CsvErrorsNameTheCsvFile) {
  auto dir = test_dir();
  write_file(dir / "a.csv", "sector,coal,steel\ncoal,0,0\niron,0,0\n");
  const std::string text = "[[sector]]\nid = \"coal\"\n[[sector]]\nid = \"steel\"\n[technical]\nfile = \"a.csv\"\n";
  expect_bad_input([&] { parse_model(text, "model.toml", dir); },
                   {"a.csv:line 3", "unknown row id \"iron\""});
}

TEST(ModelReader, FlowsNeedPositiveOutput) {
  auto dir = test_dir();
  write_file(dir / "z.csv", "sector,coal,steel\ncoal,1,0\nsteel,0,0\n");
  expect_bad_input([&] { parse_model("[[sector]]\nid = \"coal\"\n[[sector]]\nid = \"steel\"\n[technical]\nflows = \"z.csv\"\n",
                                     "model.toml", dir); },
                   {"line 6: technical.flows", "sector \"coal\"", "output > 0"});
  // A column without flows may have output 0.
  write_file(dir / "z2.csv", "sector,coal,steel\ncoal,0,2\nsteel,0,0\n");
  Economy e = parse_model("[[sector]]\nid = \"coal\"\n[[sector]]\nid = \"steel\"\noutput = 4\n[technical]\nflows = \"z2.csv\"\n",
                          "model.toml", dir);
  EXPECT_DOUBLE_EQ(e.technical(0, 1), 0.5);
}

TEST(ModelReader, SectorsCsvErrors) {
  auto dir = test_dir();
  const std::string toml = "sectors_file = \"s.csv\"\n[technical]\nrows = { a = [0] }\n";
  write_file(dir / "s.csv", "id,ouput\na,1\n");
  expect_bad_input([&] { parse_model(toml, "model.toml", dir); }, {"s.csv:line 1", "unknown column \"ouput\"", "allowed columns"});
  write_file(dir / "s.csv", "id,depreciation\na,1.5\n");
  expect_bad_input([&] { parse_model(toml, "model.toml", dir); }, {"s.csv:line 2", "column \"depreciation\"", "[0,1)"});
  write_file(dir / "s.csv", "id,output\na,x\n");
  expect_bad_input([&] { parse_model(toml, "model.toml", dir); }, {"s.csv:line 2", "column \"output\"", "\"x\""});
  write_file(dir / "s.csv", "name,output\nA,1\n");
  expect_bad_input([&] { parse_model(toml, "model.toml", dir); }, {"s.csv:line 1", "no `id` column"});
  write_file(dir / "s.csv", "id,output\na,1\na,2\n");
  expect_bad_input([&] { parse_model(toml, "model.toml", dir); }, {"duplicate sector id \"a\""});
  expect_bad_input([&] { parse_model("sectors_file = \"none.csv\"\n", "model.toml", dir); },
                   {"line 1: sectors_file", "file not found"});
}

TEST(ModelReader, TradeCredit) {
  expect_model_error(model("[trade]\ncredit = -1\n"), {"trade.credit", "≥ 0"});
  Economy e = parse_model(model("[trade]\ncredit = 2.5\n"), "model.toml", test_dir());
  EXPECT_EQ(e.credit, std::vector<double>{2.5});
}

}  // namespace
}  // namespace planner
