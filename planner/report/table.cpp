#include "planner/report/table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace planner {
namespace {
// Display width in code points, so Cyrillic or "λ" do not break alignment.
std::size_t display_width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string pad(const std::string& s, std::size_t width, Table::Align a) {
  std::size_t w = display_width(s);
  if (w >= width) return s;
  std::string fill(width - w, ' ');
  return a == Table::Align::left ? s + fill : fill + s;
}

std::string md_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}
}  // namespace

Table::Table(std::vector<std::string> headers) : headers_(std::move(headers)) {
  aligns_.assign(headers_.size(), Align::right);
  if (!aligns_.empty()) aligns_[0] = Align::left;
}

void Table::align(std::size_t column, Align a) {
  if (column < aligns_.size()) aligns_[column] = a;
}

void Table::add_row(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
}

void Table::add_rule() { rows_.emplace_back(); }

std::string Table::to_text() const {
  std::vector<std::size_t> widths(headers_.size());
  for (std::size_t c = 0; c < headers_.size(); ++c) widths[c] = display_width(headers_[c]);
  for (const auto& row : rows_)
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  std::size_t total = 0;
  for (auto w : widths) total += w + 2;
  total = total >= 2 ? total - 2 : 0;

  std::string out;
  if (!title_.empty()) out += title_ + "\n";
  auto line = [&](const std::vector<std::string>& cells) {
    std::string l;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c) l += "  ";
      l += pad(cells[c], widths[c], aligns_[c]);
    }
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l + "\n";
  };
  line(headers_);
  out += std::string(total, '-') + "\n";
  for (const auto& row : rows_) {
    if (row.empty())
      out += std::string(total, '-') + "\n";
    else
      line(row);
  }
  return out;
}

std::string Table::to_markdown() const {
  std::string out;
  if (!title_.empty()) out += "### " + title_ + "\n\n";
  out += "|";
  for (const auto& h : headers_) out += " " + md_escape(h) + " |";
  out += "\n|";
  for (auto a : aligns_) out += a == Align::left ? " :--- |" : " ---: |";
  out += "\n";
  for (const auto& row : rows_) {
    if (row.empty()) continue;
    out += "|";
    for (const auto& c : row) out += " " + md_escape(c) + " |";
    out += "\n";
  }
  return out;
}

std::string csv_cell(const std::string& cell) {
  if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Table::to_csv() const {
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c) out += ",";
      out += csv_cell(cells[c]);
    }
    out += "\n";
  };
  line(headers_);
  for (const auto& row : rows_)
    if (!row.empty()) line(row);
  return out;
}

std::string format_number(double value, int decimals) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  double a = std::fabs(value);
  if (a != 0.0 && (a >= 1e12 || a < std::pow(10.0, -decimals))) return fmt::format("{:.{}e}", value, std::max(decimals - 1, 2));
  std::string s = fmt::format("{:.{}f}", value, decimals);
  if (s.find_first_not_of("-0.") == std::string::npos) s = fmt::format("{:.{}f}", 0.0, decimals);  // no "-0.000"
  return s;
}

}  // namespace planner
