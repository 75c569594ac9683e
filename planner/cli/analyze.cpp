// `planner analyze MODEL`: the static input–output analysis of a model (spec §1, §4).
// Parses arguments, calls planner::analysis::analyze (dense) or analyze_sparse and prints;
// no numerics here.
//
// Dense or sparse (--analysis auto): a model whose [technical] is a triplet CSV is read
// sparse first; analysis::choose_analysis then picks dense (every quantity, L and G as
// matrices) for up to 2,000 sectors or a dense table, sparse (per-sector vectors from
// iterative solves) beyond. A sparse table prints a summary and the top sectors (--top);
// its full vectors come with --format csv (one row per sector) or json.
// A relative residual above 1e-8 is printed as a warning on standard error (and in the
// table), never silently.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include "planner/analysis/leontief.hpp"
#include "planner/analysis/sparse_analysis.hpp"
#include "planner/analysis/static_analysis.hpp"
#include "planner/cli/command.hpp"
#include "planner/cli/progress.hpp"
#include "planner/io/json.hpp"
#include "planner/io/model_reader.hpp"
#include "planner/io/output.hpp"
#include "planner/io/sparse_analysis_output.hpp"
#include "planner/io/sparse_model_reader.hpp"
#include "planner/model/error.hpp"
#include "planner/report/table.hpp"
#include "planner/uncertainty/static_uncertainty.hpp"

namespace planner::cli {
namespace {

/// One labelled quantity of the analysis, ready to print as a table or labelled CSV.
struct Quantity {
  std::string title;
  std::string row_label;           // header of the first column: sector, resource or quantity
  std::vector<std::string> rows, cols;
  Eigen::MatrixXd data;            // numbers (empty when `text` is used)
  std::vector<std::string> text;   // one text cell per row (key_sectors)
};

const std::vector<std::string>& quantity_names() {
  static const std::vector<std::string> names{
      "technical", "leontief_inverse", "ghosh_inverse", "allocation", "flows", "output", "final_demand",
      "required_output", "output_multipliers", "backward_linkage", "forward_linkage", "backward_linkage_raw", "forward_linkage_raw",
      "key_sectors", "input_multipliers", "value_added", "prices", "spectral_radius", "productive"};
  return names;
}

Quantity quantity(const analysis::StaticAnalysis& a, const std::string& name) {
  const auto& s = a.sectors;
  auto matrix = [&](std::string title, const Eigen::MatrixXd& m) { return Quantity{std::move(title), "sector", s, s, m, {}}; };
  auto vector = [&](std::string title, const Eigen::VectorXd& v) { return Quantity{std::move(title), "sector", s, {name}, v, {}}; };
  if (name == "technical") return matrix("Technical coefficients A (input of row per unit of column's output)", a.technical);
  if (name == "leontief_inverse") return matrix("Leontief inverse L = (I − A)⁻¹ (total requirements)", a.leontief_inverse);
  if (name == "ghosh_inverse") return matrix("Ghosh inverse G = (I − B)⁻¹", a.ghosh_inverse);
  if (name == "allocation") return matrix("Allocation coefficients B = diag(x)⁻¹ Z (share of row's output sold to column)", a.allocation);
  if (name == "flows") return matrix("Intermediate flows Z", a.flows);
  if (name == "output") return vector("Base-year output x", a.output);
  if (name == "final_demand") return vector("Final demand f", a.final_demand);
  if (name == "required_output") return vector("Output required by final demand x = L f", a.required_output);
  if (name == "output_multipliers") return vector("Output multipliers (column sums of L)", a.output_multipliers);
  if (name == "backward_linkage") return vector("Backward linkage (Rasmussen index)", a.linkages.backward);
  if (name == "forward_linkage") return vector("Forward linkage (Rasmussen index)", a.linkages.forward);
  if (name == "backward_linkage_raw") return vector("Backward linkage (column sums of L)", a.linkages.backward_raw);
  if (name == "forward_linkage_raw") return vector("Forward linkage (row sums of G)", a.linkages.forward_raw);
  if (name == "value_added") return vector("Value added per unit of output v", a.value_added.coefficients);
  if (name == "prices") return vector("Prices p = (I − A)ᵀ⁻¹ v", a.prices);
  if (name == "input_multipliers")
    return Quantity{"Input multipliers k·L (resource use per unit of final demand)", "resource", a.resources, s, a.input_multipliers, {}};
  if (name == "key_sectors") {
    Quantity q{"Key sectors (backward and forward linkage ≥ 1)", "sector", s, {name}, {}, {}};
    for (auto c : a.linkages.key_sectors) q.text.emplace_back(analysis::to_string(c));
    return q;
  }
  if (name == "spectral_radius") return Quantity{"Spectral radius of A", "quantity", {"spectral_radius"}, {"value"}, Eigen::MatrixXd::Constant(1, 1, a.spectral_radius), {}};
  return Quantity{"Productive (Hawkins–Simon holds)", "quantity", {"productive"}, {"value"}, {}, {a.productive ? "true" : "false"}};
}

/// A table of the quantity: full round-trip precision for CSV, 4 decimals for reading.
Table quantity_table(const Quantity& q, bool precise) {
  std::vector<std::string> headers{q.row_label};
  headers.insert(headers.end(), q.cols.begin(), q.cols.end());
  Table t(headers);
  if (!q.text.empty()) t.align(1, Table::Align::left);
  t.set_title(q.title);
  for (std::size_t i = 0; i < q.rows.size(); ++i) {
    std::vector<std::string> row{q.rows[i]};
    if (!q.text.empty()) {
      row.push_back(q.text[i]);
    } else {
      for (Eigen::Index j = 0; j < q.data.cols(); ++j) {
        double v = q.data(static_cast<Eigen::Index>(i), j);
        row.push_back(precise ? fmt::format("{}", v) : format_number(v, 4));
      }
    }
    t.add_row(std::move(row));
  }
  return t;
}

/// One row per sector: its name, unit and every per-sector result.
Table summary_table(const Economy& e, const analysis::StaticAnalysis& a, bool precise) {
  std::vector<std::string> headers{"sector", "name", "unit", "output", "output_multiplier", "backward_linkage",
                                   "forward_linkage", "key_sector", "price"};
  for (const auto& r : a.resources) headers.push_back(r + "_multiplier");
  Table t(headers);
  t.align(1, Table::Align::left);
  t.align(2, Table::Align::left);
  t.align(7, Table::Align::left);
  auto num = [&](double v) { return precise ? fmt::format("{}", v) : format_number(v, 4); };
  for (std::size_t i = 0; i < a.sectors.size(); ++i) {
    const auto j = static_cast<Eigen::Index>(i);
    const auto& sec = e.sectors[i];
    std::vector<std::string> row{sec.id, sec.name, sec.unit.empty() ? e.unit : sec.unit, num(a.output[j]),
                                 num(a.output_multipliers[j]), num(a.linkages.backward[j]), num(a.linkages.forward[j]),
                                 std::string(analysis::to_string(a.linkages.key_sectors[i])), num(a.prices[j])};
    for (std::size_t r = 0; r < a.resources.size(); ++r) row.push_back(num(a.input_multipliers(static_cast<Eigen::Index>(r), j)));
    t.add_row(std::move(row));
  }
  return t;
}

std::string render(const Economy& e, const analysis::StaticAnalysis& a, const std::string& format,
                   const std::optional<std::string>& what) {
  if (format == "json") {
    nlohmann::json all = analysis_json(a);
    all["analysis"] = "dense";
    all["required_output"] = labelled_vector_json(a.sectors, a.required_output);
    all["residual"] = a.residual;
    all["spectral_radius_bounds"] = {a.spectral_radius_lower, a.spectral_radius_upper};
    if (!what) return dump_json(all);
    return dump_json(nlohmann::json{{*what, all.at(*what)}});
  }
  if (format == "csv") {
    return what ? quantity_table(quantity(a, *what), true).to_csv() : summary_table(e, a, true).to_csv();
  }
  const bool md = format == "md";
  auto show = [&](const Table& t) { return md ? t.to_markdown() : t.to_text(); };
  if (what) return show(quantity_table(quantity(a, *what), false));

  std::string out = md ? "## " + e.name + "\n\n" : e.name + "\n\n";
  const std::string radius =
      a.spectral_method == "eigenvalues"
          ? format_number(a.spectral_radius, 4)
          : fmt::format("{} ({} ≤ ρ(A) ≤ {}, {})", format_number(a.spectral_radius, 4), format_number(a.spectral_radius_lower, 6),
                        format_number(a.spectral_radius_upper, 6), a.spectral_method);
  out += fmt::format("Productive: yes, spectral radius ρ(A) = {}. Prices: {}.\n\n", radius,
                     a.value_added.resources.empty()
                         ? std::string("value added = 1 − column sums of A (base prices 1)")
                         : "value added = " + fmt::format("{}", fmt::join(a.value_added.resources, " + ")));
  if (!a.inputs_exceed_output.empty())
    out += fmt::format("Note: inputs per unit of output (column sum of A) are ≥ 1 in {}: negative value added if A is "
                       "in value terms.\n\n",
                       fmt::join(a.inputs_exceed_output, ", "));
  Table summary = summary_table(e, a, false);
  summary.set_title("Multipliers, linkages (Rasmussen indices), key sectors, prices");
  out += show(summary) + "\n";
  out += show(quantity_table(quantity(a, "leontief_inverse"), false));
  if (a.residual > analysis::residual_warning)
    out += fmt::format("\nWarning: a relative residual is {:.2e} (> {:.0e}): these results may be inaccurate.\n", a.residual,
                       analysis::residual_warning);
  return out;
}

std::string sparse_summary(const SparseEconomy& e, const analysis::SparseAnalysis& a, std::size_t top, bool markdown) {
  auto show = [&](const Table& t) { return markdown ? t.to_markdown() : t.to_text(); };
  const std::size_t n = a.sectors.size();
  std::string out = markdown ? "## " + e.name + "\n\n" : e.name + "\n\n";
  out += fmt::format(
      "Sparse analysis: {} sectors, {} nonzero coefficients ({:.3g} per sector). L and G are not formed; "
      "the full per-sector results are in --format csv or json.\n",
      n, a.nonzeros, n ? static_cast<double>(a.nonzeros) / static_cast<double>(n) : 0.0);
  out += fmt::format("Productive: yes, {} ≤ ρ(A) ≤ {} (Collatz–Wielandt bounds, {} power iterations).\n",
                     format_number(a.spectral_radius_lower, 6), format_number(a.spectral_radius_upper, 6),
                     a.spectral_iterations);
  if (a.inputs_exceed_output)
    out += fmt::format("Note: inputs per unit of output (column sum of A) are ≥ 1 in {} sectors.\n", a.inputs_exceed_output);
  out += fmt::format("Total final demand {}, total output required x = L·f: {}.\n\n", format_number(a.final_demand.sum(), 4),
                     format_number(a.required_output.sum(), 4));

  Table solves({"quantity", "method", "iterations", "relative residual"});
  solves.align(0, Table::Align::left);
  solves.align(1, Table::Align::left);
  solves.set_title("Iterative solves");
  for (const auto& r : a.solves)
    solves.add_row({r.quantity, r.method, fmt::format("{}", r.iterations), fmt::format("{:.2e}", r.residual)});
  out += show(solves) + "\n";

  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  const std::size_t shown = std::min(top, n);
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown), order.end(),
                    [&](std::size_t x, std::size_t y) {
                      const double mx = a.output_multipliers[static_cast<Eigen::Index>(x)];
                      const double my = a.output_multipliers[static_cast<Eigen::Index>(y)];
                      return mx != my ? mx > my : x < y;
                    });
  const bool forward = a.forward_linkage.size() == static_cast<Eigen::Index>(n);
  std::vector<std::string> headers{"sector", "name", "required_output", "output_multiplier", "backward_linkage"};
  if (forward) {
    headers.push_back("forward_linkage");
    headers.push_back("key_sector");
  }
  for (const auto& r : a.resources) headers.push_back(r + "_multiplier");
  Table t(headers);
  t.align(1, Table::Align::left);
  if (forward) t.align(6, Table::Align::left);
  t.set_title(fmt::format("The {} sectors with the largest output multipliers (of {})", shown, n));
  for (std::size_t k = 0; k < shown; ++k) {
    const std::size_t i = order[k];
    const auto j = static_cast<Eigen::Index>(i);
    std::vector<std::string> row{a.sectors[i], e.sectors[i].name, format_number(a.required_output[j], 4),
                                 format_number(a.output_multipliers[j], 4), format_number(a.backward_linkage[j], 4)};
    if (forward) {
      row.push_back(format_number(a.forward_linkage[j], 4));
      row.emplace_back(analysis::to_string(a.key_sectors[i]));
    }
    for (std::size_t r = 0; r < a.resources.size(); ++r)
      row.push_back(format_number(a.input_multipliers(static_cast<Eigen::Index>(r), j), 4));
    t.add_row(std::move(row));
  }
  out += show(t);
  if (a.residual > analysis::residual_warning)
    out += fmt::format("\nWarning: a relative residual is {:.2e} (> {:.0e}): these results may be inaccurate.\n", a.residual,
                       analysis::residual_warning);
  return out;
}


std::string render_sparse(const SparseEconomy& e, const analysis::SparseAnalysis& a, const std::string& format,
                          const std::optional<std::string>& what, std::size_t top) {
  if (what) {
    const auto& names = sparse_quantity_names();
    if (std::find(names.begin(), names.end(), *what) == names.end())
      throw Error(ExitCode::usage, "", "--what",
                  fmt::format("\"{}\" is an n×n matrix, not formed by the sparse analysis of {} sectors; one of: {}", *what,
                              a.sectors.size(), fmt::join(names, ", ")));
  }
  if (format == "json") return sparse_analysis_json(a, what);
  if (format == "csv") return sparse_analysis_csv(a, what);
  if (what) throw Error(ExitCode::usage, "", "--what", "a sparse analysis prints one quantity with --format csv or json");
  return sparse_summary(e, a, top, format == "md");
}

/// Prints the warning for a poor residual on standard error (results still go out).
void warn_residual(double residual) {
  if (residual > analysis::residual_warning)
    fmt::print(stderr, "planner: warning: relative residual {:.2e} > {:.0e}; the results may be inaccurate\n", residual,
               analysis::residual_warning);
}

void setup(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "analyze",
      "Static input–output analysis of a model: technical coefficients A, the Leontief inverse\n"
      "L = (I − A)⁻¹ (column j: output every sector must produce so that one more unit of j\n"
      "reaches final demand), the Ghosh inverse G, output and input multipliers, backward and\n"
      "forward linkages (Rasmussen indices: above 1 = stronger than the average sector), key\n"
      "sectors and Leontief prices. A model that is not productive (spectral radius of A ≥ 1:\n"
      "no non-negative output can meet demand) is refused with the sectors at fault (exit 2).");
  cmd->footer(
      "Examples:\n"
      "  planner analyze models/miller-blair-2/model.toml\n"
      "  planner analyze models/eurostat-germany-1995/model.toml --what output_multipliers\n"
      "  planner analyze models/pymrio-small/model.toml --format csv --what leontief_inverse\n"
      "  planner analyze models/miller-blair-2/model.toml --format json --out analysis.json\n"
      "  planner analyze big/model.toml --analysis sparse --format csv --out sectors.csv   (triplets A, 10⁶ sectors)");
  struct Args {
    std::string model;
    std::string what;
    std::string analysis = "auto";
    std::string solver = "bicgstab";
    double tolerance = 1e-12;
    std::size_t top = 20;
    std::size_t samples = 0;
    std::uint64_t seed = 1;
    OutputOptions output;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("MODEL", args->model, "model file (model.toml, spec §3)")->required();
  std::vector<std::string> all_names = quantity_names();
  for (const auto& name : sparse_quantity_names())
    if (std::find(all_names.begin(), all_names.end(), name) == all_names.end()) all_names.push_back(name);
  cmd->add_option("--what,-w", args->what, "print one quantity only, named as its JSON key")
      ->check(CLI::IsMember(all_names));
  cmd->add_option("--analysis", args->analysis,
                  "dense (all quantities, n×n L and G), sparse (per-sector vectors by iterative solves; needs a\n"
                  "triplets [technical]) or auto: sparse beyond 2,000 sectors with ≤ 5% nonzeros")
      ->check(CLI::IsMember({"auto", "dense", "sparse"}))
      ->capture_default_str();
  cmd->add_option("--solver", args->solver, "iterative method of the sparse analysis")
      ->check(CLI::IsMember({"bicgstab", "jacobi"}))
      ->capture_default_str();
  cmd->add_option("--tolerance", args->tolerance, "relative residual at which the sparse solves stop")
      ->check(CLI::Range(1e-16, 1e-4))
      ->capture_default_str();
  cmd->add_option("--top", args->top, "sectors listed in the sparse analysis table")->capture_default_str();
  cmd->add_option("--samples", args->samples,
                  "how sure: draw every uncertain number of the model's files N times and report per sector the\n"
                  "5/25/50/75/95 percentiles of output (x = L f), output_multipliers, backward_linkage,\n"
                  "forward_linkage and prices; CSV columns sector,quantity,p5,p25,p50,p75,p95 (dense models)");
  cmd->add_option("--seed", args->seed, "seed of the draws (default 1)");
  add_output_options(*cmd, args->output, {"table", "csv", "json", "md"});
  cmd->callback([args] {
    std::optional<std::string> what;
    if (!args->what.empty()) what = args->what;
    if (args->samples > 0) {
      if (what) throw Error(ExitCode::usage, "", "--what", "--samples reports its five quantities; leave out --what");
      if (technical_is_triplets(args->model))
        throw Error(ExitCode::usage, args->model, "technical", "--samples needs a dense model (the sparse analysis has no draws yet)");
      const uncertainty::UncertainModel model(args->model);
      const bool show = progress_wanted();
      const auto run = uncertainty::run_static(model, args->samples, args->seed, 0, [show](std::size_t done, std::size_t all) {
        if (show && (done % 100 == 0 || done == all)) draw_progress(static_cast<int>(done), static_cast<int>(all));
      });
      const std::string& f = args->output.format;
      emit(f == "csv" ? uncertainty::to_csv(run) : f == "json" ? uncertainty::to_json(run).dump(2) + "\n" : uncertainty::to_text(run, args->top),
           args->output.out);
      return;
    }
    if (args->analysis != "dense" && technical_is_triplets(args->model)) {
      SparseEconomy sparse = read_sparse_model(args->model);
      const auto kind = args->analysis == "sparse"
                            ? analysis::AnalysisKind::sparse
                            : analysis::choose_analysis(sparse.size(), static_cast<std::size_t>(sparse.technical.nonZeros()));
      if (kind == analysis::AnalysisKind::sparse) {
        analysis::IterativeOptions options;
        options.method = args->solver == "jacobi" ? analysis::IterativeMethod::jacobi : analysis::IterativeMethod::bicgstab;
        options.tolerance = args->tolerance;
        analysis::SparseAnalysis a = analysis::analyze_sparse(sparse, options);
        warn_residual(a.residual);
        emit(render_sparse(sparse, a, args->output.format, what, args->top), args->output.out);
        return;
      }
    } else if (args->analysis == "sparse") {
      throw Error(ExitCode::usage, args->model, "technical",
                  "--analysis sparse needs the technical coefficients as `triplets = \"file.csv\"` (row,col,value)");
    }
    Economy economy = read_model(args->model);
    analysis::StaticAnalysis a = analysis::analyze(economy);
    warn_residual(a.residual);
    emit(render(economy, a, args->output.format, what), args->output.out);
  });
}

RegisterCommand reg(10, setup);

}  // namespace
}  // namespace planner::cli
