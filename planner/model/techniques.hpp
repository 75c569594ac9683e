#pragma once
// Questions about an economy's techniques that more than one layer asks.
#include "planner/model/economy.hpp"

namespace planner {

/// The first `make` process of the economy, or nullptr when every product has its one implicit
/// technique — what Leontief's inverse and the steady state (I − A)⁻¹ d assume.
inline const Process* first_make_process(const Economy& e) {
  for (const Process& p : e.processes)
    if (p.kind == ProcessKind::make) return &p;
  return nullptr;
}

}  // namespace planner
