// `planner balance MATRIX --totals FILE --out FILE`: RAS / GRAS matrix balancing (Miller &
// Blair §7.4; Junius & Oosterhaven 2003). Parses arguments, reads the matrix and totals,
// calls planner::analysis::balance_matrix and writes the balanced matrix; no numerics here.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>

#include "planner/analysis/matrix_balancing.hpp"
#include "planner/cli/command.hpp"
#include "planner/io/balance_totals.hpp"
#include "planner/io/csv.hpp"
#include "planner/io/json.hpp"
#include "planner/io/output.hpp"

namespace planner::cli {
namespace {

struct Args {
  std::string matrix, totals, out, method = "auto", format = "table";
  double tolerance = 1e-10;
  int max_iterations = 10000;
};

std::string report(const Args& a, const analysis::BalanceOptions& o, const analysis::BalanceResult& r) {
  if (a.format == "json") {
    nlohmann::json j{{"method", analysis::to_string(o.method)},
                     {"iterations", r.iterations},
                     {"max_residual", r.max_residual},
                     {"tolerance", o.tolerance},
                     {"threshold", r.threshold},
                     {"residual_history", r.residual_history},
                     {"row_multipliers", labelled_vector_json(o.row_ids, r.r)},
                     {"column_multipliers", labelled_vector_json(o.col_ids, r.s)},
                     {"out", a.out}};
    return dump_json(j);
  }
  return fmt::format("{} converged in {} iterations: max |row or column sum − total| = {:.3g} ≤ {:.3g} (tolerance {:.3g} "
                     "× the largest total). Wrote {} ({}×{}).\n",
                     o.method == analysis::BalanceMethod::ras ? "RAS" : "GRAS", r.iterations, r.max_residual, r.threshold,
                     o.tolerance, a.out, r.balanced.rows(), r.balanced.cols());
}

void setup(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "balance",
      "Balance a matrix to given row and column totals (update a table to this year's totals).\n"
      "RAS (Miller & Blair §7.4) scales each row i by r_i and each column j by s_j, alternately,\n"
      "until the row sums equal the row totals and the column sums the column totals; zeros stay\n"
      "zero. GRAS (Junius & Oosterhaven 2003; Lenzen et al. 2007) does the same for a matrix with\n"
      "negative cells (subsidies, inventory changes): positive cells are multiplied by r_i s_j,\n"
      "negative ones divided by it, so every cell keeps its sign. The totals must have the same\n"
      "sum, and each row and column must be able to reach its total with the signs it has;\n"
      "otherwise the error names the file and the row or column (exit 2) and nothing is written.");
  cmd->footer(
      "Examples:\n"
      "  planner balance flows-2010.csv --totals totals-2015.csv --out flows-2015.csv\n"
      "  planner balance use.csv --totals targets.csv --out use-balanced.csv --method gras --format json\n"
      "MATRIX is a labelled CSV (first row `sector,<column ids>`, then `<row id>,<numbers>`), any\n"
      "shape. The totals CSV has the header `id,row_total,column_total`, one line per label.");
  auto a = std::make_shared<Args>();
  cmd->add_option("MATRIX", a->matrix, "labelled CSV matrix to balance")->required()->check(CLI::ExistingFile);
  cmd->add_option("--totals,-t", a->totals, "CSV of target totals: id,row_total,column_total")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--out,-o", a->out, "write the balanced matrix (labelled CSV) to FILE, atomically")->required();
  cmd->add_option("--method", a->method, "ras, gras, or auto (gras when the matrix has a negative cell)")
      ->check(CLI::IsMember({"auto", "ras", "gras"}))
      ->capture_default_str();
  cmd->add_option("--tolerance", a->tolerance, "stop when every row and column sum is within tolerance × the largest total")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--max-iterations", a->max_iterations, "give up (exit 2, naming the worst row or column) after this many")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--format,-f", a->format, "report format: table|json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->callback([a] {
    note_input_file(a->matrix);
    note_input_file(a->totals);
    LabelledMatrix m = read_labelled_csv(a->matrix);
    const BalanceTotals t = read_balance_totals(a->totals, m.rows, m.cols);
    analysis::BalanceOptions o;
    o.method = a->method == "gras" || (a->method == "auto" && (m.data.array() < 0).any()) ? analysis::BalanceMethod::gras
                                                                                           : analysis::BalanceMethod::ras;
    o.tolerance = a->tolerance;
    o.max_iterations = a->max_iterations;
    o.row_ids = m.rows;
    o.col_ids = m.cols;
    o.source = a->totals;
    const auto r = analysis::balance_matrix(m.data, t.row_totals, t.column_totals, o);
    m.data = r.balanced;
    write_file_atomically(a->out, labelled_csv_text(m));
    if (!verbosity().quiet || a->format == "json") std::cout << report(*a, o, r);
  });
}

RegisterCommand reg(60, setup);

}  // namespace
}  // namespace planner::cli
