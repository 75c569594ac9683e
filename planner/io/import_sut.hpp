#pragma once
// `planner import sut`: supply and use tables (product × industry, labelled CSV), final
// demand (product × category) and value added (component × industry) read, checked against
// each other, and turned into a symmetric table by one of the Eurostat Manual's models A–D
// (planner/analysis/supply_use.hpp), ready to be written as a model folder.
// docs/file-formats.md ("Supply and use tables") states the layouts.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "planner/analysis/supply_use.hpp"
#include "planner/io/eurostat_tsv.hpp"
#include "planner/io/import_model.hpp"

namespace planner {

struct SutFiles {
  std::filesystem::path supply;        ///< S: products × industries, ≥ 0
  std::filesystem::path use;           ///< U: products × industries, ≥ 0
  std::filesystem::path final_demand;  ///< Y: products × final-demand categories (labelled layout)
  std::optional<std::filesystem::path> value_added;  ///< W: components × industries; default g − 1ᵀU
  /// Eurostat's SDMX-TSV layout (eurostat_tsv.hpp): supply = naio_10_cp15, use = naio_10_cp1610
  /// (or cp16); Y is the use table's final-use columns, W its rows D1, B2A3G, D29X39 (or B1G)
  /// plus `other_inputs` = g − 1ᵀU − 1ᵀW; without any of them W = g − 1ᵀU.
  std::optional<EurostatSelection> eurostat;
};

/// Final-use codes of Eurostat's use tables taken as final-demand categories (ESA 2010):
/// consumption of government, households and NPISHs, gross fixed capital formation, changes in
/// inventories, valuables, exports. Their totals (P3, P5, TFU …) are not categories.
const std::vector<std::string>& eurostat_final_uses();

struct SutOptions {
  analysis::SutModel model = analysis::SutModel::d;
  bool zero_negatives = false;  ///< set model A/C's negative cells to 0 (noted) instead of refusing
  std::string name, unit;
};

struct SutImport {
  ImportedModel model;                     ///< sectors = products (A, B) or industries (C, D)
  std::vector<analysis::NegativeCell> negatives;  ///< as derived, before any zeroing
  std::vector<std::string> row_ids, col_ids;      ///< sector ids, for naming negatives
};

/// Reads the files and derives the symmetric table. Throws Error (exit 2) naming the file and
/// line for a negative supply or use cell, supply and use with different products or
/// industries, final demand or value added whose labels do not match, and (unless
/// `zero_negatives`) a model A or C table with negative cells — naming their count, the
/// largest and where it is. In the Eurostat layout products are the `CPA_…` codes, industries
/// the codes of both tables' industry dimension that are not totals or valuation columns, and
/// a `:` cell, an unknown geo or year is an error naming the file and line.
SutImport import_sut(const SutFiles& files, const SutOptions& options);

}  // namespace planner
