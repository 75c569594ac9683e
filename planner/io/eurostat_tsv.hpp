#pragma once
// Eurostat's SDMX-TSV layout (the dissemination API's `format=TSV` and the bulk download): a
// header `freq,unit,stk_flow,ind_impv,prd_amo,geo\TIME_PERIOD<TAB>2014 <TAB>2015 …`, then one
// line per series: its dimension codes joined by commas, a tab, and one cell per period —
// `12.3`, `12.3 e` (a value and its flags: e estimated, p provisional, …) or `:` (not
// available, `: c` confidential). Series with no data at all are left out by Eurostat.
// (wikis.ec.europa.eu, "API - FAQ - TSV data format"; ec.europa.eu/eurostat, "Which are the
// available formats".) For `planner import sut --layout eurostat` (import_sut.hpp).
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "planner/io/csv_cells.hpp"

namespace planner {

/// Which series to take: the geo code, the period column and a code for every other dimension
/// that has more than one (`select`, e.g. unit = MIO_EUR; unit = MIO_EUR, stk_flow = TOTAL and
/// freq = A are taken when present and not selected otherwise).
struct EurostatSelection {
  std::string geo;
  std::string period;                         ///< e.g. "2015"
  std::map<std::string, std::string> select;  ///< dimension → code
};

/// One two-dimensional slice of a TSV file: `row_dim` × `col_dim` codes (in file order of first
/// appearance) for the selection; cells whose series is absent are 0.
struct EurostatSlice {
  std::string row_dim, col_dim;
  LabelledCsv table;   ///< rows, cols, data, the line of each row's first series
  std::map<std::pair<std::string, std::string>, int> line_of;  ///< (row, col) → line of its series
};

/// Reads the slice of `file` whose rows are the dimension named with one of `row_prefixes`
/// ("prd_", "prod_") and columns the one named with `col_prefixes` ("ind_", "induse").
/// Throws Error (exit 2) naming the file and line for a header that is not SDMX-TSV, an
/// unknown geo or period (listing those the file has), a dimension with several codes left
/// after the selection, a `:` cell in the slice, or a cell that is not a number.
EurostatSlice read_eurostat_slice(const std::filesystem::path& file, const EurostatSelection& selection,
                                  const std::vector<std::string>& row_prefixes, const std::vector<std::string>& col_prefixes);

}  // namespace planner
