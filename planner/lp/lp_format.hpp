#pragma once
// The CPLEX LP text format of a LinearProgram: readable by people, CLP, GLPK, HiGHS, CPLEX.
#include <filesystem>
#include <string>

#include "planner/lp/linear_program.hpp"

namespace planner::lp {

/// `lp` as CPLEX LP text; names keep their words, with [ ] written as ( ) (LP names allow no brackets).
std::string to_lp_text(const LinearProgram& lp);

/// Writes to_lp_text(lp) to `file` atomically.
void write_lp(const LinearProgram& lp, const std::filesystem::path& file);

}  // namespace planner::lp
