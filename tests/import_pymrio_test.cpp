// Tests of planner/io/import_pymrio.cpp: pandas' tab-separated layout with multi-row labels,
// flattening to region_sector ids, id collisions, and errors naming file and line. The full
// pymrio test system is in oracle_pymrio_test_mrio_test.cpp.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli_run.hpp"
#include "expect_error.hpp"
#include "planner/io/import_pymrio.hpp"
#include "scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
using planner::import_pymrio;
using planner::test::write_text;

// A 2-region × 2-sector system; region "Reg A" and sector "Food & drink" need sanitising.
const char* kZ =
    "region\t\tReg A\tReg A\treg2\treg2\n"
    "sector\t\tFood & drink\tsteel\tFood & drink\tsteel\n"
    "region\tsector\t\t\t\t\n"
    "Reg A\tFood & drink\t1\t2\t0\t1\n"
    "Reg A\tsteel\t3\t1\t1\t0\n"
    "reg2\tFood & drink\t0\t1\t2\t1\n"
    "reg2\tsteel\t1\t0\t1\t2\n";
const char* kY =
    "region\t\tReg A\treg2\n"
    "category\t\thouseholds\thouseholds\n"
    "region\tsector\t\t\n"
    "reg2\tsteel\t3\t2\n"  // rows in another order than Z: matched by label
    "Reg A\tFood & drink\t5\t1\n"
    "Reg A\tsteel\t4\t1\n"
    "reg2\tFood & drink\t2\t4\n";
const char* kF =
    "region\tReg A\tReg A\treg2\treg2\n"
    "sector\tFood & drink\tsteel\tFood & drink\tsteel\n"
    "stressor\t\t\t\t\n"
    "Value Added\t2\t3\t4\t5\n"
    "Taxes\t1\t-1\t0\t0\n";

fs::path folder(const std::string& what) {
  fs::path dir = planner::test::scratch_dir("import_pymrio") / what;
  fs::remove_all(dir);
  write_text(dir / "Z.txt", kZ);
  write_text(dir / "Y.txt", kY);
  write_text(dir / "factor_inputs" / "F.txt", kF);
  return dir;
}

TEST(ImportPymrio, ReadsMultiRowLabels) {
  planner::PymrioTable t = planner::read_pymrio_table(folder("table") / "Z.txt", 2);
  ASSERT_EQ(t.row_labels.size(), 4u);
  EXPECT_EQ(t.row_labels[1], (std::vector<std::string>{"Reg A", "steel"}));
  EXPECT_EQ(t.col_labels[2], (std::vector<std::string>{"reg2", "Food & drink"}));
  EXPECT_EQ(t.row_lines[0], 4);
  EXPECT_DOUBLE_EQ(t.data(1, 0), 3);
  planner::PymrioTable f = planner::read_pymrio_table(folder("table_f") / "factor_inputs" / "F.txt", 2);
  EXPECT_EQ(f.row_labels[0], (std::vector<std::string>{"Value Added"}));
}

TEST(ImportPymrio, FlattensRegionsAndSectors) {
  planner::ImportedModel m = import_pymrio(folder("flat"), {});
  ASSERT_EQ(m.sectors.size(), 4u);
  EXPECT_EQ(m.sectors[0].id, "reg_a_food_drink");
  EXPECT_EQ(m.sectors[0].name, "Reg A / Food & drink");
  EXPECT_EQ(m.sectors[3].id, "reg2_steel");
  EXPECT_DOUBLE_EQ(m.sectors[0].demand, 6);             // 5 + 1
  EXPECT_DOUBLE_EQ(m.sectors[0].output, 1 + 2 + 0 + 1 + 6);
  EXPECT_DOUBLE_EQ(m.sectors[3].demand, 5);             // the Y row given first
  ASSERT_EQ(m.resources.size(), 1u) << "Taxes has a negative entry and is left out";
  EXPECT_EQ(m.resources[0].id, "value_added");
  EXPECT_TRUE(m.resources[0].value_added);
  bool noted = false;
  for (const auto& n : m.notes) noted |= n.find("Taxes") != std::string::npos;
  EXPECT_TRUE(noted);
  EXPECT_EQ(m.name, "flat");
}

TEST(ImportPymrio, CollidingIdsAreRenamedAndReported) {
  fs::path dir = folder("collide");
  // "reg2 / steel" and "reg2 / Steel" both sanitise to reg2_steel.
  std::string y = kY;
  y.replace(y.find("Reg A\tsteel"), 11, "reg2\tSteel");
  write_text(dir / "Z.txt",
             "region\t\tReg A\treg2\treg2\treg2\n"
             "sector\t\tFood & drink\tSteel\tFood & drink\tsteel\n"
             "region\tsector\t\t\t\t\n"
             "Reg A\tFood & drink\t1\t2\t0\t1\n"
             "reg2\tSteel\t3\t1\t1\t0\n"
             "reg2\tFood & drink\t0\t1\t2\t1\n"
             "reg2\tsteel\t1\t0\t1\t2\n");
  write_text(dir / "Y.txt", y);
  write_text(dir / "factor_inputs" / "F.txt",
             "region\tReg A\treg2\treg2\treg2\n"
             "sector\tFood & drink\tSteel\tFood & drink\tsteel\n"
             "stressor\t\t\t\t\n"
             "Value Added\t2\t3\t4\t5\n");
  planner::ImportedModel m = import_pymrio(dir, {});
  EXPECT_EQ(m.sectors[1].id, "reg2_steel");
  EXPECT_EQ(m.sectors[3].id, "reg2_steel_2");
  bool noted = false;
  for (const auto& n : m.notes) noted |= n.find("reg2_steel_2") != std::string::npos;
  EXPECT_TRUE(noted);
}

TEST(ImportPymrio, BadInputNamesFileAndLine) {
  using planner::expect_bad_input;
  {
    fs::path dir = folder("nan");
    write_text(dir / "Y.txt", std::string(kY).replace(std::string(kY).find("\t3\t2"), 4, "\t\t2"));
    expect_bad_input([&] { import_pymrio(dir, {}); }, {"Y.txt", "line 4", "empty cell"});
  }
  {
    fs::path dir = folder("nan_text");
    std::string z = kZ;
    z.replace(z.find("\t3\t1\t1\t0"), 8, "\tNaN\t1\t1\t0");
    write_text(dir / "Z.txt", z);
    expect_bad_input([&] { import_pymrio(dir, {}); }, {"Z.txt", "line 5", "row \"Reg A / steel\"", "finite"});
  }
  {
    fs::path dir = folder("unknown");
    std::string y = kY;
    y.replace(y.find("reg2\tsteel\t3"), 4, "reg9");
    write_text(dir / "Y.txt", y);
    expect_bad_input([&] { import_pymrio(dir, {}); }, {"Y.txt", "line 4", "\"reg9 / steel\" is not a sector of Z.txt"});
  }
  {
    fs::path dir = folder("nonsquare");
    write_text(dir / "Z.txt",
               "region\t\tReg A\tReg A\treg2\n"
               "sector\t\tFood & drink\tsteel\tFood & drink\n"
               "Reg A\tFood & drink\t1\t2\t0\n"
               "Reg A\tsteel\t3\t1\t1\n"
               "reg2\tFood & drink\t0\t1\t2\n"
               "reg2\tsteel\t1\t0\t1\n");
    expect_bad_input([&] { import_pymrio(dir, {}); }, {"Z.txt", "line 1", "not square"});
  }
  {
    fs::path dir = folder("ragged");
    std::string z = kZ;
    z.replace(z.find("\t0\t1\t2\t1"), 8, "\t0\t1\t2");
    write_text(dir / "Z.txt", z);
    expect_bad_input([&] { import_pymrio(dir, {}); }, {"Z.txt", "line 6", "cells"});
  }
  {
    fs::path dir = folder("noz");
    fs::remove(dir / "Z.txt");
    expect_bad_input([&] { import_pymrio(dir, {}); }, {"noz", "no Z.txt"});
  }
}

TEST(ImportPymrio, CliImportsAndRefusesBadFolders) {
  fs::path dir = folder("cli");
  fs::path out = dir.parent_path() / "cli_model";
  fs::remove_all(out);
  auto r = planner::test::run_cli("import pymrio " + dir.string() + " --out " + out.string() + " --name 'Two regions'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Taxes"), std::string::npos) << r.out;
  EXPECT_EQ(planner::test::run_cli("analyze " + (out / "model.toml").string()).code, 0);
  std::string z = kZ;
  z.replace(z.find("\t3\t1\t1\t0"), 8, "\tinf\t1\t1\t0");
  write_text(dir / "Z.txt", z);
  r = planner::test::run_cli("import pymrio " + dir.string() + " --out " + out.string() + " --force");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("Z.txt:line 5"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(out / "model.toml")) << "a failed import leaves the old folder";
  fs::remove_all(dir.parent_path());
}

}  // namespace
