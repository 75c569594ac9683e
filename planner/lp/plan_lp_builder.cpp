#include "planner/lp/plan_lp_builder.hpp"

#include <fmt/format.h>

#include <Eigen/SparseCore>
#include <Eigen/SparseLU>

#include <algorithm>
#include <cmath>

#include "planner/model/error.hpp"
#include "planner/model/techniques.hpp"

namespace planner::lp {
namespace {

using Index = Eigen::Index;

std::string sector_year(const char* what, const std::string& id, int t) { return fmt::format("{}[{},{}]", what, id, t); }

// Column of a per-sector (or per-process), per-year variable, or −1 when it does not exist.
int column_at(const std::vector<std::vector<int>>& v, std::size_t j, int t) {
  if (v.empty() || t < 0 || t >= static_cast<int>(v[j].size())) return -1;
  return v[j][static_cast<std::size_t>(t)];
}

bool uses(const Plan& plan, ObjectiveKind kind) {
  return plan.objective.kind == kind || (plan.then && plan.then->kind == kind);
}

// Builds the constraint part of §2; objectives are added by plan_objective.cpp.
class CoreBuilder {
 public:
  CoreBuilder(const Plan& plan, LpBuilder& b, PlanColumns& cols)
      : plan_(plan), e_(plan.economy), b_(b), cols_(cols), n_(plan.economy.size()), T_(plan.years), H_(plan.horizon()) {}

  void build() {
    index_coefficients();
    add_variables();
    add_process_variables();
    add_balances();
    add_capacities();
    add_techniques();
    add_resources();
    add_terminal();
    add_currency();
  }

 private:
  int ell_a() const { return e_.technical_lag; }
  int ell_b() const { return e_.capital_lag; }
  double A(std::size_t i, std::size_t j) const {
    return e_.technical.size() ? e_.technical(static_cast<Index>(i), static_cast<Index>(j)) : 0.0;
  }
  double Bk(std::size_t i, std::size_t j) const {
    return e_.capital.size() ? e_.capital(static_cast<Index>(i), static_cast<Index>(j)) : 0.0;
  }
  // Nonzeros of row i of A and Bk, (j, A(i,j), Bk(i,j)) in column order: one O(n²) scan, so the
  // balances cost O(nonzeros) per year instead of O(n²).
  void index_coefficients() {
    row_terms_.assign(n_, {});
    for (std::size_t i = 0; i < n_; ++i)
      for (std::size_t j = 0; j < n_; ++j)
        if (A(i, j) != 0.0 || Bk(i, j) != 0.0) row_terms_[i].push_back({j, A(i, j), Bk(i, j)});
    // The processes' entries by the product they use or trade, so each balance reads only its own.
    process_terms_.assign(n_, {});
    for (std::size_t p = 0; p < e_.processes.size(); ++p) {
      const Process& pr = e_.processes[p];
      for (const auto& [i, a] : pr.inputs) process_terms_[i].push_back({p, a, 0.0, 0.0});
      for (const auto& [i, b] : pr.capital) process_terms_[i].push_back({p, 0.0, b, 0.0});
      if (pr.kind == ProcessKind::import) process_terms_[pr.sector].push_back({p, 0.0, 0.0, 1.0});
      if (pr.kind == ProcessKind::export_) process_terms_[pr.sector].push_back({p, 0.0, 0.0, -1.0});
    }
  }

  static int col(const std::vector<std::vector<int>>& v, std::size_t j, int t) { return column_at(v, j, t); }

  // The last year with balance rows: H when the steady-state year's balance is the same year's, else T.
  int last_balance() const { return (H_ > T_ && ell_a() == 0) ? H_ : T_; }

  void add_variables() {
    auto table = [&](std::vector<std::vector<int>>& v) { v.assign(n_, std::vector<int>(static_cast<std::size_t>(H_) + 1, -1)); };
    for (auto* v : {&cols_.output, &cols_.stock, &cols_.capacity_addition, &cols_.exports, &cols_.imports, &cols_.consumption})
      table(*v);
    const bool consumption = uses(plan_, ObjectiveKind::max_consumption);
    for (std::size_t j = 0; j < n_; ++j) {
      const Sector& s = e_.sectors[j];
      for (int t = 0; t <= H_; ++t) {
        // Year 0 is history: base-year output and opening stock are data, fixed columns.
        double lo = t == 0 ? s.output : 0.0, hi = t == 0 ? s.output : kInf;
        cols_.output[j][t] = b_.add_variable(sector_year("output", s.id, t), lo, hi);
      }
      for (int t = 0; t <= H_; ++t) {
        double lo = t == 0 ? s.stock : 0.0, hi = t == 0 ? s.stock : kInf;
        cols_.stock[j][t] = b_.add_variable(sector_year("stock", s.id, t), lo, hi);
      }
      // Capacity can only be added where capacity is modelled, and only takes effect in the plan.
      if (s.capacity)
        for (int t = std::max(1, ell_b()); t <= T_; ++t)
          cols_.capacity_addition[j][t] = b_.add_variable(sector_year("capacity_addition", s.id, t), 0.0, kInf);
      for (int t = 1; t <= T_; ++t) {
        // A sector whose export (import) is a process with implicit = true trades only through it.
        if (s.export_price && !e_.sector_trade_process(j, ProcessKind::export_))
          cols_.exports[j][t] = b_.add_variable(sector_year("export", s.id, t), 0.0, s.export_limit.value_or(kInf));
        if (s.import_price && !e_.sector_trade_process(j, ProcessKind::import))
          cols_.imports[j][t] = b_.add_variable(sector_year("import", s.id, t), 0.0, s.import_limit.value_or(kInf));
        if (consumption) cols_.consumption[j][t] = b_.add_variable(sector_year("consumption", s.id, t), 0.0, kInf);
      }
    }
  }

  // Activity of every process by year: make processes in years 0…H (year 0 fixed at `base`
  // when given, else a free split of the base output), trade processes in plan years 1…T like
  // exports and imports; growth where a process has capital inputs and a balance can pay for it.
  void add_process_variables() {
    const std::size_t np = e_.processes.size();
    cols_.activity.assign(np, std::vector<int>(static_cast<std::size_t>(H_) + 1, -1));
    cols_.growth.assign(np, std::vector<int>(static_cast<std::size_t>(H_) + 1, -1));
    for (std::size_t p = 0; p < np; ++p) {
      const Process& pr = e_.processes[p];
      const bool make = pr.kind == ProcessKind::make;
      for (int t = make ? 0 : 1; t <= (make ? H_ : T_); ++t) {
        double lo = 0.0, hi = kInf;
        if (t == 0 && pr.base) lo = hi = *pr.base;
        cols_.activity[p][static_cast<std::size_t>(t)] = b_.add_variable(sector_year("activity", pr.id, t), lo, hi);
      }
      if (make && !pr.capital.empty())
        for (int t = std::max(1, ell_b()); t <= H_ && t - ell_b() <= last_balance(); ++t)
          cols_.growth[p][static_cast<std::size_t>(t)] = b_.add_variable(sector_year("growth", pr.id, t), 0.0, kInf);
    }
  }

  // s[i,t] + x[i,t] + m[i,t] = Σ_j A x[j,t+ℓA] + Σ_j Bk e[j,t+ℓB] + d[i,t] + z[i,t] + c[i,t] + s[i,t+1]
  // (+ imports by process − their inputs and exports; Σ_p a_p activity[p,t+ℓA] + Σ_p b_p growth[p,t+ℓB])
  void add_balances() {
    int last = last_balance();
    for (int t = 0; t <= last; ++t)
      for (std::size_t i = 0; i < n_; ++i) {
        std::vector<Term> terms{{col(cols_.stock, i, t), 1.0}, {col(cols_.output, i, t), 1.0}};
        for (const RowTerm& rt : row_terms_[i]) {
          if (int x = col(cols_.output, rt.j, t + ell_a()); x >= 0 && rt.a != 0.0) terms.push_back({x, -rt.a});
          if (int e = col(cols_.capacity_addition, rt.j, t + ell_b()); e >= 0 && rt.b != 0.0) terms.push_back({e, -rt.b});
        }
        for (const ProcessTerm& pt : process_terms_[i]) {
          if (int x = col(cols_.activity, pt.p, t + ell_a()); x >= 0 && pt.a != 0.0) terms.push_back({x, -pt.a});
          if (int g = col(cols_.growth, pt.p, t + ell_b()); g >= 0 && pt.b != 0.0) terms.push_back({g, -pt.b});
          if (int x = col(cols_.activity, pt.p, t); x >= 0 && pt.trade != 0.0) terms.push_back({x, pt.trade});
        }
        if (t < H_) terms.push_back({col(cols_.stock, i, t + 1), -1.0});  // no stock is carried out of year H
        if (int m = col(cols_.imports, i, t); m >= 0) terms.push_back({m, 1.0});
        if (int z = col(cols_.exports, i, t); z >= 0) terms.push_back({z, -1.0});
        if (int c = col(cols_.consumption, i, t); c >= 0) terms.push_back({c, -1.0});
        double d = plan_demand(plan_, i, t);
        // No stock leaves year H; with free disposal its surplus may simply go unused.
        double upper = (t == H_ && plan_.free_disposal) ? kInf : d;
        b_.add_row(sector_year("balance", e_.sectors[i].id, t), terms, d, upper);
      }
  }

  // x[j,t] ≤ k̄(1−δ)^t + Σ_{τ≤t} e[j,τ](1−δ)^{t−τ}; the terminal year only with terminal_capacity_bound.
  void add_capacities() {
    int last = (H_ > T_ && !plan_.terminal_capacity_bound) ? T_ : H_;
    for (std::size_t j = 0; j < n_; ++j) {
      const Sector& s = e_.sectors[j];
      if (!s.capacity) continue;
      const double keep = 1.0 - s.depreciation;
      for (int t = 1; t <= last; ++t) {
        std::vector<Term> terms{{col(cols_.output, j, t), 1.0}};
        for (int tau = 1; tau <= t; ++tau)
          if (int e = col(cols_.capacity_addition, j, tau); e >= 0) terms.push_back({e, -std::pow(keep, t - tau)});
        b_.add_row(sector_year("capacity", s.id, t), terms, -kInf, *s.capacity * std::pow(keep, t));
      }
    }
  }

  // output[j,t] = Σ_p y_p activity[p,t] over j's make processes (y_p its output per unit); each process's capacity by year;
  // growth[p,t] ≥ activity[p,t] − activity[p,t−1] where capital pays for new capacity (none where
  // no growth column exists: a technique cannot expand before its capital can be built).
  void add_techniques() {
    for (std::size_t j = 0; j < n_; ++j) {
      const std::vector<std::size_t> made_by = e_.make_processes(j);
      if (made_by.empty()) continue;
      for (int t = 0; t <= H_; ++t) {
        std::vector<Term> terms{{col(cols_.output, j, t), 1.0}};
        for (std::size_t p : made_by) terms.push_back({col(cols_.activity, p, t), -e_.processes[p].output});
        b_.add_row(sector_year("technique", e_.sectors[j].id, t), terms, 0.0, 0.0);
      }
    }
    for (std::size_t p = 0; p < e_.processes.size(); ++p) {
      const Process& pr = e_.processes[p];
      for (int t = 0; t <= H_; ++t) {
        const int x = col(cols_.activity, p, t);
        if (x < 0 || (t == 0 && pr.base)) continue;
        if (auto cap = e_.process_capacity(p, t)) b_.add_row(sector_year("process_capacity", pr.id, t), {{x, 1.0}}, -kInf, *cap);
      }
      if (pr.capital.empty()) continue;
      for (int t = 1; t <= H_; ++t) {
        std::vector<Term> terms{{col(cols_.activity, p, t), 1.0}, {col(cols_.activity, p, t - 1), -1.0}};
        if (int g = col(cols_.growth, p, t); g >= 0) terms.push_back({g, -1.0});
        b_.add_row(sector_year("process_growth", pr.id, t), terms, -kInf, 0.0);
      }
    }
  }

  // Σ_j l[j] x[j,t+ℓr] + Σ_j c[j] e[j,t+ℓrc] ≤ R_t; known base-year output moves to the right.
  void add_resources() {
    for (const Resource& r : e_.resources) {
      if (r.unlimited()) continue;
      for (int t = 0; t <= H_; ++t) {
        double rhs = r.available_in(t);
        std::vector<Term> terms;
        for (std::size_t j = 0; j < n_; ++j) {
          const Index jj = static_cast<Index>(j);
          double l = r.per_output.size() ? r.per_output[jj] : 0.0;
          double c = r.per_capacity.size() ? r.per_capacity[jj] : 0.0;
          int tx = t + r.per_output_lag;
          if (l != 0.0 && tx == 0) rhs -= l * e_.sectors[j].output;
          else if (l != 0.0 && tx <= H_) terms.push_back({col(cols_.output, j, tx), l});
          if (int e = col(cols_.capacity_addition, j, t + r.per_capacity_lag); e >= 0 && c != 0.0) terms.push_back({e, c});
        }
        const std::size_t ri = static_cast<std::size_t>(&r - e_.resources.data());
        for (const Term& term : process_resource_terms(plan_, cols_, ri, t)) terms.push_back(term);
        if (terms.empty()) continue;  // nothing the plan decides: no row
        b_.add_row(fmt::format("{}[{}]", r.id, t), terms, -kInf, rhs);
      }
    }
  }

  // x[j,H] ≥ x*_j: the plan must leave the economy able to go on meeting its own demand.
  void add_terminal() {
    if (!plan_.terminal_steady_state) return;
    Eigen::VectorXd xs = steady_state_output(e_);
    for (std::size_t j = 0; j < n_; ++j)
      b_.add_row(fmt::format("terminal[{}]", e_.sectors[j].id), {{col(cols_.output, j, H_), 1.0}},
                 xs[static_cast<Index>(j)], kInf);
  }

  // Σ p^X z − Σ p^M m ≥ −credit_t: exports pay for imports, up to the credit allowed.
  void add_currency() {
    for (int t = 1; t <= T_; ++t) {
      std::vector<Term> terms;
      for (std::size_t i = 0; i < n_; ++i) {
        if (int z = col(cols_.exports, i, t); z >= 0) terms.push_back({z, *e_.sectors[i].export_price});
        if (int m = col(cols_.imports, i, t); m >= 0) terms.push_back({m, -*e_.sectors[i].import_price});
      }
      // Processes: make and import processes spend currency, export processes earn it.
      for (std::size_t p = 0; p < e_.processes.size(); ++p) {
        const Process& pr = e_.processes[p];
        const double c = e_.process_currency(p, t);
        if (int x = col(cols_.activity, p, t); x >= 0 && c != 0.0)
          terms.push_back({x, pr.kind == ProcessKind::export_ ? c : -c});
      }
      if (!terms.empty()) b_.add_row(fmt::format("currency[{}]", t), terms, -e_.credit_in(t), kInf);
    }
  }

  struct RowTerm {
    std::size_t j;
    double a, b;
  };
  // One process's entry in a balance: current input a, capital input b, or trade ±1 (import/export).
  struct ProcessTerm {
    std::size_t p;
    double a, b, trade;
  };

  const Plan& plan_;
  const Economy& e_;
  std::vector<std::vector<RowTerm>> row_terms_;
  std::vector<std::vector<ProcessTerm>> process_terms_;
  LpBuilder& b_;
  PlanColumns& cols_;
  std::size_t n_;
  int T_, H_;
};

}  // namespace

std::vector<Term> process_resource_terms(const Plan& plan, const PlanColumns& columns, std::size_t r, int t) {
  std::vector<Term> terms;
  const Economy& e = plan.economy;
  const int lag = e.resources[r].per_output_lag;
  for (std::size_t p = 0; p < e.processes.size(); ++p)
    for (const auto& [ri, amount] : e.processes[p].resources)
      if (int x = column_at(columns.activity, p, t + lag); ri == r && x >= 0) terms.push_back({x, amount});
  return terms;
}

double plan_demand(const Plan& plan, std::size_t sector, int year) {
  std::vector<int> years = plan.demand_years;
  if (years.empty())
    for (int t = 1; t <= plan.years; ++t) years.push_back(t);
  if (std::find(years.begin(), years.end(), year) == years.end()) return 0.0;
  if (sector < plan.demand_paths.size() && !plan.demand_paths[sector].empty()) {
    const auto& path = plan.demand_paths[sector];
    return path[std::min(static_cast<std::size_t>(std::max(year, 0)), path.size() - 1)];
  }
  if (plan.demand_override && sector < plan.demand_override->size()) return (*plan.demand_override)[sector];
  return plan.economy.sectors[sector].demand;
}

Eigen::VectorXd steady_state_output(const Economy& economy) {
  const Index n = static_cast<Index>(economy.size());
  auto singular = [&] {
    return Error(ExitCode::bad_input, economy.file, "technical",
                 "I − A is singular, so the steady-state terminal output (I − A)⁻¹ d cannot be computed; "
                 "the technical coefficients are not productive");
  };
  const Eigen::VectorXd d = economy.demands();
  Eigen::MatrixXd A = economy.technical.size() ? economy.technical : Eigen::MatrixXd::Zero(n, n);
  // A sparse I − A (large generated or national tables) is factored sparsely: a dense full-pivot
  // LU took 20 s of a 22 s build at n = 2000. Small or dense tables keep the dense LU.
  const Index nnz = (A.array() != 0.0).count();
  if (n >= 200 && nnz <= n * n / 20) {
    Eigen::SparseMatrix<double> m = (Eigen::MatrixXd::Identity(n, n) - A).sparseView();
    m.makeCompressed();
    Eigen::SparseLU<Eigen::SparseMatrix<double>> lu;
    lu.compute(m);
    if (lu.info() == Eigen::Success) {
      Eigen::VectorXd x = lu.solve(d);
      if (lu.info() == Eigen::Success && x.allFinite() && (m * x - d).norm() <= 1e-9 * std::max(1.0, d.norm())) return x;
    }
    // Fall through to the dense rank-revealing LU for the verdict.
  }
  Eigen::MatrixXd I_minus_A = Eigen::MatrixXd::Identity(n, n) - A;
  // Partial pivoting is blocked (fast) and accurate for I − A of a productive economy; the
  // rank-revealing full-pivot LU only decides the doubtful cases.
  Eigen::PartialPivLU<Eigen::MatrixXd> plu(I_minus_A);
  if (plu.rcond() > 1e-12) {
    Eigen::VectorXd x = plu.solve(d);
    if (x.allFinite()) return x;
  }
  Eigen::FullPivLU<Eigen::MatrixXd> lu(I_minus_A);
  if (!lu.isInvertible()) throw singular();
  return lu.solve(d);
}

PlanLp build_plan_lp(const Plan& plan) {
  const Economy& e = plan.economy;
  const Index n = static_cast<Index>(e.size());
  if (n == 0) throw Error(ExitCode::bad_input, plan.file, "", "the model has no sectors");
  if (plan.years < 1) throw Error(ExitCode::bad_input, plan.file, "years", "a plan needs at least one year (years ≥ 1)");
  if ((e.technical.size() && (e.technical.rows() != n || e.technical.cols() != n)) ||
      (e.capital.size() && (e.capital.rows() != n || e.capital.cols() != n)))
    throw Error(ExitCode::bad_input, e.file, "", "technical/capital matrices must be n×n with n the number of sectors");
  if (plan.demand_override && plan.demand_override->size() != e.size())
    throw Error(ExitCode::bad_input, plan.file, "demand", "the demand override must give one value per sector");
  for (int t : plan.demand_years)
    if (t < 0 || t > plan.horizon())
      throw Error(ExitCode::bad_input, plan.file, "demand_years",
                  fmt::format("year {} is outside the plan's years 0…{}", t, plan.horizon()));

  if (const Process* p = first_make_process(e); p && plan.terminal_steady_state)
    throw Error(ExitCode::bad_input, plan.file, "terminal",
                fmt::format("a steady-state terminal year needs one technique per product ((I − A)⁻¹ d), but \"{}\" "
                            "has processes (process \"{}\")",
                            p->product, p->id));

  PlanLp out;
  LpBuilder b;
  CoreBuilder(plan, b, out.columns).build();
  out.objective = add_objective(plan, plan.objective, out.columns, b);
  if (plan.then) out.then = add_objective(plan, *plan.then, out.columns, b);
  // Objectives may have added columns after their costs were taken: pad with zeros.
  out.objective.cost.resize(static_cast<std::size_t>(b.num_col()), 0.0);
  if (out.then) out.then->cost.resize(static_cast<std::size_t>(b.num_col()), 0.0);

  b.clear_objective();
  b.set_sense(out.objective.sense);
  b.set_offset(out.objective.offset);
  for (int j = 0; j < b.num_col(); ++j) b.add_cost(j, out.objective.cost[static_cast<std::size_t>(j)]);
  out.lp = b.build();
  return out;
}

}  // namespace planner::lp
