#!/usr/bin/python3
"""The default algorithm against the planner's other methods on several plan families (issue #20.3).

    bench/lp_families.py [--planner build/planner] [--runs 3] [--work /tmp/planner-lp-families]
                         [--cases same-year:300,benchmark:300,...] [--highs-scipy] [--out table.md]

For each family:n case it generates the plan with bench/lp_generate.py --family, then times
`planner solve plan.toml --format json --algorithm A` for A = by-size (the default), dual, primal
and barrier, in turn (A B C D, A B C D, …: one round after another, so a drift of the machine's
speed hits every method alike), each a fresh process under /usr/bin/time (user + system CPU,
wall), and with --highs-scipy HiGHS through scipy 1.10 on the exported MPS (bench/lp_run_peers.py,
the CPU time of its `linprog` call only). Objectives must agree to 1e-6 relative. Reports the median CPU per
method, the best, and default / best (the target: ≤ 1.25).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from lp_run_peers import mps_shape, timed, write_table  # noqa: E402

METHODS = ["by-size", "dual", "primal", "barrier"]
DEFAULT_CASES = "benchmark:300,same-year:300,lags:300,dense:400,sparse-regions:1000"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--planner", default=os.path.join(HERE, "..", "build", "planner"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default="/tmp/planner-lp-families")
    ap.add_argument("--cases", default=DEFAULT_CASES)
    ap.add_argument("--timeout", type=int, default=900, help="CPU seconds per run")
    ap.add_argument("--highs-scipy", action="store_true")
    ap.add_argument("--out")
    a = ap.parse_args()
    lines = ["| family | n | rows × cols (nnz) | " + " | ".join(METHODS) + " | best | default / best | HiGHS (scipy) | objectives |",
             "|---|---:|---|" + "---:|" * len(METHODS) + "---|---:|---:|---|"]
    for case in a.cases.split(","):
        family, n = case.split(":")
        d = os.path.join(a.work, "%s-%s" % (family, n))
        if not os.path.exists(os.path.join(d, "plan.toml")):
            subprocess.run([sys.executable, os.path.join(HERE, "lp_generate.py"), n, d, "--family", family], check=True)
        mps = os.path.join(d, "x.mps")
        subprocess.run([a.planner, "--quiet", "solve", os.path.join(d, "plan.toml"), "--write-lp", mps,
                        "--iteration-limit", "1"], capture_output=True)
        cpu = {m: [] for m in METHODS}
        objective = {}
        for _ in range(a.runs):
            for m in METHODS:
                out = os.path.join(d, "result-%s.json" % m)
                r = timed([a.planner, "--quiet", "solve", os.path.join(d, "plan.toml"), "--format", "json",
                           "--out", out, "--algorithm", m], a.timeout)
                if r["code"] == 0 and r["cpu"] is not None:
                    cpu[m].append(r["cpu"])
                    objective[m] = json.load(open(out))["objective"]
        med = {m: statistics.median(v) for m, v in cpu.items() if v}
        if not med:
            print("| %s | %s | every method failed (see %s) |" % (family, n, d), flush=True)
            continue
        best = min(med, key=med.get)
        hs = "–"
        if a.highs_scipy:
            h = timed([sys.executable, os.path.join(HERE, "lp_run_peers.py"), "--highs", mps], a.timeout)
            if h["code"] == 0:
                res = json.loads(h["out"].strip().splitlines()[-1])
                hs = "%.2f s" % res["solve_cpu_s"]
                if res["objective"] is not None:
                    objective["highs"] = res["objective"]
        ref = objective.get("by-size")
        agree = "all equal" if ref is not None and all(abs(v - ref) <= 1e-6 * max(1.0, abs(ref)) for v in objective.values()) else \
            "DIFFER: " + ", ".join("%s %.10g" % kv for kv in objective.items())
        cells = ["%.2f s" % med[m] if m in med else "failed" for m in METHODS]
        row = "| %s | %s | %s | %s | %s | %.2f | %s | %s |" % (
            family, n, "%d × %d (%d)" % mps_shape(mps), " | ".join(cells), best,
            med["by-size"] / med[best] if "by-size" in med else float("nan"), hs, agree)
        lines.append(row)
        print(row, flush=True)
    write_table(lines, a.out)


if __name__ == "__main__":
    main()
