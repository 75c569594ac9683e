// TEMPORARY: replaced by csv.cpp, model_reader.cpp and plan_reader.cpp (in progress).
#include "planner/io/model_reader.hpp"
#include "planner/io/plan_reader.hpp"
#include "planner/model/error.hpp"
namespace planner {
Economy read_model(const std::filesystem::path& file) { throw_bad_input(file.string(), "", "model reader not built yet"); }
Plan read_plan(const std::filesystem::path& file) { throw_bad_input(file.string(), "", "plan reader not built yet"); }
}  // namespace planner
