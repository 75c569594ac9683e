// The flat sector-id index of the triplet reader (planner/io/id_index) against a plain scan.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "planner/io/id_index.hpp"

using planner::IdIndex;

TEST(IdIndex, FindsEveryIdAndNothingElse) {
  std::vector<std::string> ids;
  for (int i = 0; i < 5000; ++i) ids.push_back("s" + std::to_string(i * 7919 % 100003));
  ids.push_back("");  // an empty id is an id like any other here
  const IdIndex index(ids);
  for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(index.find(ids[i]), static_cast<std::int32_t>(i)) << ids[i];
  for (const char* absent : {"s1", "S0", "s0 ", "coal", "s00"}) EXPECT_EQ(index.find(absent), -1) << absent;
}

TEST(IdIndex, EmptyAndDuplicateIds) {
  const std::vector<std::string> none;
  EXPECT_EQ(IdIndex(none).find("coal"), -1);
  const std::vector<std::string> twice{"coal", "steel", "coal"};
  EXPECT_EQ(IdIndex(twice).find("coal"), 0);  // the first of equal ids
  EXPECT_EQ(IdIndex(twice).find("steel"), 1);
}
