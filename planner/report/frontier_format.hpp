#pragma once
// `planner frontier PLAN`: one plan's per-product frontiers as a table, Markdown, CSV or JSON.
// No numerics: every figure comes from the PlanComparison (comparison.hpp).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "planner/report/comparison.hpp"

namespace planner {

/// The plan's products restricted to `ids` (all when empty); throws Error (exit 2, key
/// --product) for an id that is not a product of the plan.
PlanComparison only_products(const PlanComparison& plan, const std::vector<std::string>& ids);

/// Aligned text: λ*, μ*, the history verdict, then one row per product.
std::string frontier_to_text(const PlanComparison& plan);
/// The same as Markdown.
std::string frontier_to_markdown(const PlanComparison& plan);
/// One row per product, full precision (empty = missing).
std::string frontier_to_csv(const PlanComparison& plan);
/// {"plan", "fulfilment", "second_stage", "history", "products": [...]} with stable keys.
nlohmann::ordered_json frontier_to_json(const PlanComparison& plan);

}  // namespace planner
