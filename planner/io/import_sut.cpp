#include "planner/io/import_sut.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

#include "planner/io/csv_cells.hpp"
#include "planner/model/error.hpp"

namespace planner {
namespace {

using Eigen::Index;
using Eigen::MatrixXd;

/// `m`'s rows reordered to `order` (and, when `cols` is given, its columns too); a label
/// missing from or extra to `order` is an error naming `what` and both files.
MatrixXd reorder(const LabelledCsv& m, const std::string& file, const std::vector<std::string>& rows,
                 const std::vector<std::string>* cols, const std::string& against, const char* row_what,
                 const char* col_what) {
  auto positions = [&](const std::vector<std::string>& have, const std::vector<std::string>& want, const char* what,
                       const std::string& where) {
    std::map<std::string, Index> at;
    for (std::size_t k = 0; k < have.size(); ++k) at[have[k]] = static_cast<Index>(k);
    std::vector<Index> out;
    for (const auto& id : want) {
      const auto it = at.find(id);
      if (it == at.end())
        throw_bad_input(file, where, fmt::format("no {} \"{}\": the {}s must be those of {}", what, id, what, against));
      out.push_back(it->second);
    }
    if (have.size() != want.size())
      for (std::size_t k = 0; k < have.size(); ++k)
        if (std::find(want.begin(), want.end(), have[k]) == want.end())
          throw_bad_input(file, where, fmt::format("{} \"{}\" is not in {}: the {}s must be the same", what, have[k], against, what));
    return out;
  };
  const auto r = positions(m.matrix.rows, rows, row_what, "");
  std::vector<Index> c(m.matrix.cols.size());
  for (std::size_t k = 0; k < c.size(); ++k) c[k] = static_cast<Index>(k);
  if (cols) c = positions(m.matrix.cols, *cols, col_what, fmt::format("line {}", m.header_line));
  MatrixXd out(static_cast<Index>(r.size()), static_cast<Index>(c.size()));
  for (std::size_t i = 0; i < r.size(); ++i)
    for (std::size_t j = 0; j < c.size(); ++j)
      out(static_cast<Index>(i), static_cast<Index>(j)) = m.matrix.data(r[i], c[j]);
  return out;
}

/// Labels as unique model ids (sanitised), renamings noted.
std::vector<std::string> ids_of(const std::vector<std::string>& labels, const char* what, std::vector<std::string>& taken,
                                std::vector<std::string>& notes) {
  std::vector<std::string> ids;
  for (const auto& l : labels) ids.push_back(sanitise_id(l));
  make_unique_ids(ids, labels, what, taken, notes);
  return ids;
}

/// The tables as read, from either layout.
struct SutTables {
  LabelledCsv supply, use, final_demand;
  std::optional<LabelledCsv> value_added;
  std::vector<std::string> value_added_names;  ///< resource names of its rows (empty: the labels)
  std::string final_demand_name, value_added_name;
  std::vector<std::string> notes;
};

SutTables read_labelled(const SutFiles& f) {
  SutTables t;
  t.supply = read_labelled_lines(f.supply, /*nonnegative=*/true);
  t.use = read_labelled_lines(f.use, /*nonnegative=*/true);
  t.final_demand = read_labelled_lines(f.final_demand, /*nonnegative=*/false);
  t.final_demand_name = f.final_demand.string();
  if (f.value_added) {
    t.value_added = read_labelled_lines(*f.value_added, /*nonnegative=*/false);
    t.value_added_name = f.value_added->string();
  }
  return t;
}

/// Codes of a Eurostat industry dimension that are totals or valuation columns, not industries.
bool eurostat_aggregate(const std::string& code) {
  static const std::set<std::string> codes{"TOTAL", "P1", "TS_BP", "TS_PP", "TU", "TFU", "IMP", "P7", "OTTM", "D21X31"};
  return codes.count(code) > 0;
}

bool eurostat_product(const std::string& code) { return code.rfind("CPA_", 0) == 0 && code != "CPA_TOTAL"; }

/// `slice` restricted to `rows` × `cols` (cells without a series 0, counted in `absent`); a cell
/// < 0 is an error naming its line when `nonnegative`.
LabelledCsv sub_table(const EurostatSlice& slice, const std::string& file, const std::vector<std::string>& rows,
                      const std::vector<std::string>& cols, bool nonnegative, int& absent) {
  const auto& m = slice.table.matrix;
  auto index = [](const std::vector<std::string>& ids) {
    std::map<std::string, Index> at;
    for (std::size_t k = 0; k < ids.size(); ++k) at[ids[k]] = static_cast<Index>(k);
    return at;
  };
  const auto r_at = index(m.rows), c_at = index(m.cols);
  LabelledCsv out;
  out.matrix.rows = rows;
  out.matrix.cols = cols;
  out.matrix.data = MatrixXd::Zero(static_cast<Index>(rows.size()), static_cast<Index>(cols.size()));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto r = r_at.find(rows[i]);
    out.row_lines.push_back(r == r_at.end() ? 0 : slice.table.row_lines[static_cast<std::size_t>(r->second)]);
    if (r == r_at.end()) {
      absent += static_cast<int>(cols.size());
      continue;
    }
    for (std::size_t j = 0; j < cols.size(); ++j) {
      const auto c = c_at.find(cols[j]);
      if (!slice.line_of.count({rows[i], cols[j]})) ++absent;
      if (c == c_at.end()) continue;
      const double v = m.data(r->second, c->second);
      if (nonnegative && v < 0)
        throw_bad_input(file, fmt::format("line {}", slice.line_of.at({rows[i], cols[j]})),
                        fmt::format("{} × {} is {}: supply and use must be ≥ 0", rows[i], cols[j], v));
      out.matrix.data(static_cast<Index>(i), static_cast<Index>(j)) = v;
    }
  }
  return out;
}

/// Gross value added B1G and its parts (ESA 2010) as naio_10_cp1610/cp16 publish them in the
/// use table's product dimension, with the names the model gives them.
struct VaCode {
  const char* code;
  const char* name;
};
const VaCode kGrossValueAdded{"B1G", "Value added, gross (B1G)"};
const VaCode kValueAddedParts[] = {{"D1", "Compensation of employees (D1)"},
                                   {"B2A3G", "Operating surplus and mixed income, gross (B2A3G)"},
                                   {"D29X39", "Other taxes less other subsidies on production (D29X39)"}};

/// The use table's value-added rows by industry: the parts of B1G it has (each a row, so that
/// compensation of employees, the labour cost, is a resource of its own), B1G less those parts
/// when a part is missing, or B1G alone; none of them: no table (value added is then g − 1ᵀU).
/// A B1G that differs from the sum of all three parts is noted (Eurostat rounds every cell, so
/// a few units of the last decimal are usual); the rest goes to `other_inputs` below.
std::optional<LabelledCsv> eurostat_value_added(const EurostatSlice& u, const std::string& file,
                                                const std::vector<std::string>& industries, SutTables& t, int& absent) {
  const auto& rows = u.table.matrix.rows;
  auto has = [&](const char* code) { return std::find(rows.begin(), rows.end(), code) != rows.end(); };
  std::vector<std::string> codes;
  for (const auto& p : kValueAddedParts)
    if (has(p.code)) {
      codes.push_back(p.code);
      t.value_added_names.push_back(p.name);
    }
  const bool b1g = has(kGrossValueAdded.code);
  if (codes.empty() && !b1g) return std::nullopt;
  if (codes.empty()) {
    t.value_added_names.push_back(kGrossValueAdded.name);
    return sub_table(u, file, {kGrossValueAdded.code}, industries, false, absent);
  }
  LabelledCsv w = sub_table(u, file, codes, industries, false, absent);
  if (!b1g) return w;
  int b1g_absent = 0;
  const LabelledCsv total = sub_table(u, file, {kGrossValueAdded.code}, industries, false, b1g_absent);
  const Eigen::RowVectorXd rest = total.matrix.data.row(0) - w.matrix.data.colwise().sum();
  if (codes.size() < std::size(kValueAddedParts)) {
    w.matrix.rows.push_back("B1G_other");
    w.matrix.data.conservativeResize(w.matrix.data.rows() + 1, Eigen::NoChange);
    w.matrix.data.row(w.matrix.data.rows() - 1) = rest;
    w.row_lines.push_back(total.row_lines.at(0));
    t.value_added_names.push_back("Value added, gross (B1G), less " + fmt::format("{}", fmt::join(codes, ", ")));
    return w;
  }
  // Eurostat rounds each cell to its last decimal: the parts may miss B1G by a few of those.
  Index worst = 0;
  const double gap = rest.cwiseAbs().maxCoeff(&worst);
  if (gap > 1e-6 * std::max(1.0, total.matrix.data.cwiseAbs().maxCoeff()))
    t.notes.push_back(fmt::format("{}: B1G differs from D1 + B2A3G + D29X39 by up to {:.6g} (industry {}); the parts are read",
                                  file, gap, industries[static_cast<std::size_t>(worst)]));
  return w;
}

SutTables read_eurostat(const SutFiles& f) {
  const EurostatSelection& sel = *f.eurostat;
  const std::vector<std::string> products_dim{"prd_", "prod_"}, industries_dim{"ind_", "induse"};
  const EurostatSlice s = read_eurostat_slice(f.supply, sel, products_dim, industries_dim);
  const EurostatSlice u = read_eurostat_slice(f.use, sel, products_dim, industries_dim);
  const std::string sn = f.supply.string(), un = f.use.string();
  std::vector<std::string> products, use_products, industries, categories;
  for (const auto& p : s.table.matrix.rows)
    if (eurostat_product(p)) products.push_back(p);
  for (const auto& p : u.table.matrix.rows)
    if (eurostat_product(p)) use_products.push_back(p);
  const auto& use_cols = u.table.matrix.cols;
  for (const auto& c : s.table.matrix.cols)
    if (!eurostat_aggregate(c) && std::find(use_cols.begin(), use_cols.end(), c) != use_cols.end()) industries.push_back(c);
  for (const auto& c : eurostat_final_uses())
    if (std::find(use_cols.begin(), use_cols.end(), c) != use_cols.end()) categories.push_back(c);
  if (products.empty()) throw_bad_input(sn, "", fmt::format("no product (CPA_…) rows in {} for {} {}", s.row_dim, sel.geo, sel.period));
  if (industries.empty())
    throw_bad_input(un, "", fmt::format("no industry of {} is also a column of the use table ({})", sn, u.col_dim));
  if (categories.empty())
    throw_bad_input(un, "", fmt::format("no final-use column ({}) in the use table", fmt::join(eurostat_final_uses(), ", ")));
  SutTables t;
  int absent = 0;
  t.supply = sub_table(s, sn, products, industries, true, absent);
  t.use = sub_table(u, un, use_products, industries, true, absent);
  t.final_demand = sub_table(u, un, use_products, categories, false, absent);
  t.final_demand_name = un;
  t.value_added = eurostat_value_added(u, un, industries, t, absent);
  if (t.value_added) t.value_added_name = un;
  if (absent > 0)
    t.notes.push_back(fmt::format("{} cells of supply, use, final demand and value added for {} {} have no series in the files "
                                  "(Eurostat leaves out series without data): taken as 0",
                                  absent, sel.geo, sel.period));
  return t;
}

/// The Eurostat use table at basic prices has B1G but not every primary input of a column
/// (taxes less subsidies on products, D21X31, among them): the rest g − 1ᵀU − 1ᵀW becomes one
/// more value-added row, `other_inputs`, so that every column still sums to its output.
void add_other_inputs(const MatrixXd& s, const MatrixXd& u, MatrixXd& w, std::vector<std::string>& labels,
                      std::vector<std::string>& names, std::vector<std::string>& notes) {
  const Eigen::RowVectorXd g = s.colwise().sum();
  const Eigen::RowVectorXd rest = g - u.colwise().sum() - w.colwise().sum();
  if (rest.cwiseAbs().maxCoeff() <= 1e-9 * std::max(1.0, g.cwiseAbs().maxCoeff())) return;
  w.conservativeResize(w.rows() + 1, Eigen::NoChange);
  w.row(w.rows() - 1) = rest;
  labels.push_back("other_inputs");
  names.push_back("Other inputs: industry output less intermediate use and value added");
  notes.push_back(fmt::format("value added read from the use table; industry output less intermediate use and value added "
                              "(taxes less subsidies on products and any other input) is the row other_inputs, {:.6g} in all",
                              rest.sum()));
}

}  // namespace

const std::vector<std::string>& eurostat_final_uses() {
  static const std::vector<std::string> codes{"P3_S13", "P3_S14", "P3_S15", "P51G", "P52", "P53", "P6"};
  return codes;
}

SutImport import_sut(const SutFiles& f, const SutOptions& o) {
  const std::string supply_name = f.supply.string(), use_name = f.use.string();
  const SutTables tables = f.eurostat ? read_eurostat(f) : read_labelled(f);
  const LabelledCsv& s_csv = tables.supply;
  const LabelledCsv& u_csv = tables.use;
  const auto& products = s_csv.matrix.rows;
  const auto& industries = s_csv.matrix.cols;
  const MatrixXd s = s_csv.matrix.data;
  const MatrixXd u = reorder(u_csv, use_name, products, &industries, supply_name, "product", "industry");
  const MatrixXd y = reorder(tables.final_demand, tables.final_demand_name, products, nullptr, supply_name, "product", "");

  SutImport out;
  ImportedModel& m = out.model;
  m.notes = tables.notes;
  MatrixXd w;
  std::vector<std::string> w_labels, w_names = tables.value_added_names;
  if (tables.value_added) {
    const LabelledCsv& w_csv = *tables.value_added;
    // Value added is rows × industries: reorder its columns by transposing around `reorder`.
    LabelledCsv t;
    t.header_line = w_csv.header_line;
    t.matrix.rows = w_csv.matrix.cols;
    t.matrix.cols = w_csv.matrix.rows;
    t.matrix.data = w_csv.matrix.data.transpose();
    w = reorder(t, tables.value_added_name, industries, nullptr, supply_name, "industry", "").transpose();
    w_labels = w_csv.matrix.rows;
    if (f.eurostat) add_other_inputs(s, u, w, w_labels, w_names, m.notes);
  } else {
    w = (s.colwise().sum() - u.colwise().sum());
    w_labels = {"value_added"};
    m.notes.push_back("no value-added table: value added = industry output − intermediate inputs (one row, value_added)");
  }

  const auto t = analysis::symmetric_table(s, u, y, w, o.model, supply_name);
  out.negatives = t.negatives;
  std::vector<std::string> taken;
  const auto& labels = t.product_by_product ? products : industries;
  const auto ids = ids_of(labels, t.product_by_product ? "product" : "industry", taken, m.notes);
  out.row_ids = out.col_ids = ids;
  MatrixXd z = t.flows;
  if (!t.negatives.empty()) {
    const auto& worst = t.negatives.front();
    const std::string where = fmt::format("row \"{}\", column \"{}\"", ids[static_cast<std::size_t>(worst.row)],
                                          ids[static_cast<std::size_t>(worst.col)]);
    double sum = 0;
    for (const auto& n : t.negatives) sum += n.value;
    if (!o.zero_negatives)
      throw_bad_input(supply_name, "",
                      fmt::format("model {} gives {} negative flows (sum {:.6g}; the largest {:.6g} at {}): a model file "
                                  "needs flows ≥ 0. Use model B or D, or pass --negatives zero to set them to 0 (and then "
                                  "rebalance with planner balance)",
                                  analysis::describe(o.model), t.negatives.size(), sum, worst.value, where));
    for (const auto& n : t.negatives) z(n.row, n.col) = 0;
    m.notes.push_back(fmt::format("{} negative flows of model {} set to 0 (sum {:.6g}; the largest {:.6g} at {})",
                                  t.negatives.size(), analysis::describe(o.model), sum, worst.value, where));
  }

  m.name = o.name.empty() ? f.supply.stem().string() + " (SUT, model " + analysis::describe(o.model) + ")" : o.name;
  m.unit = o.unit;
  m.source = fmt::format("supply {}, use {}, final demand {}{}; Eurostat Manual (2008) ch. 11 model {}", supply_name, use_name,
                         tables.final_demand_name, f.value_added ? ", value added " + f.value_added->string() : "",
                         analysis::describe(o.model));
  if (f.eurostat) m.source += fmt::format(" (Eurostat SDMX-TSV, geo {}, {})", f.eurostat->geo, f.eurostat->period);
  m.flows = z;
  const Eigen::VectorXd demand = t.final_demand.rowwise().sum();
  const Eigen::VectorXd x = z.rowwise().sum() + demand;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto k = static_cast<Index>(i);
    m.sectors.push_back({ids[i], labels[i], x[k], demand[k]});
  }
  const auto va_ids = ids_of(w_labels, "value-added row", taken, m.notes);
  for (std::size_t r = 0; r < w_labels.size(); ++r)
    m.resources.push_back({va_ids[r], r < w_names.size() ? w_names[r] : w_labels[r], "", true,
                           t.value_added.row(static_cast<Index>(r)).transpose()});
  m.balance.push_back({t.product_by_product ? "product output q = S·1 of the supply table" : "industry output g = Sᵀ·1 of the supply table",
                       t.output, x - t.output});
  return out;
}

}  // namespace planner
