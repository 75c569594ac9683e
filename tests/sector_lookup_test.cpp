#include "planner/analysis/sector_lookup.hpp"

#include <gtest/gtest.h>

#include "analysis_test_economies.hpp"
#include "planner/model/error.hpp"

TEST(SectorLookup, FindsIdsAndNamesTheKnownOnesWhenNot) {
  planner::Economy e = analysis_test::three_sectors();
  EXPECT_EQ(planner::analysis::sector_index_or_throw(e, "steel", "SECTOR"), 1u);
  try {
    planner::analysis::sector_index_or_throw(e, "Steel", "SECTOR");
    FAIL();
  } catch (const planner::Error& err) {
    EXPECT_EQ(err.code(), planner::ExitCode::usage);
    EXPECT_EQ(std::string(err.what()), "SECTOR: unknown sector 'Steel' (the model's sectors: coal, steel, transport)");
  }
}
