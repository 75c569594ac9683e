#pragma once
// Reads a model's `[[process]]` tables (techniques, docs/file-formats.md "[[process]]") into
// Economy::processes, after its sectors, matrices and resources. Every rule broken is one Error
// naming the file, the line and the key ("process[2].product: no sector \"wheat\" …").
#include "planner/io/toml_fields.hpp"
#include "planner/model/economy.hpp"

namespace planner {

/// Reads every [[process]] of the top-level table `top` into `e.processes` and checks them
/// against the economy: known products and resources, unique ids, no free production, a price
/// for every import and export, and no implicit technique left beside a product's make processes.
void read_processes(const toml_fields::Fields& top, Economy& e);

/// A trade process's price list (`price`, or `price_index`) gives years 0, 1, …; one longer than
/// the plan's years 0…`years` would be partly ignored, so it is an error naming the model's line.
void check_price_lists(const Economy& e, int years);

}  // namespace planner
