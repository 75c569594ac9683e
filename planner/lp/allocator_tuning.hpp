#pragma once
// CLP allocates its work arrays (factorization areas, row and column copies) at the start of
// every solve and frees them at the end. glibc gives the freed top of the heap back to the
// kernel each time (trim) and faults fresh pages in on the next solve: of 200 uncertainty
// draws of the First Plan, 36,000 page faults and 40 % of the CPU time were that churn.

namespace planner::lp {

/// Keeps freed memory in the process for the next solve (glibc's trim threshold and top pad;
/// no effect under another allocator). Costs nothing in peak memory: what is kept is reused.
/// For a program that runs many solves (the CLI calls it once at start); a library embedded in
/// someone else's process (the Python module) leaves the allocator alone.
void keep_freed_memory_for_reuse();

}  // namespace planner::lp
