#include "planner/lp/blas_threads.hpp"

// OpenBLAS's thread control; weak, so a build without OpenBLAS (PLANNER_OPENBLAS=OFF) still
// links, and the serial variant's no-op versions are harmless.
extern "C" {
void openblas_set_num_threads(int) __attribute__((weak));
int openblas_get_num_threads() __attribute__((weak));
}

namespace planner::lp {

BlasThreads::BlasThreads(int threads) {
  if (openblas_set_num_threads == nullptr || openblas_get_num_threads == nullptr) return;
  before_ = openblas_get_num_threads();
  if (before_ != threads) openblas_set_num_threads(threads);
}

BlasThreads::~BlasThreads() {
  if (before_ > 0 && openblas_get_num_threads() != before_) openblas_set_num_threads(before_);
}

}  // namespace planner::lp
