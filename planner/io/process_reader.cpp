#include "planner/io/process_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace planner {
namespace {

using toml_fields::Fields;

ProcessKind read_kind(const Fields& f) {
  const std::string kind = f.string("kind").value_or("make");
  if (kind == "make") return ProcessKind::make;
  if (kind == "import") return ProcessKind::import;
  if (kind == "export") return ProcessKind::export_;
  f.fail("kind", fmt::format("expected \"make\", \"import\" or \"export\", got \"{}\"", kind));
}

// `{ sector = amount, … }` with known sector ids; zeros dropped.
std::vector<std::pair<std::size_t, double>> sector_amounts(const Fields& f, std::string_view key, const Economy& e) {
  std::vector<std::pair<std::size_t, double>> out;
  for (const auto& [id, value] : f.number_map(key)) {
    auto i = e.sector_index(id);
    if (!i) f.fail(key, fmt::format("no sector \"{}\" in this model", id));
    if (value != 0.0) out.emplace_back(*i, value);
  }
  return out;
}

Process read_process(const Fields& f, const Economy& e) {
  f.allow_only({"id", "name", "product", "kind", "inputs", "capital", "resources", "currency", "price", "capacity",
                "base", "output", "implicit", "source"});
  Process p;
  p.id = f.required_string("id");
  if (!toml_fields::is_valid_id(p.id))
    f.fail("id", fmt::format("expected an id of lower-case letters, digits and _ ([a-z0-9_]+), got \"{}\"", p.id));
  if (e.process_index(p.id)) f.fail("id", fmt::format("duplicate process id \"{}\"", p.id));
  p.name = f.string("name").value_or(p.id);
  p.product = f.required_string("product");
  auto sector = e.sector_index(p.product);
  if (!sector) f.fail("product", fmt::format("no sector \"{}\" in this model; a process makes or trades one of its sectors", p.product));
  p.sector = *sector;
  p.kind = read_kind(f);
  p.inputs = sector_amounts(f, "inputs", e);
  p.capital = sector_amounts(f, "capital", e);
  for (const auto& [id, value] : f.number_map("resources")) {
    auto r = e.resource_index(id);
    if (!r) f.fail("resources", fmt::format("no resource \"{}\" in this model", id));
    if (value != 0.0) p.resources.emplace_back(*r, value);
  }
  if (p.kind == ProcessKind::make) {
    if (f.has("price")) f.fail("price", "only import and export processes have a price; a make process spends `currency`");
    p.currency = f.number_or_list("currency").value_or(std::vector<double>{});
  } else {
    if (f.has("currency")) f.fail("currency", fmt::format("an {} process has a `price`, not `currency`", to_string(p.kind)));
    auto price = f.number_or_list("price");
    if (!price)
      f.fail("price", fmt::format("an {} process needs a `price` (foreign currency per unit of {}, one number or a list by year)",
                                  to_string(p.kind), p.product));
    p.currency = *price;
  }
  if (f.has("output")) {
    if (p.kind != ProcessKind::make) f.fail("output", "only make processes have an output per unit of activity");
    p.output = *f.positive("output");
  }
  p.capacity = f.number_or_list("capacity").value_or(std::vector<double>{});
  if (f.has("base")) {
    if (p.kind != ProcessKind::make) f.fail("base", "only make processes have a base-year activity");
    p.base = f.nonnegative("base");
  }
  p.source = f.string("source").value_or("");
  return p;
}

// A make process must use something: inputs, a primary factor or foreign currency.
void check_not_free(const Fields& f, const Process& p) {
  bool pays = false;
  for (double c : p.currency) pays = pays || c > 0.0;
  if (p.kind == ProcessKind::make && p.inputs.empty() && p.resources.empty() && !pays)
    f.fail("inputs", fmt::format("process \"{}\" makes \"{}\" from nothing (no inputs, no resources such as labour, no "
                                 "currency): free production would make the plan unbounded",
                                 p.id, p.product));
}

// `implicit = true`: the process is the product's implicit technique — its column of A and its
// resources' per_output move into the process (plus what the process lists, which may not
// repeat them), so the 1928 technique can get a capacity, a base level or a rival.
void take_implicit_technique(const Fields& f, Economy& e, Process& p) {
  const auto j = static_cast<Eigen::Index>(p.sector);
  auto take = [&](std::vector<std::pair<std::size_t, double>>& list, std::size_t id, double amount, const char* key,
                  const std::string& from) {
    for (const auto& [listed, value] : list)
      if (listed == id) f.fail(key, fmt::format("{} is already given by {}; list only what the process adds", value, from));
    list.emplace_back(id, amount);
  };
  if (e.technical.size())
    for (Eigen::Index i = 0; i < e.technical.rows(); ++i)
      if (double a = e.technical(i, j); a != 0.0) {
        take(p.inputs, static_cast<std::size_t>(i), a, "inputs", fmt::format("\"{}\"'s column of [technical]", p.product));
        e.technical(i, j) = 0.0;
      }
  for (std::size_t r = 0; r < e.resources.size(); ++r) {
    Resource& res = e.resources[r];
    if (res.per_output.size() && res.per_output[j] != 0.0) {
      take(p.resources, r, res.per_output[j], "resources", fmt::format("resource \"{}\"'s per_output", res.id));
      res.per_output[j] = 0.0;
    }
  }
}

// A product with make processes is made only by them: its implicit technique must be empty (or
// taken by a process with `implicit = true`), so that no coefficient of the file is silently ignored.
void check_no_implicit_technique(const Fields& f, const Economy& e, std::size_t k) {
  const Process& p = e.processes[k];
  const auto j = static_cast<Eigen::Index>(p.sector);
  auto fail = [&](const std::string& what) {
    f.fail("product", fmt::format("sector \"{}\" is made by processes, so {} must be empty (give its own technique "
                                  "to one of them with `implicit = true`, or write it as one more [[process]])",
                                  p.product, what));
  };
  if (e.technical.size() && e.technical.col(j).cwiseAbs().sum() != 0.0) fail("its column of [technical]");
  for (const Resource& r : e.resources)
    if (r.per_output.size() && r.per_output[j] != 0.0) fail(fmt::format("resource \"{}\"'s per_output for it", r.id));
}

// The base year's output is data: the base levels given must add up to it (all given: exactly).
void check_base_levels(const std::vector<Fields>& fields, const Economy& e) {
  for (std::size_t j = 0; j < e.size(); ++j) {
    double made = 0.0;
    bool all = true;
    std::size_t last = 0;
    for (std::size_t k : e.make_processes(j)) {
      const Process& p = e.processes[k];
      if (p.base) made += p.output * *p.base, last = k;
      all = all && p.base.has_value();
    }
    const double x = e.sectors[j].output, slack = 1e-9 * std::max(1.0, std::fabs(x));
    if (made > x + slack || (all && !e.make_processes(j).empty() && made < x - slack))
      fields[last].fail("base", fmt::format("the base levels of \"{}\"'s processes make {:g}, but its base-year output is {:g}; "
                                            "they must add up to it{}",
                                            e.sectors[j].id, made, x, all ? "" : " (or stay below it, when some are free)"));
  }
}

}  // namespace

void read_processes(const Fields& top, Economy& e) {
  const toml::node* n = top.node("process");
  if (!n) return;
  const toml::array* list = n->as_array();
  if (!list || !list->is_array_of_tables())
    top.fail("process", "expected [[process]] tables (an array of tables), got " + toml_fields::describe(*n));
  std::vector<Fields> fields;
  std::vector<bool> taken(e.size(), false);
  for (std::size_t i = 0; i < list->size(); ++i) {
    const Fields& f = fields.emplace_back(top.child((*list)[i], "process", fmt::format("process[{}]", i + 1)));
    Process& p = e.processes.emplace_back(read_process(f, e));
    if (!f.boolean("implicit").value_or(false)) continue;
    if (p.kind != ProcessKind::make) f.fail("implicit", "only a make process can be the product's own technique");
    if (taken[p.sector]) f.fail("implicit", fmt::format("\"{}\" already has a process with implicit = true", p.product));
    taken[p.sector] = true;
  }
  // Implicit techniques first, so that the check below sees every column they took.
  for (std::size_t k = 0; k < e.processes.size(); ++k)
    if (taken[e.processes[k].sector] && fields[k].boolean("implicit").value_or(false))
      take_implicit_technique(fields[k], e, e.processes[k]);
  check_base_levels(fields, e);
  for (std::size_t k = 0; k < e.processes.size(); ++k) {
    check_not_free(fields[k], e.processes[k]);
    if (e.processes[k].kind == ProcessKind::make) check_no_implicit_technique(fields[k], e, k);
  }
}

}  // namespace planner
