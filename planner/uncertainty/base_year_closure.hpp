#pragma once
// How a draw meets the recorded base year. The base year is history: each product's output
// x̄_i was measured, and its uses in the base year, intermediate (A x̄)_i plus final demand
// d_i,0, add up to it within the nominal model's small residual. Coefficients and demands
// drawn independently break that sum (ten coefficients each 10 % high use 10 % more coal than
// 1928 mined), and most draws of the bundled 1928 model would then contradict the record
// before the plan starts. `hold-use` scales row i of the drawn A and the drawn demand d_i by
// one factor so that the base year's total use of product i keeps the nominal share of its
// output: the draws move how each product's use splits among its users, not how much of it
// the record says was used. `as-drawn` takes the numbers as drawn and counts the draws the
// base year refutes.
#include <string>

#include "planner/model/plan.hpp"

namespace planner::uncertainty {

enum class BaseYearClosure { hold_use, as_drawn };

/// "hold-use" | "as-drawn"; anything else is a bad-input Error naming `key`.
BaseYearClosure parse_base_year_closure(const std::string& text, const std::string& key);
std::string to_string(BaseYearClosure closure);

/// Scales row i of `drawn`'s technical coefficients and its demand for product i (the plan's
/// override when it has one) by κ_i = (U⁰_i / x̄⁰_i) · x̄_i / U_i, where U_i = (A x̄)_i + d_i,0 is
/// the base year's use of product i (d_i,0 = 0 when year 0 is not a demand year); products
/// with no base-year use are left alone.
void hold_base_year_use(Plan& drawn, const Plan& nominal);

}  // namespace planner::uncertainty
