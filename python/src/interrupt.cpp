#include "interrupt.hpp"

#include <csignal>

namespace py = pybind11;

namespace planner::python {
namespace {

std::atomic<bool> g_sigint{false};
std::atomic<bool> g_active{false};
struct sigaction g_previous;

extern "C" void on_sigint(int) { g_sigint.store(true); }

void install() {
  struct sigaction ours {};
  ours.sa_handler = on_sigint;
  sigemptyset(&ours.sa_mask);
  sigaction(SIGINT, &ours, nullptr);
}

}  // namespace

lp::SolveOptions interruptible(lp::SolveOptions options) {
  lp::ProgressReport inner = options.progress;
  options.progress = [inner](const lp::SolveProgress& p) {
    // Puts on_sigint back when CLP's initialSolve replaced it (it restores what it found when it ends).
    struct sigaction now;
    if (g_active.load() && sigaction(SIGINT, nullptr, &now) == 0 && now.sa_handler != on_sigint) install();
    if (inner) inner(p);
  };
  options.progress_interval = 0.1;
  return options;
}

SigintGuard::SigintGuard() {
  py::module_ threading = py::module_::import("threading");
  if (!threading.attr("current_thread")().is(threading.attr("main_thread")())) return;
  py::module_ signal = py::module_::import("signal");
  if (!signal.attr("getsignal")(signal.attr("SIGINT")).is(signal.attr("default_int_handler"))) return;
  if (g_active.load()) return;  // a nested call: the outer guard holds SIGINT
  struct sigaction ours {};
  ours.sa_handler = on_sigint;
  sigemptyset(&ours.sa_mask);
  if (sigaction(SIGINT, &ours, &g_previous) != 0) return;
  g_sigint.store(false);
  g_active.store(true);
  active_ = true;
}

SigintGuard::~SigintGuard() {
  if (!active_) return;
  g_active.store(false);
  sigaction(SIGINT, &g_previous, nullptr);
}

bool SigintGuard::interrupted() const { return active_ && g_sigint.load(); }

std::atomic<int>& orphaned_workers() {
  static std::atomic<int> count{0};
  return count;
}

void wait_for_orphaned_workers() {
  py::gil_scoped_release release;
  while (orphaned_workers().load() > 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

}  // namespace planner::python
