// `planner decompose MODEL_0 MODEL_1`: structural decomposition of the change in gross output
// between two tables into technology and final-demand effects (Dietzenbacher & Los 1998);
// with --final-demand by category, the final demand's level, mix and product structure; with
// --plans, of two solved plan variants' goal-year outputs (lp/goal_year_uses.hpp).
// Parses arguments, calls the library and prints; no numerics here.
#include <fmt/format.h>

#include <memory>
#include <string>

#include "planner/analysis/structural_decomposition.hpp"
#include "planner/cli/command.hpp"
#include "planner/io/final_demand_reader.hpp"
#include "planner/io/json.hpp"
#include "planner/io/model_reader.hpp"
#include "planner/io/output.hpp"
#include "planner/io/plan_reader.hpp"
#include "planner/lp/goal_year_uses.hpp"
#include "planner/lp/solve_plan.hpp"
#include "planner/model/error.hpp"
#include "planner/report/table.hpp"

namespace planner::cli {
namespace {

nlohmann::json effects_json(const std::vector<std::string>& ids, const analysis::DecompositionEffects& d) {
  return {{"technology", labelled_vector_json(ids, d.technology)},
          {"final_demand", labelled_vector_json(ids, d.final_demand())},
          {"demand_level", labelled_vector_json(ids, d.demand_level)},
          {"demand_mix", labelled_vector_json(ids, d.demand_mix)},
          {"demand_structure", labelled_vector_json(ids, d.demand_structure)},
          {"total", {{"technology", d.technology.sum()},
                     {"final_demand", d.final_demand().sum()},
                     {"demand_level", d.demand_level.sum()},
                     {"demand_mix", d.demand_mix.sum()},
                     {"demand_structure", d.demand_structure.sum()}}}};
}

std::string render(const analysis::StructuralDecomposition& r, const std::string& format, const std::string& what) {
  const auto& ids = r.sectors;
  const char* orderings = r.all_orderings ? "all 24 orderings" : "the two polar decompositions";
  if (format == "json") {
    nlohmann::json j{{"sectors", ids},
                     {"of", what},
                     {"categories", r.categories},
                     {"output_0", labelled_vector_json(ids, r.output_0)},
                     {"output_1", labelled_vector_json(ids, r.output_1)},
                     {"change", labelled_vector_json(ids, r.change)},
                     {"total_change", r.change.sum()},
                     {"average", effects_json(ids, r.average)},
                     {"polar_first", effects_json(ids, r.polar_first)},
                     {"polar_last", effects_json(ids, r.polar_last)},
                     {"average_of", orderings}};
    return dump_json(j);
  }
  const bool csv = format == "csv";
  auto num = [&](double v) { return csv ? fmt::format("{}", v) : format_number(v, 4); };
  Table t(csv ? std::vector<std::string>{"sector", "output_0", "output_1", "change", "technology", "final_demand",
                                         "demand_level", "demand_mix", "demand_structure"}
              : std::vector<std::string>{"sector", "x₀ = L₀f₀", "x₁ = L₁f₁", "Δx", "technology ΔL", "final demand Δf",
                                         "  level", "  mix", "  structure"});
  t.set_title(fmt::format("Structural decomposition of {}: Δx = L₁f₁ − L₀f₀ (average of {})", what, orderings));
  auto add = [&](const std::string& id, double x0, double x1, double dx, const analysis::DecompositionEffects& d, Eigen::Index k) {
    t.add_row({id, num(x0), num(x1), num(dx), num(d.technology[k]), num(d.final_demand()[k]), num(d.demand_level[k]),
               num(d.demand_mix[k]), num(d.demand_structure[k])});
  };
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto k = static_cast<Eigen::Index>(i);
    add(ids[i], r.output_0[k], r.output_1[k], r.change[k], r.average, k);
  }
  t.add_rule();
  const auto& a = r.average;
  t.add_row({"total", num(r.output_0.sum()), num(r.output_1.sum()), num(r.change.sum()), num(a.technology.sum()),
             num(a.final_demand().sum()), num(a.demand_level.sum()), num(a.demand_mix.sum()), num(a.demand_structure.sum())});
  if (csv) return t.to_csv();
  std::string out = format == "md" ? t.to_markdown() : t.to_text();
  out += fmt::format(
      "\nPolar forms (totals): ΔL·f₀ + L₁·Δf = {} + {}; ΔL·f₁ + L₀·Δf = {} + {}. Level = change in total final demand, "
      "mix = change in the shares of its categories ({}), structure = change in each category's product shares.\n",
      num(r.polar_first.technology.sum()), num(r.polar_first.final_demand().sum()), num(r.polar_last.technology.sum()),
      num(r.polar_last.final_demand().sum()), fmt::join(r.categories, ", "));
  return out;
}

void setup(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "decompose",
      "Structural decomposition: why gross output changed between two tables of the same\n"
      "sectors. Δx = L₁f₁ − L₀f₀ is split into a technology effect (the change in the Leontief\n"
      "inverse L) and a final-demand effect, the latter into level (total final demand) and\n"
      "product structure (shares). Each decomposition switches the factors from table 0 to\n"
      "table 1 one at a time; its effects sum to Δx exactly. The result is the average of the\n"
      "two polar decompositions, ΔL·f₀ + L₁·Δf and ΔL·f₁ + L₀·Δf (Dietzenbacher & Los 1998),\n"
      "or with --all-orderings the average over all 4! orderings of (L, level, mix, structure).\n"
      "The mix part needs final demand by category (households, investment, exports …):\n"
      "--final-demand Y_0.csv Y_1.csv, whose rows sum to each model's demand; without it the\n"
      "mix effect is 0. With --plans, MODEL_0 and MODEL_1 are two variants of a plan: both are\n"
      "solved and the outputs of their last year are decomposed, f being what that year's output\n"
      "goes to by the plan's own balance — demand, consumption, investment, stock change, net\n"
      "exports, inputs bought ahead, unused — so the mix says whether the variants differ in\n"
      "how much goes to capacity rather than consumption, the structure in which products.");
  cmd->footer(
      "Examples:\n"
      "  planner decompose models/de-2010/model.toml models/de-2015/model.toml\n"
      "  planner decompose base/model.toml later/model.toml --format json --all-orderings\n"
      "  planner decompose base/model.toml later/model.toml --final-demand base/Y.csv later/Y.csv\n"
      "  planner decompose plans/fyp1-gosplan-initial.toml plans/fyp1-gosplan-optimal.toml --plans");
  struct Args {
    std::string model_0, model_1;
    bool all_orderings = false, plans = false;
    std::vector<std::string> final_demand;
    OutputOptions output;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("MODEL_0", a->model_0, "the earlier table (model.toml), or with --plans the first plan")->required();
  cmd->add_option("MODEL_1", a->model_1, "the later table, with the same sectors, or with --plans the second plan")->required();
  cmd->add_flag("--all-orderings", a->all_orderings, "average over all 24 orderings of the factors, not the two polar ones");
  auto* fd = cmd->add_option("--final-demand", a->final_demand,
                             "two CSVs, sector × category, of each table's final demand (rows sum to its demand)")
                 ->expected(2)
                 ->check(CLI::ExistingFile);
  cmd->add_flag("--plans", a->plans, "MODEL_0 and MODEL_1 are plans: decompose their solved last-year outputs")->excludes(fd);
  add_output_options(*cmd, a->output, {"table", "csv", "json", "md"});
  cmd->callback([a] {
    if (a->plans) {
      const Plan p0 = read_plan(a->model_0), p1 = read_plan(a->model_1);
      auto uses = [](const Plan& p) {
        const lp::PlanResult r = lp::solve_plan(p);
        if (r.status != "optimal")
          throw Error(ExitCode::infeasible, p.file, "",
                      fmt::format("the plan is {}: it has no outputs to decompose (planner solve {} says why)", r.status, p.file));
        return lp::goal_year_uses(p, r);
      };
      const auto y0 = uses(p0), y1 = uses(p1);
      const std::string what = fmt::format("the outputs of {} ({}) and {} ({})", p0.calendar_year(p0.years), p0.file,
                                           p1.calendar_year(p1.years), p1.file);
      emit(render(analysis::structural_decomposition(p0.economy, p1.economy, a->all_orderings, &y0, &y1), a->output.format, what),
           a->output.out);
      return;
    }
    const Economy e0 = read_model(a->model_0), e1 = read_model(a->model_1);
    const std::string what = fmt::format("{} → {}", a->model_0, a->model_1);
    if (a->final_demand.empty()) {
      emit(render(analysis::structural_decomposition(e0, e1, a->all_orderings), a->output.format, what), a->output.out);
      return;
    }
    const auto y0 = read_final_demand_categories(a->final_demand[0], e0), y1 = read_final_demand_categories(a->final_demand[1], e1);
    emit(render(analysis::structural_decomposition(e0, e1, a->all_orderings, &y0, &y1), a->output.format, what), a->output.out);
  });
}

RegisterCommand reg(14, setup);

}  // namespace
}  // namespace planner::cli
