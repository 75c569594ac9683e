#pragma once
// How many threads OpenBLAS (the planner links it for CLP and CHOLMOD, CMakeLists.txt) uses
// inside a scope. The simplex wants one: CLP's dense LU blocks are small and two threads made
// an n = 500 plan solve 1.1–1.4× slower; the interior point wants every core for CHOLMOD's
// supernodes (docs/performance.md, "Interior point with CHOLMOD").
namespace planner::lp {

/// Sets OpenBLAS's thread count for the lifetime of the object, then puts the previous one back.
/// Does nothing in a build without OpenBLAS.
class BlasThreads {
 public:
  explicit BlasThreads(int threads);
  ~BlasThreads();
  BlasThreads(const BlasThreads&) = delete;
  BlasThreads& operator=(const BlasThreads&) = delete;

 private:
  int before_ = 0;
};

}  // namespace planner::lp
