#pragma once
// Renders a Comparison (plan vs feasible vs actual) as a terminal table, Markdown, CSV or
// JSON. No numerics: every figure comes from the Comparison. Deterministic bytes.
#include <nlohmann/json.hpp>
#include <string>

#include "planner/report/comparison.hpp"

namespace planner {

/// Aligned plain text for a terminal: a summary of the plans, then each plan's table,
/// unmet goals, binding rows, re-solves and sources.
std::string comparison_to_text(const Comparison& c);
/// The same as GitHub-flavoured Markdown.
std::string comparison_to_markdown(const Comparison& c);
/// One row per plan × product with every figure (full precision; empty = missing).
std::string comparison_to_csv(const Comparison& c);
/// `{"plans": [...], "sources": [...]}` with stable keys (see docs and comparison_format.cpp).
nlohmann::ordered_json comparison_to_json(const Comparison& c);

// ---- number formatting shared by the text, Markdown and HTML reports ------------------------

/// A product's name without its parenthetical gloss ("Grain (agriculture)" → "Grain").
std::string short_name(const ProductComparison& p);
/// A quantity with precision suited to its size ("75.0", "6.20", "1234"); "–" when missing.
std::string format_quantity(const Figure& v);
/// A multiple of base output: "×2.12"; "–" when missing.
std::string format_multiple(const Figure& v);
/// A ratio as a percentage: "85.7%"; "–" when missing.
std::string format_percent(const Figure& v);
/// A signed change: "+0.120" / "−0.050"; "–" when missing.
std::string format_delta(const Figure& v, int decimals = 3);
/// "Fulfilment λ = 0.549: 54.9% of every goal can be reached at once by 1933 — …" (or why there is none).
std::string lambda_sentence(const PlanComparison& p);
/// Which figures of the product table come from which stage (the paragraph under it).
std::string column_key(const PlanComparison& p);
/// λ with three decimals; "–" when missing.
std::string format_lambda(const Figure& v);

}  // namespace planner
