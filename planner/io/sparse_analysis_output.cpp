#include "planner/io/sparse_analysis_output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>

#include "planner/model/error.hpp"

namespace planner {
namespace {

using analysis::SparseAnalysis;

constexpr std::size_t kRowsToJudge = 1024;

void number(std::string& out, double v) {
  if (std::isfinite(v)) fmt::format_to(std::back_inserter(out), "{}", v);
  else fmt::format_to(std::back_inserter(out), "null");
}

void quoted(std::string& out, const std::string& s) {
  out.push_back('"');
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (static_cast<unsigned char>(c) < 0x20) {
      fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<int>(c));
      continue;
    }
    out.push_back(c);
  }
  out.push_back('"');
}

/// A per-sector vector by name; empty when the analysis has none (forward linkages without outputs).
struct Column {
  const Eigen::VectorXd* values = nullptr;
  const std::vector<analysis::SectorClass>* classes = nullptr;
};

Column column(const SparseAnalysis& a, const std::string& name) {
  if (name == "output") return {&a.output, nullptr};
  if (name == "final_demand") return {&a.final_demand, nullptr};
  if (name == "required_output") return {&a.required_output, nullptr};
  if (name == "output_multipliers") return {&a.output_multipliers, nullptr};
  if (name == "backward_linkage") return {&a.backward_linkage, nullptr};
  if (name == "backward_linkage_raw") return {&a.backward_linkage_raw, nullptr};
  if (name == "forward_linkage") return {&a.forward_linkage, nullptr};
  if (name == "forward_linkage_raw") return {&a.forward_linkage_raw, nullptr};
  if (name == "key_sectors") return {nullptr, &a.key_sectors};
  return {};
}

bool present(const SparseAnalysis& a, const Column& c) {
  return c.values ? c.values->size() == static_cast<Eigen::Index>(a.sectors.size())
                  : c.classes && c.classes->size() == a.sectors.size();
}

void require_present(const SparseAnalysis& a, const std::string& what) {
  if (what == "input_multipliers" || what == "spectral_radius" || what == "productive") return;
  if (!present(a, column(a, what)))
    throw Error(ExitCode::usage, "", "--what",
                fmt::format("\"{}\" is not computed by the sparse analysis of this model{}", what,
                            what.rfind("forward", 0) == 0 || what == "key_sectors"
                                ? " (forward linkages need every sector's output > 0)"
                                : ""));
}

void json_vector(std::string& out, const SparseAnalysis& a, const Column& c, const std::string& indent) {
  out.push_back('{');
  for (std::size_t i = 0; i < a.sectors.size(); ++i) {
    fmt::format_to(std::back_inserter(out), "{}\n{}  ", i ? "," : "", indent);
    quoted(out, a.sectors[i]);
    out.append(std::string_view(": "));
    if (c.values) number(out, (*c.values)[static_cast<Eigen::Index>(i)]);
    else quoted(out, std::string(analysis::to_string((*c.classes)[i])));
  }
  fmt::format_to(std::back_inserter(out), "\n{}}}", indent);
}

void json_input_multipliers(std::string& out, const SparseAnalysis& a) {
  out.push_back('{');
  for (std::size_t r = 0; r < a.resources.size(); ++r) {
    fmt::format_to(std::back_inserter(out), "{}\n    ", r ? "," : "");
    quoted(out, a.resources[r]);
    out.append(std::string_view(": "));
    const Eigen::VectorXd row = a.input_multipliers.row(static_cast<Eigen::Index>(r)).transpose();
    json_vector(out, a, Column{&row, nullptr}, "    ");
  }
  out.append(std::string_view(a.resources.empty() ? "}" : "\n  }"));
}

}  // namespace

const std::vector<std::string>& sparse_quantity_names() {
  static const std::vector<std::string> names{"output",          "final_demand",         "required_output",
                                              "output_multipliers", "backward_linkage",  "backward_linkage_raw",
                                              "forward_linkage", "forward_linkage_raw",  "key_sectors",
                                              "input_multipliers", "spectral_radius",    "productive"};
  return names;
}

std::string sparse_analysis_json(const SparseAnalysis& a, const std::optional<std::string>& what) {
  if (what) require_present(a, *what);
  std::string out;  // built in place: a buffer copied into the returned string would hold the text twice
  // Room for every vector at ~25 characters a number, so the text never doubles; pages reserved
  // and never written cost no memory.
  out.reserve(a.sectors.size() * 25 * (sparse_quantity_names().size() + a.resources.size() + 2));
  bool first = true;
  auto key = [&](const std::string& k) {
    fmt::format_to(std::back_inserter(out), "{}\n  ", first ? "" : ",");
    first = false;
    quoted(out, k);
    out.append(std::string_view(": "));
  };
  auto wanted = [&](const std::string& k) { return !what || *what == k; };
  out.push_back('{');
  if (!what) {
    key("analysis");
    quoted(out, "sparse");
    key("sectors");
    out.push_back('[');
    for (std::size_t i = 0; i < a.sectors.size(); ++i) {
      out.append(std::string_view(i ? ", " : ""));
      quoted(out, a.sectors[i]);
    }
    out.push_back(']');
    key("nonzeros");
    fmt::format_to(std::back_inserter(out), "{}", a.nonzeros);
  }
  for (const auto& name : sparse_quantity_names()) {
    if (!wanted(name)) continue;
    if (name == "input_multipliers") {
      key(name);
      json_input_multipliers(out, a);
    } else if (name == "spectral_radius") {
      key(name);
      number(out, a.spectral_radius);
    } else if (name == "productive") {
      key(name);
      out.append(std::string_view(a.productive ? "true" : "false"));
    } else if (present(a, column(a, name))) {
      key(name);
      json_vector(out, a, column(a, name), "  ");
    }
  }
  if (!what) {
    key("spectral_radius_bounds");
    out.push_back('[');
    number(out, a.spectral_radius_lower);
    out.append(std::string_view(", "));
    number(out, a.spectral_radius_upper);
    out.push_back(']');
    key("solves");
    out.push_back('[');
    for (std::size_t s = 0; s < a.solves.size(); ++s) {
      const auto& r = a.solves[s];
      fmt::format_to(std::back_inserter(out), "{}\n    {{\"quantity\": ", s ? "," : "");
      quoted(out, r.quantity);
      out.append(std::string_view(", \"method\": "));
      quoted(out, r.method);
      fmt::format_to(std::back_inserter(out), ", \"iterations\": {}, \"residual\": ", r.iterations);
      number(out, r.residual);
      out.push_back('}');
    }
    out.append(std::string_view(a.solves.empty() ? "]" : "\n  ]"));
    key("residual");
    number(out, a.residual);
  }
  out.append(std::string_view("\n}\n"));
  return out;
}

std::string sparse_analysis_csv(const SparseAnalysis& a, const std::optional<std::string>& what) {
  if (what) require_present(a, *what);
  std::vector<std::string> headers;
  std::vector<Column> columns;
  std::vector<std::size_t> resource_rows;
  if (what && (*what == "spectral_radius" || *what == "productive")) {
    return *what == "spectral_radius" ? fmt::format("quantity,value\nspectral_radius,{}\n", a.spectral_radius)
                                      : fmt::format("quantity,value\nproductive,{}\n", a.productive ? "true" : "false");
  }
  for (const auto& name : sparse_quantity_names()) {
    if (what && *what != name) continue;
    if (name == "input_multipliers") {
      for (std::size_t r = 0; r < a.resources.size(); ++r) {
        headers.push_back(a.resources[r] + "_multiplier");
        resource_rows.push_back(r);
      }
      continue;
    }
    if (name == "spectral_radius" || name == "productive") continue;
    Column c = column(a, name);
    if (!present(a, c)) continue;
    headers.push_back(name);
    columns.push_back(c);
  }
  std::string out;  // built in place: a buffer copied into the returned string would hold the text twice
  fmt::format_to(std::back_inserter(out), "sector,{}\n", fmt::join(headers, ","));
  for (std::size_t i = 0; i < a.sectors.size(); ++i) {
    const auto j = static_cast<Eigen::Index>(i);
    out.append(a.sectors[i]);  // ids are [a-z0-9_]+: no quoting needed
    for (const Column& c : columns) {
      out.push_back(',');
      if (c.values) number(out, (*c.values)[j]);
      else out.append(analysis::to_string((*c.classes)[i]));
    }
    for (std::size_t r : resource_rows) {
      out.push_back(',');
      number(out, a.input_multipliers(static_cast<Eigen::Index>(r), j));
    }
    out.push_back('\n');
    // Room for every row, judged by the first ones; pages reserved and never written cost no memory.
    if (i + 1 == kRowsToJudge && a.sectors.size() > 2 * kRowsToJudge) out.reserve(out.size() / kRowsToJudge * a.sectors.size() * 3 / 2);
  }
  return out;
}

}  // namespace planner
