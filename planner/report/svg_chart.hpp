#pragma once
// Hand-written SVG charts for reports: grouped bars and line charts with markers. Plain
// SVG 1.1 with inline presentation attributes, no scripts, no external references;
// coordinates are printed with fixed decimals so the same chart gives the same bytes.
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace planner::svg {

/// Escapes &, <, >, " and ' for XML/HTML text and attribute values.
std::string escape(const std::string& text);

/// Up to about `target` round tick values covering [lo, hi] (steps of 1, 2 or 5 × 10^k).
std::vector<double> nice_ticks(double lo, double hi, int target = 5);

/// A tick label: as few decimals as the step needs.
std::string tick_label(double value, double step);

/// `text` broken at spaces into at most `max_lines` lines of about `width` code points; the
/// last line ends in "…" when text was cut.
std::vector<std::string> wrap(const std::string& text, std::size_t width, std::size_t max_lines);

/// One series of a chart: its name (legend), colour and CSS class suffix.
struct Series {
  std::string name;
  std::string color;
  std::string key;  ///< class suffix: bars get class "bar bar-<key>"
};

/// One group of bars (a product): a bar per series.
struct BarGroup {
  std::string label;                          ///< under the group
  std::string sublabel;                       ///< second line (e.g. the unit)
  std::vector<std::optional<double>> values;  ///< bar heights in axis units; nullopt = no bar
  std::vector<std::string> value_labels;      ///< printed above each bar
  std::vector<std::string> tooltips;          ///< <title> of each bar
};

struct BarChart {
  std::string title;
  std::string y_label;
  std::vector<Series> series;
  std::vector<BarGroup> groups;
  std::optional<double> reference;  ///< a dashed horizontal line (e.g. base output = 1)
  std::string reference_label;
  int width = 1100;
  int height = 400;
};

/// A grouped bar chart with a legend, value labels, y grid and optional reference line.
std::string bar_chart(const BarChart& chart);

/// A polyline through (x, y) points.
struct Line {
  std::string name;
  std::string color;
  std::string key;  ///< path gets class "series-line line-<key>"
  std::vector<std::pair<double, double>> points;
  bool dashed = false;
};

/// Markers at (x, y) points: "circle", "ring" (hollow circle) or "diamond".
struct Markers {
  std::string name;
  std::string color;
  std::string key;  ///< each marker gets class "marker marker-<key>"
  std::string shape = "circle";
  std::vector<std::pair<double, double>> points;
  std::vector<std::string> tooltips;  ///< <title> per point (optional)
};

/// A shaded band between a low and a high value at each x (a fan chart's percentile range).
struct Band {
  std::string name;
  std::string color;
  std::string key;  ///< polygon gets class "band band-<key>"
  double opacity = 0.25;
  std::vector<std::array<double, 3>> points;  ///< (x, low, high), x ascending
};

struct LineChart {
  std::string title;
  std::string subtitle;  ///< e.g. the unit
  std::vector<Band> bands;  ///< drawn first, under the lines
  std::vector<Line> lines;
  std::vector<Markers> markers;
  int width = 340;
  int height = 230;
  bool legend = false;   ///< draw a legend inside the chart (small multiples share one instead)
  bool integer_x = true; ///< x values are years: ticks at whole numbers
};

/// A line chart with markers; y from 0 (or below, if data are negative) to a nice maximum.
std::string line_chart(const LineChart& chart);

/// One horizontal bar per row with an optional inner bar and a whisker: a tornado chart
/// (rows sorted by the caller, largest first).
struct HBar {
  std::string label;
  double value = 0.0;        ///< the outer bar (e.g. Sobol's total index)
  double whisker = 0.0;      ///< ± around value (its 95 % interval); 0 for none
  std::optional<double> inner;  ///< a thinner bar inside (e.g. the first-order index)
  std::string tooltip;
};

struct HBarChart {
  std::string title;
  std::string value_name;   ///< legend name of the outer bar
  std::string inner_name;   ///< legend name of the inner bar
  std::vector<HBar> bars;
  double max_value = 1.0;   ///< the axis's end
  int width = 720;
};

std::string hbar_chart(const HBarChart& chart);

/// A legend strip alone (for small multiples that share one): swatches for bars, lines
/// and markers.
std::string legend(const std::vector<Series>& bars, const std::vector<Line>& lines,
                   const std::vector<Markers>& markers, int width);

}  // namespace planner::svg
