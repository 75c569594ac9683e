#pragma once
// Long work (a plan solve, a comparison) off the interpreter's thread: the GIL is released
// while it runs, and Ctrl-C gives control back at once.
//
// The work runs on a worker thread that owns copies of its inputs; the calling thread waits
// with the GIL released. For the time of the call SIGINT goes to a handler that only sets a
// flag, polled every 50 ms. CLP's initialSolve installs a SIGINT handler of its own that does
// not stop the planner's solves, so the solves' progress hook (every 0.1 s, on the solver's
// thread) puts ours back. On Ctrl-C the call raises KeyboardInterrupt at once and the work's
// stop flag is set: a comparison stops before its next LP. An LP already running cannot be
// stopped from outside the library (an exception thrown through CLP corrupts its heap), so
// it runs to its end on the worker, whose result is dropped; the interpreter waits for such
// workers when it exits. Only from the main thread and while Python's default SIGINT handler
// is installed; elsewhere Ctrl-C is Python's as usual.
#include <pybind11/pybind11.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <thread>

#include "planner/lp/lp_solution.hpp"

namespace planner::python {

/// Thrown by work that saw its stop flag; translated to KeyboardInterrupt.
struct Interrupted : std::exception {
  const char* what() const noexcept override { return "interrupted"; }
};

/// Set when the call that started the work was interrupted.
using StopFlag = std::shared_ptr<std::atomic<bool>>;

/// Throws Interrupted when `stop` is set.
inline void check_stop(const StopFlag& stop) {
  if (stop->load()) throw Interrupted();
}

/// `options` with the progress hook that keeps the SIGINT handler ours during CLP's solves.
lp::SolveOptions interruptible(lp::SolveOptions options);

/// Takes SIGINT for the object's lifetime (main thread, Python's default handler installed only).
class SigintGuard {
 public:
  SigintGuard();
  ~SigintGuard();
  SigintGuard(const SigintGuard&) = delete;
  SigintGuard& operator=(const SigintGuard&) = delete;
  /// True once SIGINT arrived while the guard was active.
  bool interrupted() const;

 private:
  bool active_ = false;
};

/// Counts workers still running after their call was interrupted.
std::atomic<int>& orphaned_workers();

/// Waits (GIL released) until every interrupted worker has finished; called at exit.
void wait_for_orphaned_workers();

/// Runs `work(stop)` on a worker thread with the GIL released and returns its result, or
/// rethrows its exception; Ctrl-C raises KeyboardInterrupt at once.
template <class R>
R run_interruptible(std::function<R(const StopFlag&)> work) {
  auto stop = std::make_shared<std::atomic<bool>>(false);
  auto orphaned = std::make_shared<std::atomic<bool>>(false);
  auto task = std::make_shared<std::packaged_task<R()>>([work = std::move(work), stop] { return work(stop); });
  std::future<R> done = task->get_future();
  SigintGuard guard;
  std::thread worker([task, orphaned] {
    (*task)();
    if (orphaned->load()) --orphaned_workers();
  });
  for (;;) {
    bool ready;
    {
      pybind11::gil_scoped_release release;
      ready = done.wait_for(std::chrono::milliseconds(50)) == std::future_status::ready;
    }
    if (ready) break;
    const bool python_signal = PyErr_CheckSignals() != 0;
    if (guard.interrupted() || python_signal) {
      stop->store(true);
      ++orphaned_workers();
      orphaned->store(true);
      worker.detach();
      if (python_signal) throw pybind11::error_already_set();
      throw Interrupted();
    }
  }
  worker.join();
  return done.get();
}

}  // namespace planner::python
