#pragma once
// Long work (a plan solve, a comparison) off the interpreter's thread: the GIL is released
// while it runs, and Ctrl-C interrupts it. The work runs on a worker thread that owns its
// inputs; the calling thread waits with the GIL released and runs Python's signal handlers
// every 50 ms. When one raises (KeyboardInterrupt), the stop flag is set — the work checks it
// between LP solves and ends early — and the exception goes up at once; the worker finishes
// on its own and its result is dropped. During a simplex, CLP itself catches SIGINT and stops
// the LP with the iteration-limit status: solves without a limit report that as Interrupted.
#include <pybind11/pybind11.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <thread>

namespace planner::python {

/// Thrown by work that saw the stop flag or an interrupted LP; translated to KeyboardInterrupt.
struct Interrupted : std::exception {
  const char* what() const noexcept override { return "interrupted"; }
};

/// Set when the caller was interrupted; work checks it between solves.
using StopFlag = std::shared_ptr<std::atomic<bool>>;

/// Throws Interrupted when `stop` is set.
inline void check_stop(const StopFlag& stop) {
  if (stop && stop->load()) throw Interrupted();
}

/// Runs `work(stop)` on a worker thread with the GIL released and returns its result (or
/// rethrows its exception); a Python signal handler's exception stops waiting at once.
template <class R>
R run_interruptible(std::function<R(const StopFlag&)> work) {
  auto stop = std::make_shared<std::atomic<bool>>(false);
  auto task = std::make_shared<std::packaged_task<R()>>([work = std::move(work), stop] { return work(stop); });
  std::future<R> done = task->get_future();
  std::thread worker([task] { (*task)(); });
  for (;;) {
    bool ready;
    {
      pybind11::gil_scoped_release release;
      ready = done.wait_for(std::chrono::milliseconds(50)) == std::future_status::ready;
    }
    if (ready) break;
    if (PyErr_CheckSignals() != 0) {
      stop->store(true);
      worker.detach();  // it owns its inputs; its result is dropped
      throw pybind11::error_already_set();
    }
  }
  worker.join();
  return done.get();
}

}  // namespace planner::python
