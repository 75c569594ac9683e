#include "planner/lp/lp_format.hpp"

#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "planner/io/output.hpp"

namespace planner::lp {
namespace {

std::string lp_name(std::string name) {
  for (char& c : name) {
    if (c == '[') c = '(';
    else if (c == ']') c = ')';
    else if (c == ' ' || c == ':' || c == '+' || c == '-' || c == '*' || c == '^' || c == '<' || c == '>' || c == '=')
      c = '_';
  }
  return name;
}

// Shortest text that reads back as the same double.
std::string number(double v) { return fmt::format("{}", v); }

// Appends " + 3 x" terms, wrapping long lines as the format allows any whitespace.
void append_terms(std::string& out, const std::vector<std::pair<double, std::string>>& terms) {
  for (std::size_t k = 0; k < terms.size(); ++k) {
    const auto& [value, name] = terms[k];
    if (k > 0 && k % 6 == 0) out += "\n  ";
    out += value < 0 ? " - " : " + ";
    double a = std::fabs(value);
    if (a != 1.0) out += number(a) + " ";
    out += name;
  }
  if (terms.empty()) out += " 0";
}

}  // namespace

std::string to_lp_text(const LinearProgram& lp) {
  std::vector<std::string> cols(lp.col_names.size());
  for (std::size_t j = 0; j < cols.size(); ++j) cols[j] = lp_name(lp.col_names[j]);

  std::string out = "\\ planner plan LP: " + std::to_string(lp.num_col) + " columns, " +
                    std::to_string(lp.num_row) + " rows\n";
  out += lp.sense == Sense::maximise ? "Maximize\n" : "Minimize\n";
  std::vector<std::pair<double, std::string>> obj;
  for (int j = 0; j < lp.num_col; ++j)
    if (lp.col_cost[j] != 0.0) obj.emplace_back(lp.col_cost[j], cols[j]);
  out += " objective:";
  append_terms(out, obj);
  // The LP format has constants in the objective; CLP and HiGHS accept them.
  if (lp.offset != 0.0) out += (lp.offset < 0 ? " - " : " + ") + number(std::fabs(lp.offset));
  out += "\nSubject To\n";

  std::vector<std::vector<std::pair<double, std::string>>> rows(static_cast<std::size_t>(lp.num_row));
  for (int j = 0; j < lp.num_col; ++j)
    for (int k = lp.a_start[j]; k < lp.a_start[j + 1]; ++k) rows[lp.a_index[k]].emplace_back(lp.a_value[k], cols[j]);
  for (int i = 0; i < lp.num_row; ++i) {
    double lo = lp.row_lower[i], hi = lp.row_upper[i];
    std::string name = lp_name(lp.row_names[i]);
    auto write = [&](const std::string& label, const char* op, double rhs) {
      out += " " + label + ":";
      append_terms(out, rows[i]);
      out += fmt::format(" {} {}\n", op, number(rhs));
    };
    if (lo == hi) write(name, "=", lo);
    else if (std::isfinite(lo) && std::isfinite(hi)) {
      write(name + "_lower", ">=", lo);
      write(name + "_upper", "<=", hi);
    } else if (std::isfinite(lo)) write(name, ">=", lo);
    else if (std::isfinite(hi)) write(name, "<=", hi);
  }

  out += "Bounds\n";
  for (int j = 0; j < lp.num_col; ++j) {
    double lo = lp.col_lower[j], hi = lp.col_upper[j];
    if (lo == hi) out += fmt::format(" {} = {}\n", cols[j], number(lo));
    else if (!std::isfinite(lo) && !std::isfinite(hi)) out += fmt::format(" {} free\n", cols[j]);
    else if (lo == 0.0 && !std::isfinite(hi)) continue;  // the format's default
    else {
      std::string l = std::isfinite(lo) ? number(lo) : "-inf";
      std::string h = std::isfinite(hi) ? number(hi) : "+inf";
      out += fmt::format(" {} <= {} <= {}\n", l, cols[j], h);
    }
  }
  out += "End\n";
  return out;
}

void write_lp(const LinearProgram& lp, const std::filesystem::path& file) {
  write_file_atomically(file, to_lp_text(lp));
}

}  // namespace planner::lp
