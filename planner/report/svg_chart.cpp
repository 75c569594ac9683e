#include "planner/report/svg_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace planner::svg {

std::string escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {
double step_for(double lo, double hi, int target) {
  double range = hi - lo;
  if (!(range > 0)) range = std::fabs(hi) > 0 ? std::fabs(hi) : 1.0;
  double rough = range / std::max(1, target);
  double mag = std::pow(10.0, std::floor(std::log10(rough)));
  double norm = rough / mag;
  double f = norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10;
  return f * mag;
}

// A coordinate with one decimal ("12.5"), never "-0.0".
std::string n(double v) {
  std::string s = fmt::format("{:.1f}", v);
  return s == "-0.0" ? "0.0" : s;
}
}  // namespace

std::vector<double> nice_ticks(double lo, double hi, int target) {
  if (hi < lo) std::swap(lo, hi);
  if (hi == lo) hi = lo + 1.0;
  double step = step_for(lo, hi, target);
  double start = std::floor(lo / step + 1e-9) * step;
  double end = std::ceil(hi / step - 1e-9) * step;
  std::vector<double> ticks;
  for (int i = 0; start + i * step <= end + step * 1e-9 && i < 1000; ++i) {
    double v = start + i * step;
    if (std::fabs(v) < step * 1e-9) v = 0.0;
    ticks.push_back(v);
  }
  return ticks;
}

std::string tick_label(double value, double step) {
  int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  std::string s = fmt::format("{:.{}f}", value, decimals);
  if (s.find_first_not_of("-0.") == std::string::npos && s[0] == '-') s.erase(0, 1);
  return s;
}

namespace {

std::string text_el(double x, double y, const std::string& text, const std::string& cls, const std::string& anchor,
                    const std::string& extra = "") {
  return fmt::format("<text class=\"{}\" x=\"{}\" y=\"{}\" text-anchor=\"{}\"{}>{}</text>\n", cls, n(x), n(y), anchor,
                     extra, escape(text));
}

std::string open_svg(int w, int h, const std::string& cls, const std::string& label) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{}\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
      "role=\"img\" aria-label=\"{}\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\">\n",
      cls, w, h, w, h, escape(label));
}

std::string marker_el(const Markers& m, double x, double y, const std::string& tooltip) {
  std::string title = tooltip.empty() ? "" : "<title>" + escape(tooltip) + "</title>";
  std::string cls = "marker marker-" + m.key;
  if (m.shape == "diamond")
    return fmt::format("<path class=\"{}\" d=\"M{} {}L{} {}L{} {}L{} {}Z\" fill=\"{}\" stroke=\"#fff\" stroke-width=\"1.2\">{}</path>\n",
                       cls, n(x), n(y - 6), n(x + 6), n(y), n(x), n(y + 6), n(x - 6), n(y), m.color, title);
  if (m.shape == "ring")
    return fmt::format("<circle class=\"{}\" cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"#fff\" stroke=\"{}\" stroke-width=\"2\">{}</circle>\n",
                       cls, n(x), n(y), m.color, title);
  return fmt::format("<circle class=\"{}\" cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"{}\" stroke=\"#fff\" stroke-width=\"1.2\">{}</circle>\n",
                     cls, n(x), n(y), m.color, title);
}

// Legend items laid out left to right from (x, y); returns the markup.
std::string legend_items(const std::vector<Series>& bars, const std::vector<Line>& lines,
                         const std::vector<Markers>& markers, double x, double y) {
  std::string out = "<g class=\"legend\">\n";
  auto width_of = [](const std::string& s) {
    std::size_t cps = 0;
    for (unsigned char c : s)
      if ((c & 0xC0) != 0x80) ++cps;
    return 6.6 * static_cast<double>(cps);
  };
  for (const auto& s : bars) {
    out += fmt::format("<rect class=\"legend-swatch\" x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" rx=\"2\" fill=\"{}\"/>\n",
                       n(x), n(y - 10), s.color);
    out += text_el(x + 17, y, s.name, "legend-text", "start", " font-size=\"12\" fill=\"#333\"");
    x += 17 + width_of(s.name) + 18;
  }
  for (const auto& l : lines) {
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2.5\"{}/>\n", n(x),
                       n(y - 4), n(x + 22), n(y - 4), l.color, l.dashed ? " stroke-dasharray=\"5 4\"" : "");
    out += text_el(x + 27, y, l.name, "legend-text", "start", " font-size=\"12\" fill=\"#333\"");
    x += 27 + width_of(l.name) + 18;
  }
  for (const auto& m : markers) {
    Markers one = m;
    one.key = "legend";
    out += marker_el(one, x + 6, y - 4, "");
    out += text_el(x + 16, y, m.name, "legend-text", "start", " font-size=\"12\" fill=\"#333\"");
    x += 16 + width_of(m.name) + 18;
  }
  return out + "</g>\n";
}

}  // namespace

std::vector<std::string> wrap(const std::string& text, std::size_t width, std::size_t max_lines) {
  auto cps = [](const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
      if ((c & 0xC0) != 0x80) ++n;
    return n;
  };
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto sp = text.find(' ', start);
    std::string w = text.substr(start, sp == std::string::npos ? std::string::npos : sp - start);
    if (!w.empty()) words.push_back(w);
    if (sp == std::string::npos) break;
    start = sp + 1;
  }
  std::vector<std::string> lines;
  std::string cur;
  std::size_t i = 0;
  for (; i < words.size(); ++i) {
    std::string next = cur.empty() ? words[i] : cur + " " + words[i];
    if (cur.empty() || cps(next) <= width) {
      cur = next;
      continue;
    }
    lines.push_back(cur);
    cur = words[i];
    if (lines.size() == max_lines) break;
  }
  if (lines.size() < max_lines && !cur.empty()) {
    lines.push_back(cur);
    cur.clear();
    ++i;
  }
  bool cut = i < words.size() || !cur.empty();
  if (!lines.empty() && (cut || cps(lines.back()) > width)) {
    // Trim the last line to fit with an ellipsis, on a code-point boundary.
    std::string& last = lines.back();
    std::size_t keep = width > 1 ? width - 1 : 1, n = 0, pos = 0;
    while (pos < last.size() && n < keep) {
      ++pos;
      while (pos < last.size() && (static_cast<unsigned char>(last[pos]) & 0xC0) == 0x80) ++pos;
      ++n;
    }
    if (cut || pos < last.size()) last = last.substr(0, pos) + "…";
  }
  return lines;
}

std::string legend(const std::vector<Series>& bars, const std::vector<Line>& lines, const std::vector<Markers>& markers,
                   int width) {
  std::string out = open_svg(width, 24, "chart-legend", "legend");
  out += legend_items(bars, lines, markers, 4, 17);
  return out + "</svg>\n";
}

std::string bar_chart(const BarChart& c) {
  const double left = 64, right = 74, top = 62, bottom = 66;
  const double pw = c.width - left - right, ph = c.height - top - bottom;
  double hi = c.reference.value_or(0.0);
  for (const auto& g : c.groups)
    for (const auto& v : g.values)
      if (v && std::isfinite(*v)) hi = std::max(hi, *v);
  if (hi <= 0) hi = 1.0;
  auto ticks = nice_ticks(0.0, hi * 1.08, 5);
  double top_value = ticks.back();
  double step = ticks.size() > 1 ? ticks[1] - ticks[0] : top_value;
  auto y_of = [&](double v) { return top + ph - ph * (v / top_value); };

  std::string out = open_svg(c.width, c.height, "chart bar-chart", c.title);
  out += fmt::format("<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#fff\"/>\n", c.width, c.height);
  out += text_el(left, 22, c.title, "chart-title", "start", " font-size=\"15\" font-weight=\"600\" fill=\"#222\"");
  out += legend_items(c.series, {}, {}, left, 46);
  // grid and y axis
  out += "<g class=\"grid\">\n";
  for (double t : ticks) {
    double y = y_of(t);
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#e6e6e6\"/>\n", n(left), n(y), n(left + pw), n(y));
    out += text_el(left - 8, y + 4, tick_label(t, step), "tick", "end", " font-size=\"11\" fill=\"#666\"");
  }
  out += "</g>\n";
  out += fmt::format("<text class=\"axis-label\" transform=\"translate(16 {}) rotate(-90)\" text-anchor=\"middle\" "
                     "font-size=\"11\" fill=\"#666\">{}</text>\n",
                     n(top + ph / 2), escape(c.y_label));
  // bars
  std::size_t ns = std::max<std::size_t>(1, c.series.size());
  double gw = c.groups.empty() ? pw : pw / static_cast<double>(c.groups.size());
  double inner = gw * 0.78;
  double bw = std::min(54.0, (inner - 3.0 * static_cast<double>(ns - 1)) / static_cast<double>(ns));
  double used = bw * static_cast<double>(ns) + 3.0 * static_cast<double>(ns - 1);
  bool rotate = bw < 30;
  out += "<g class=\"bars\">\n";
  for (std::size_t g = 0; g < c.groups.size(); ++g) {
    const auto& grp = c.groups[g];
    double gx = left + gw * static_cast<double>(g);
    double x0 = gx + (gw - used) / 2;
    out += fmt::format("<g class=\"bar-group\" data-label=\"{}\">\n", escape(grp.label));
    for (std::size_t s = 0; s < c.series.size(); ++s) {
      double x = x0 + static_cast<double>(s) * (bw + 3.0);
      std::optional<double> v = s < grp.values.size() ? grp.values[s] : std::nullopt;
      std::string label = s < grp.value_labels.size() ? grp.value_labels[s] : "";
      if (!v || !std::isfinite(*v)) {
        out += text_el(x + bw / 2, top + ph - 4, "n/a", "bar-missing", "middle", " font-size=\"9\" fill=\"#aaa\"");
        continue;
      }
      double y = y_of(std::max(0.0, *v));
      double h = top + ph - y;
      std::string tip = s < grp.tooltips.size() ? grp.tooltips[s] : "";
      out += fmt::format("<rect class=\"bar bar-{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\" fill=\"{}\">"
                         "<title>{}</title></rect>\n",
                         c.series[s].key, n(x), n(y), n(bw), n(h), c.series[s].color, escape(tip));
      if (!label.empty()) {
        if (rotate)
          out += fmt::format("<text class=\"value-label\" transform=\"translate({} {}) rotate(-90)\" text-anchor=\"start\" "
                             "font-size=\"10\" fill=\"#333\">{}</text>\n",
                             n(x + bw / 2 + 3.5), n(y - 4), escape(label));
        else
          out += text_el(x + bw / 2, y - 5, label, "value-label", "middle", " font-size=\"10.5\" fill=\"#333\"");
      }
    }
    auto lines = wrap(grp.label, static_cast<std::size_t>(std::max(6.0, gw / 7.2)), 2);
    double ly = top + ph + 19;
    for (const auto& line : lines) {
      out += text_el(gx + gw / 2, ly, line, "group-label", "middle", " font-size=\"12.5\" font-weight=\"600\" fill=\"#222\"");
      ly += 15;
    }
    if (!grp.sublabel.empty())
      for (const auto& line : wrap(grp.sublabel, static_cast<std::size_t>(std::max(6.0, gw / 6.4)), 2)) {
        out += text_el(gx + gw / 2, ly + 1, line, "group-sublabel", "middle", " font-size=\"11\" fill=\"#777\"");
        ly += 13;
      }
    out += "</g>\n";
  }
  out += "</g>\n";
  if (c.reference) {
    double y = y_of(*c.reference);
    out += fmt::format("<line class=\"reference\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>\n",
                       n(left), n(y), n(left + pw), n(y));
    if (!c.reference_label.empty())
      out += text_el(left + pw + 6, y + 3.5, c.reference_label, "reference-label", "start", " font-size=\"10\" fill=\"#555\"");
  }
  out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#999\"/>\n", n(left), n(top + ph), n(left + pw), n(top + ph));
  return out + "</svg>\n";
}

std::string line_chart(const LineChart& c) {
  const double left = 50, right = 20, top = c.legend ? 66 : 46, bottom = 30;
  const double pw = c.width - left - right, ph = c.height - top - bottom;
  double xlo = 0, xhi = 0, ylo = 0, yhi = 0;
  bool any = false;
  auto see = [&](double x, double y) {
    if (!std::isfinite(x) || !std::isfinite(y)) return;
    if (!any) xlo = xhi = x;
    xlo = std::min(xlo, x);
    xhi = std::max(xhi, x);
    ylo = std::min(ylo, y);
    yhi = std::max(yhi, y);
    any = true;
  };
  for (const auto& l : c.lines)
    for (auto [x, y] : l.points) see(x, y);
  for (const auto& m : c.markers)
    for (auto [x, y] : m.points) see(x, y);
  for (const auto& b : c.bands)
    for (const auto& [x, lo, hi] : b.points) {
      see(x, lo);
      see(x, hi);
    }
  if (xhi == xlo) {
    xlo -= 1;
    xhi += 1;
  }
  if (yhi <= ylo) yhi = ylo + 1;
  auto yt = nice_ticks(ylo, yhi * 1.06, 4);
  double ystep = yt.size() > 1 ? yt[1] - yt[0] : 1.0;
  double y0 = yt.front(), y1 = yt.back();
  auto X = [&](double x) { return left + pw * (x - xlo) / (xhi - xlo); };
  auto Y = [&](double y) { return top + ph - ph * (y - y0) / (y1 - y0); };

  std::string out = open_svg(c.width, c.height, "chart line-chart", c.title);
  out += fmt::format("<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#fff\"/>\n", c.width, c.height);
  out += text_el(12, 19, c.title, "chart-title", "start", " font-size=\"13.5\" font-weight=\"600\" fill=\"#222\"");
  if (!c.subtitle.empty()) out += text_el(12, 35, c.subtitle, "chart-subtitle", "start", " font-size=\"11\" fill=\"#777\"");
  if (c.legend) out += legend_items({}, c.lines, c.markers, 12, 56);
  out += "<g class=\"grid\">\n";
  for (double t : yt) {
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#ececec\"/>\n", n(left), n(Y(t)), n(left + pw), n(Y(t)));
    out += text_el(left - 6, Y(t) + 4, tick_label(t, ystep), "tick", "end", " font-size=\"10\" fill=\"#777\"");
  }
  std::vector<double> xt;
  if (c.integer_x && xhi - xlo <= 12) {
    for (double x = std::ceil(xlo); x <= xhi + 1e-9; x += 1) xt.push_back(x);
  } else {
    for (double x : nice_ticks(xlo, xhi, 6))
      if (x >= xlo - 1e-9 && x <= xhi + 1e-9) xt.push_back(x);
  }
  double xstep = xt.size() > 1 ? xt[1] - xt[0] : 1.0;
  for (double x : xt)
    out += text_el(X(x), top + ph + 16, tick_label(x, c.integer_x ? std::max(1.0, xstep) : xstep), "tick", "middle",
                   " font-size=\"10\" fill=\"#777\"");
  out += "</g>\n";
  out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#999\"/>\n", n(left), n(Y(y0)), n(left + pw), n(Y(y0)));
  for (const auto& b : c.bands) {
    if (b.points.empty()) continue;
    std::string d;  // along the highs, back along the lows
    for (std::size_t i = 0; i < b.points.size(); ++i) d += fmt::format("{}{} {}", i == 0 ? "M" : "L", n(X(b.points[i][0])), n(Y(b.points[i][2])));
    for (std::size_t i = b.points.size(); i-- > 0;) d += fmt::format("L{} {}", n(X(b.points[i][0])), n(Y(b.points[i][1])));
    out += fmt::format("<path class=\"band band-{}\" d=\"{}Z\" fill=\"{}\" fill-opacity=\"{}\" stroke=\"none\"><title>{}</title></path>\n",
                       b.key, d, b.color, n(b.opacity), escape(b.name));
  }
  for (const auto& l : c.lines) {
    if (l.points.empty()) continue;
    std::string d;
    for (std::size_t i = 0; i < l.points.size(); ++i)
      d += fmt::format("{}{} {}", i == 0 ? "M" : "L", n(X(l.points[i].first)), n(Y(l.points[i].second)));
    out += fmt::format("<path class=\"series-line line-{}\" d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.2\" "
                       "stroke-linejoin=\"round\"{}><title>{}</title></path>\n",
                       l.key, d, l.color, l.dashed ? " stroke-dasharray=\"5 4\"" : "", escape(l.name));
  }
  for (const auto& m : c.markers)
    for (std::size_t i = 0; i < m.points.size(); ++i)
      out += marker_el(m, X(m.points[i].first), Y(m.points[i].second), i < m.tooltips.size() ? m.tooltips[i] : m.name);
  return out + "</svg>\n";
}

std::string hbar_chart(const HBarChart& c) {
  const double left = 250, right = 30, top = 56, row = 26, bottom = 34;
  const double pw = c.width - left - right;
  const int height = static_cast<int>(top + row * static_cast<double>(c.bars.size()) + bottom);
  const double end = c.max_value > 0 ? c.max_value : 1.0;
  auto X = [&](double v) { return left + pw * std::clamp(v, 0.0, end) / end; };
  std::string out = open_svg(c.width, height, "chart hbar-chart", c.title);
  out += fmt::format("<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#fff\"/>\n", c.width, height);
  out += text_el(12, 19, c.title, "chart-title", "start", " font-size=\"13.5\" font-weight=\"600\" fill=\"#222\"");
  out += fmt::format("<rect x=\"12\" y=\"30\" width=\"12\" height=\"10\" fill=\"#8fb3d9\"/>\n");
  out += text_el(28, 39, c.value_name, "legend", "start", " font-size=\"11\" fill=\"#444\"");
  if (!c.inner_name.empty()) {
    out += fmt::format("<rect x=\"{}\" y=\"32\" width=\"12\" height=\"6\" fill=\"#2f5f8f\"/>\n", 40 + 6.5 * static_cast<double>(c.value_name.size()));
    out += text_el(56 + 6.5 * static_cast<double>(c.value_name.size()), 39, c.inner_name, "legend", "start", " font-size=\"11\" fill=\"#444\"");
  }
  const auto ticks = nice_ticks(0.0, end, 5);
  const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : end;
  const double axis = top + row * static_cast<double>(c.bars.size());
  for (double t : ticks) {
    if (t > end + 1e-12) continue;
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#ececec\"/>\n", n(X(t)), n(top - 4), n(X(t)), n(axis));
    out += text_el(X(t), axis + 16, tick_label(t, step), "tick", "middle", " font-size=\"10\" fill=\"#777\"");
  }
  for (std::size_t i = 0; i < c.bars.size(); ++i) {
    const HBar& b = c.bars[i];
    const double y = top + row * static_cast<double>(i);
    out += text_el(left - 8, y + 16, b.label, "hbar-label", "end", " font-size=\"11\" fill=\"#333\"");
    out += fmt::format("<rect class=\"hbar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"#8fb3d9\"><title>{}</title></rect>\n",
                       n(left), n(y + 4), n(X(b.value) - left), escape(b.tooltip));
    if (b.inner)
      out += fmt::format("<rect class=\"hbar-inner\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"6\" fill=\"#2f5f8f\"/>\n", n(left),
                         n(y + 9), n(X(*b.inner) - left));
    if (b.whisker > 0)
      out += fmt::format("<line class=\"whisker\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#333\"/>\n", n(X(b.value - b.whisker)),
                         n(y + 12), n(X(b.value + b.whisker)), n(y + 12));
  }
  return out + "</svg>\n";
}

}  // namespace planner::svg
