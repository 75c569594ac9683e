#include "planner/io/process_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "planner/model/error.hpp"

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

// `implicit = true` on an import or export: the process is the sector's own import (export), so
// its price and limit are the sector's import_price/import_limit (export_price/export_limit) —
// given there once, not again here — and `price_index` moves the price year by year.
void read_sector_trade(const Fields& f, const Economy& e, Process& p) {
  const Sector& s = e.sectors[p.sector];
  const bool exp = p.kind == ProcessKind::export_;
  const char* price_key = exp ? "export_price" : "import_price";
  const char* limit_key = exp ? "export_limit" : "import_limit";
  if (!(exp ? s.export_price : s.import_price))
    f.fail("implicit", fmt::format("sector \"{}\" has no {} to take; give the process a `price` of its own instead", s.id, price_key));
  if (f.has("price"))
    f.fail("price", fmt::format("an {} with implicit = true is sector \"{}\"'s own, at its {}; give the path as "
                                "`price_index` (a multiplier of that price, one number or a list by year)",
                                to_string(p.kind), s.id, price_key));
  if (f.has("capacity"))
    f.fail("capacity", fmt::format("an {} with implicit = true is limited by sector \"{}\"'s {}; set that (or a plan's "
                                   "[export_limit]) instead",
                                   to_string(p.kind), s.id, limit_key));
  p.price_index = f.number_or_list("price_index").value_or(std::vector<double>{});
}

Process read_process(const Fields& f, const Economy& e) {
  f.allow_only({"id", "name", "product", "kind", "inputs", "capital", "resources", "currency", "price", "capacity",
                "price_index", "base", "output", "implicit", "source"});
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
    p.sector_trade = f.boolean("implicit").value_or(false);
    if (p.sector_trade) read_sector_trade(f, e, p);
    else {
      if (f.has("price_index"))
        f.fail("price_index", "only an import or export with `implicit = true` has a price index (it moves the sector's own "
                              "price); give this process its `price`, one number or a list by year");
      auto price = f.number_or_list("price");
      if (!price)
        f.fail("price", fmt::format("an {} process needs a `price` (foreign currency per unit of {}, one number or a list by year)",
                                    to_string(p.kind), p.product));
      p.currency = *price;
    }
    const char* key = p.sector_trade ? "price_index" : "price";
    p.price_file = f.file();
    p.price_where = f.where(key);
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
    if (p.kind != ProcessKind::make) {
      if (e.sector_trade_process(p.sector, p.kind) != e.processes.size() - 1)
        f.fail("implicit", fmt::format("\"{}\" already has an {} process with implicit = true", p.product, to_string(p.kind)));
      continue;
    }
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

void check_price_lists(const Economy& e, int years) {
  for (const Process& p : e.processes) {
    if (p.kind == ProcessKind::make) continue;
    const std::size_t n = (p.sector_trade ? p.price_index : p.currency).size();
    if (n <= static_cast<std::size_t>(years) + 1) continue;
    throw_bad_input(p.price_file, p.price_where,
                    fmt::format("a list of {} prices for years 0…{}, but the plan has years 0…{}: the last {} would never "
                                "be used (give years 0…{}; years beyond a list repeat its last value)",
                                n, n - 1, years, n - static_cast<std::size_t>(years) - 1, years));
  }
}

}  // namespace planner
