#pragma once
// Private to planner/io: sector data from a CSV (`sectors_file = "sectors.csv"`, spec §3).
#include <filesystem>
#include <string>
#include <vector>

#include "planner/model/economy.hpp"

namespace planner {

/// Reads sectors from a CSV whose header names its columns: `id` is required; any of
/// name, unit, groups, output, stock, capacity, depreciation, demand, export_price,
/// export_limit, import_price, import_limit, source may follow, in any order. An unknown
/// column is an error (typo protection). Empty cells take the default (capacity: none);
/// `groups` lists group ids separated by `;`. Units default to `model_unit`.
std::vector<Sector> read_sectors_csv(const std::filesystem::path& file, const std::string& model_unit);

}  // namespace planner
