// `planner import flows FILE.csv --out DIR` and `planner import pymrio DIR --out DIR2`: an
// input–output table from another tool's layout into a model folder (model.toml, sectors.csv,
// flows.csv). The conversion lives in planner/io/import_*.cpp; this file parses arguments,
// writes the folder and prints what was decided and how well the table balances.
#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "planner/analysis/productivity.hpp"
#include "planner/cli/colour.hpp"
#include "planner/cli/command.hpp"
#include "planner/io/import_flows.hpp"
#include "planner/io/import_pymrio.hpp"
#include "planner/io/import_sut.hpp"
#include "planner/io/model_reader.hpp"
#include "planner/model/error.hpp"
#include "planner/report/table.hpp"

namespace planner::cli {
namespace {

/// The balance of output x against each total the source printed, one row per sector.
std::string balance_report(const ImportedModel& m, bool all_rows) {
  std::string out;
  for (const auto& b : m.balance) {
    Table t({"sector", "x", "total", "residual", "relative"});
    t.set_title(fmt::format("Balance: output x against {} (residual = x − total)", b.against));
    double worst = 0;
    std::size_t off = 0;
    for (std::size_t i = 0; i < m.sectors.size(); ++i) {
      const auto k = static_cast<Eigen::Index>(i);
      const double rel = b.total[k] != 0 ? b.residual[k] / std::fabs(b.total[k]) : (b.residual[k] == 0 ? 0.0 : INFINITY);
      worst = std::max(worst, std::fabs(rel));
      if (std::fabs(rel) > 1e-9) ++off;
      if (all_rows || std::fabs(rel) > 1e-9)
        t.add_row({m.sectors[i].id, format_number(m.sectors[i].output, 2), format_number(b.total[k], 2),
                   format_number(b.residual[k], 4), fmt::format("{:.3g}", rel)});
    }
    if (t.rows() > 0) out += t.to_text();
    out += fmt::format("{} of {} sectors differ from {} by more than 1e-9 relative; worst relative residual {:.3g}\n", off,
                       m.sectors.size(), b.against, worst);
  }
  return out;
}

void finish(const ImportedModel& m, const std::string& out_dir, bool force) {
  write_model_folder(m, out_dir, force);
  const std::string model_file = (std::filesystem::path(out_dir) / "model.toml").string();
  // The import promises a model that `planner analyze` accepts; say so when it does not. The
  // productivity check is all analyze can refuse, and it costs O(n²) where the whole analysis
  // costs O(n³) (a 5,000-sector SUT import: docs/performance.md).
  std::string productive;
  try {
    analysis::require_productive(read_model(model_file));
  } catch (const Error& e) {
    productive = e.message();
  }
  if (verbosity().quiet) return;
  std::cout << fmt::format("Wrote {} ({} sectors, {} resources): model.toml, sectors.csv, flows.csv\n", out_dir,
                           m.sectors.size(), m.resources.size());
  for (const auto& n : m.notes) std::cout << paint("note:", Style::bold, 1) << " " << n << "\n";
  std::cout << balance_report(m, verbosity().verbose);
  if (!productive.empty())
    std::cout << paint("warning:", Style::yellow, 1) << " planner analyze refuses the model: " << productive << "\n";
  std::cout << fmt::format("Next: planner analyze {}\n", model_file);
}

void setup(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "import",
      "Import an input–output table from another tool's layout into a model folder (model.toml,\n"
      "sectors.csv, flows.csv) that planner check and planner analyze accept. The folder is\n"
      "written all at once; an existing non-empty folder is replaced only with --force.");
  cmd->require_subcommand(1);
  cmd->footer(
      "Examples:\n"
      "  planner import flows table.csv --out models/mine --final-demand-cols households,government,exports\n"
      "  planner import pymrio exiobase-txt/ --out models/exio\n"
      "  planner import sut supply.csv use.csv --final-demand final.csv --value-added va.csv --model D --out models/sut");

  // --- flows ---
  struct FlowsArgs {
    std::string file, out;
    bool force = false;
    FlowsLayout layout;
  };
  auto fa = std::make_shared<FlowsArgs>();
  auto* flows = cmd->add_subcommand(
      "flows",
      "A flows CSV in the common statistical-office layout: a square block of intermediate flows Z\n"
      "(sector rows sell to sector columns), final-demand columns, primary-input rows (value added,\n"
      "wages, employment …) and optionally a total-output row or column. Without options, sectors\n"
      "are the labels that are both a row and a column; a row or column labelled output,\n"
      "total_output, gross_output or x is the total output; other labels starting with \"total\" or\n"
      "holding \"intermediate\" are subtotals and left out; every other column is final demand and\n"
      "every other row a primary input (a resource with `total`). Output x = row sums of Z + final\n"
      "demand; the residual against the total row/column is reported per sector.");
  flows->footer(
      "Examples:\n"
      "  planner import flows table.csv --out models/mine\n"
      "  planner import flows table.csv --out models/mine --final-demand-cols households,government,exports \\\n"
      "      --primary-rows wages,profits --value-added-rows wages,profits --unit \"million EUR\"\n"
      "  planner import flows beutel.csv --out models/de95 --label-col iotables_row --name-col prod_na_lab\n"
      "Lists are comma-separated; labels may be written as in the file or as their sanitised id.");
  flows->add_option("FILE", fa->file, "the flows CSV (comma-separated, first row = column labels)")
      ->required()
      ->check(CLI::ExistingFile);
  flows->add_option("--out,-o", fa->out, "model folder to write")->required();
  flows->add_flag("--force", fa->force, "replace an existing non-empty --out folder");
  flows->add_option("--name", fa->layout.name, "model name (default: the file's name)");
  flows->add_option("--unit", fa->layout.unit, "unit of the table's values, e.g. \"million EUR\"");
  flows->add_option("--label-col", fa->layout.label_col, "column holding the row labels (default: the first); columns left of it are not read");
  flows->add_option("--name-col", fa->layout.name_col, "column holding sector display names");
  flows->add_option("--sectors", fa->layout.sectors, "the sectors (rows and columns of Z), comma-separated")->delimiter(',');
  flows->add_option("--final-demand-cols", fa->layout.final_demand_cols, "final-demand columns (default: every other column)")->delimiter(',');
  flows->add_option("--primary-rows", fa->layout.primary_rows, "primary-input rows (default: every other row)")->delimiter(',');
  flows->add_option("--value-added-rows", fa->layout.value_added_rows, "primary rows that are value added (the price model's v)")->delimiter(',');
  flows->add_option("--skip-rows", fa->layout.skip_rows, "rows to leave out")->delimiter(',');
  flows->add_option("--skip-cols", fa->layout.skip_cols, "columns to leave out")->delimiter(',');
  flows->add_option("--total-row", fa->layout.total_row, "the total-output row (checked against x)");
  flows->add_option("--total-col", fa->layout.total_col, "the total-output column (checked against x)");
  flows->add_option("--output-from", fa->layout.output_from, "output x from: sums (Z·1 + f), total-row or total-col")
      ->check(CLI::IsMember({"sums", "total-row", "total-col"}))
      ->capture_default_str();
  flows->callback([fa] { finish(import_flows_csv(fa->file, fa->layout), fa->out, fa->force); });

  // --- pymrio ---
  struct PymrioArgs {
    std::string dir, out;
    bool force = false;
    PymrioOptions options;
  };
  auto pa = std::make_shared<PymrioArgs>();
  auto* pymrio = cmd->add_subcommand(
      "pymrio",
      "A pymrio folder as IOSystem.save_all() writes it in text format: Z.txt and Y.txt\n"
      "(tab-separated, region and sector header rows and label columns), x.txt and unit.txt\n"
      "optional, and one sub-folder per extension with F.txt. The regions are flattened into one\n"
      "model with sector ids region_sector (sanitised to [a-z0-9_]+; collisions renamed and\n"
      "reported); final demand is the row sum of Y; every extension row becomes a resource with\n"
      "`total` (rows of a factor_inputs extension are marked value added).");
  pymrio->footer(
      "Examples:\n"
      "  planner import pymrio testmrio/ --out models/testmrio\n"
      "  planner import pymrio exio3/ --out models/exio3 --name \"EXIOBASE 3, 2011\" --force");
  pymrio->add_option("DIR", pa->dir, "the pymrio folder")->required()->check(CLI::ExistingDirectory);
  pymrio->add_option("--out,-o", pa->out, "model folder to write")->required();
  pymrio->add_flag("--force", pa->force, "replace an existing non-empty --out folder");
  pymrio->add_option("--name", pa->options.name, "model name (default: the folder's name)");
  pymrio->add_option("--unit", pa->options.unit, "model unit (default: from unit.txt)");
  pymrio->callback([pa] { finish(import_pymrio(pa->dir, pa->options), pa->out, pa->force); });

  // --- sut ---
  struct SutArgs {
    SutFiles files;
    std::string value_added, out, model = "D", negatives = "refuse", layout = "labelled", geo, year;
    std::vector<std::string> select;
    bool force = false;
    SutOptions options;
  };
  auto sa = std::make_shared<SutArgs>();
  auto* sut = cmd->add_subcommand(
      "sut",
      "Supply and use tables (product × industry) to a symmetric input–output table by one of the\n"
      "four models of the Eurostat Manual of Supply, Use and Input–Output Tables (2008), ch. 11:\n"
      "  A  product-by-product, product technology:      Z = U·S⁻¹·diag(q)\n"
      "  B  product-by-product, industry technology:     Z = U·diag(g)⁻¹·Sᵀ\n"
      "  C  industry-by-industry, fixed industry sales:  Z = diag(g)·S⁻¹·U\n"
      "  D  industry-by-industry, fixed product sales:   Z = Sᵀ·diag(q)⁻¹·U\n"
      "(S supply, U use, q = S·1 product output, g = Sᵀ·1 industry output). Final demand is by\n"
      "product (transformed to industries by C and D); value added by industry (transformed to\n"
      "products by A and B) becomes the model's value-added resources. A and C need a square,\n"
      "invertible S and can give negative flows: they are reported (count, largest, where) and\n"
      "refused unless --negatives zero. Supply and use must list the same products and industries.\n"
      "--layout eurostat reads Eurostat's SDMX-TSV files as downloaded (naio_10_cp15 supply, and\n"
      "naio_10_cp1610 use at basic prices, or cp16) for one --geo and --year: products are the\n"
      "CPA_… codes, industries the codes both tables share (totals and valuation columns left\n"
      "out), final demand the use table's P3_S13, P3_S14, P3_S15, P51G, P52, P53 and P6 columns,\n"
      "value added its rows D1 (compensation of employees), B2A3G and D29X39 (or B1G), each a\n"
      "resource, plus other_inputs = output − intermediate use − value added (taxes on products).");
  sut->footer(
      "Examples:\n"
      "  planner import sut supply.csv use.csv --final-demand final.csv --out models/siot\n"
      "  planner import sut supply.csv use.csv --final-demand final.csv --value-added va.csv --model B --out models/pxp\n"
      "  planner import sut naio_10_cp15.tsv naio_10_cp1610.tsv --layout eurostat --geo DE --year 2015 --out models/de15\n"
      "Layouts (labelled CSV, first cell of the header free): supply and use `product,<industries>`;\n"
      "final demand `product,<categories>`; value added `component,<industries>`. Eurostat: a header\n"
      "`freq,unit,stk_flow,ind_impv,prd_amo,geo\\TIME_PERIOD` then year columns, cells `12.3`, `12.3 e`\n"
      "or `:` (missing: refused); dimensions with several codes take unit = MIO_EUR, stk_flow = TOTAL\n"
      "unless --select names another.");
  sut->add_option("SUPPLY", sa->files.supply, "supply table S: products × industries, ≥ 0")->required()->check(CLI::ExistingFile);
  sut->add_option("USE", sa->files.use, "use table U: products × industries, ≥ 0")->required()->check(CLI::ExistingFile);
  sut->add_option("--final-demand", sa->files.final_demand, "final demand Y: products × categories (labelled layout)")
      ->check(CLI::ExistingFile);
  sut->add_option("--layout", sa->layout, "labelled (CSV, products × industries) or eurostat (SDMX-TSV as downloaded)")
      ->check(CLI::IsMember({"labelled", "eurostat"}))
      ->capture_default_str();
  sut->add_option("--geo", sa->geo, "Eurostat layout: the country code, e.g. DE");
  sut->add_option("--year", sa->year, "Eurostat layout: the year (a TIME_PERIOD column), e.g. 2015");
  sut->add_option("--select", sa->select, "Eurostat layout: DIM=CODE for a dimension with several codes, e.g. unit=MIO_NAC");
  sut->add_option("--value-added", sa->value_added, "value added W: components × industries (default: one row, g − inputs)")
      ->check(CLI::ExistingFile);
  sut->add_option("--model", sa->model, "A, B (product-by-product) or C, D (industry-by-industry)")
      ->check(CLI::IsMember({"A", "B", "C", "D", "a", "b", "c", "d"}))
      ->capture_default_str();
  sut->add_option("--negatives", sa->negatives, "negative flows of models A and C: refuse (exit 2) or zero (set to 0, noted)")
      ->check(CLI::IsMember({"refuse", "zero"}))
      ->capture_default_str();
  sut->add_option("--out,-o", sa->out, "model folder to write")->required();
  sut->add_flag("--force", sa->force, "replace an existing non-empty --out folder");
  sut->add_option("--name", sa->options.name, "model name");
  sut->add_option("--unit", sa->options.unit, "unit of the tables' values, e.g. \"million EUR\"");
  sut->callback([sa] {
    if (sa->layout == "eurostat") {
      if (sa->geo.empty() || sa->year.empty()) throw CLI::ValidationError("--layout eurostat", "needs --geo and --year");
      if (!sa->files.final_demand.empty() || !sa->value_added.empty())
        throw CLI::ValidationError("--layout eurostat", "takes final demand from the use table: drop --final-demand and --value-added");
      EurostatSelection sel{sa->geo, sa->year, {}};
      for (const auto& s : sa->select) {
        const auto eq = s.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == s.size())
          throw CLI::ValidationError("--select", fmt::format("expected DIM=CODE, got \"{}\"", s));
        sel.select[s.substr(0, eq)] = s.substr(eq + 1);
      }
      sa->files.eurostat = sel;
    } else {
      if (sa->files.final_demand.empty()) throw CLI::ValidationError("--final-demand", "is required (labelled layout)");
      if (!sa->geo.empty() || !sa->year.empty() || !sa->select.empty())
        throw CLI::ValidationError("--geo/--year/--select", "apply to --layout eurostat only");
    }
    if (!sa->value_added.empty()) sa->files.value_added = sa->value_added;
    const char m = static_cast<char>(std::toupper(static_cast<unsigned char>(sa->model[0])));
    sa->options.model = m == 'A' ? analysis::SutModel::a : m == 'B' ? analysis::SutModel::b
                      : m == 'C' ? analysis::SutModel::c : analysis::SutModel::d;
    sa->options.zero_negatives = sa->negatives == "zero";
    finish(import_sut(sa->files, sa->options).model, sa->out, sa->force);
  });
}

RegisterCommand reg(50, setup);

}  // namespace
}  // namespace planner::cli
