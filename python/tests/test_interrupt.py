"""Long solves: the GIL is released while CLP works, and Ctrl-C (SIGINT) interrupts a solve
with KeyboardInterrupt at once (python/src/interrupt.hpp)."""
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

import planner
from generated_plan import write_generated_plan

CHILD = r"""
import signal, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)  # a background job may start with SIGINT ignored
import planner
plan = planner.read_plan(sys.argv[1])
print("ready", flush=True)
try:
    plan.solve()
    print("finished", flush=True)
except KeyboardInterrupt:
    print("interrupted", time.monotonic(), flush=True)
"""


@pytest.fixture(scope="module")
def long_plan(tmp_path_factory):
    # About 5-10 s of simplex on this machine: long enough to be interrupted in the middle.
    return write_generated_plan(650, str(tmp_path_factory.mktemp("generated")))


def test_ctrl_c_interrupts_a_long_solve(long_plan):
    child = subprocess.Popen([sys.executable, "-c", CHILD, long_plan], stdout=subprocess.PIPE, text=True,
                             env=dict(os.environ))
    try:
        assert child.stdout.readline().strip() == "ready"
        time.sleep(1.5)  # well inside the solve
        sent = time.monotonic()
        child.send_signal(signal.SIGINT)
        line = child.stdout.readline().split()
        assert line and line[0] == "interrupted", line
        assert float(line[1]) - sent < 1.0, "KeyboardInterrupt came more than a second after Ctrl-C"
    finally:
        child.kill()  # the interrupted LP would run to its end before the interpreter exits
        child.wait()


def test_the_gil_is_released_during_a_solve(tmp_path):
    plan = planner.read_plan(write_generated_plan(300, str(tmp_path)))
    done = threading.Event()
    result = {}

    def solve():
        result["solution"] = plan.solve()
        done.set()

    t = threading.Thread(target=solve)
    start = time.monotonic()
    t.start()
    ticks = 0
    while not done.is_set():
        ticks += 1  # Python runs on this thread while the other solves
        time.sleep(0.001)
    t.join()
    elapsed = time.monotonic() - start
    assert result["solution"].status == "optimal"
    assert elapsed > 0.1 and ticks > 0.3 * elapsed / 0.001 * 0.1, (ticks, elapsed)
