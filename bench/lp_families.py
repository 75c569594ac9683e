#!/usr/bin/python3
"""The default algorithm against the planner's other methods on several plan families (issue #20.3).

    bench/lp_families.py [--planner build/planner] [--runs 3] [--work /tmp/planner-lp-families]
                         [--cases same-year:300,benchmark:300,...] [--methods by-size,dual,...]
                         [--highs BIN] [--highs-scipy] [--timeout 600] [--out table.md]

For each family:n case it generates the plan with bench/lp_generate.py --family, then times
`planner solve plan.toml --format json --algorithm A` for A = by-size (the default), dual, primal,
barrier and automatic (CLP's own choice), in turn (A B C D E, A B C D E, …: one round after
another, so a drift of the machine's speed hits every method alike), each a fresh process under
/usr/bin/time (user + system CPU, wall). What by-size chose is read from one extra
`--verbose --iteration-limit 1` run (the planner's "by-size: …" line). With --highs, HiGHS 1.15's
IPX (`highs --model_file x.mps --solver ipx`, bench/highs/build.sh) runs once per round on the
exported MPS; with --highs-scipy, HiGHS through scipy 1.10 (bench/lp_run_peers.py, the CPU time
of its `linprog` call only). Objectives must agree to 1e-6 relative. Reports the median CPU per
method, the best, default / best (the target: ≤ 1.25) and IPX's CPU and wall.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "highs"))
from lp_run_peers import mps_shape, timed, write_table  # noqa: E402
from run import objective as peer_objective  # noqa: E402  (bench/highs/run.py)

METHODS = ["by-size", "dual", "primal", "barrier", "automatic"]
DEFAULT_CASES = "benchmark:300,same-year:300,lags:300,dense:400,national:400,sparse-regions:1000"
HIGHS = "/work/lpfast-src/build-highs/bin/highs"


def default_choice(planner, plan):
    """What by-size picks for this plan: the planner says so under --verbose."""
    r = subprocess.run([planner, "--verbose", "solve", plan, "--iteration-limit", "1", "--out", os.devnull],
                       capture_output=True, text=True)
    for line in (r.stderr + r.stdout).splitlines():
        if line.startswith("by-size:"):
            return line.split(":", 1)[1].split("(")[0].strip()
    return "?"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--planner", default=os.path.join(HERE, "..", "build", "planner"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default="/tmp/planner-lp-families")
    ap.add_argument("--cases", default=DEFAULT_CASES)
    ap.add_argument("--methods", default=",".join(METHODS))
    ap.add_argument("--timeout", type=int, default=600, help="CPU seconds per run")
    ap.add_argument("--highs", default=HIGHS if os.path.exists(HIGHS) else None,
                    help="HiGHS 1.15's binary (bench/highs/build.sh) for the IPX column")
    ap.add_argument("--highs-scipy", action="store_true")
    ap.add_argument("--out")
    a = ap.parse_args()
    methods = a.methods.split(",")
    lines = ["| family | n | rows × cols (nnz) | by-size chose | " + " | ".join(methods) +
             " | best | default / best | IPX CPU (wall) | HiGHS (scipy) | objectives |",
             "|---|---:|---|---|" + "---:|" * len(methods) + "---|---:|---:|---:|---|"]
    for case in a.cases.split(","):
        family, n = case.split(":")
        d = os.path.join(a.work, "%s-%s" % (family, n))
        if not os.path.exists(os.path.join(d, "plan.toml")):
            subprocess.run([sys.executable, os.path.join(HERE, "lp_generate.py"), n, d, "--family", family], check=True)
        mps = os.path.join(d, "x.mps")
        subprocess.run([a.planner, "--quiet", "solve", os.path.join(d, "plan.toml"), "--write-lp", mps,
                        "--iteration-limit", "1"], capture_output=True)
        choice = default_choice(a.planner, os.path.join(d, "plan.toml"))
        cpu = {m: [] for m in methods}
        ipx = []
        objective = {}
        for _ in range(a.runs):
            if a.highs:
                h = timed([a.highs, "--model_file", mps, "--solver", "ipx"], a.timeout)
                h["out"] += h["err"]
                obj = peer_objective("ipx", h, d, mps)
                if obj is not None and h["cpu"] is not None:
                    ipx.append((h["cpu"], h["wall"]))
                    objective["ipx"] = obj
            for m in methods:
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
        cells = ["%.2f s" % med[m] if m in med else "failed" for m in methods]
        ipx_cell = "%.2f s (%.2f s)" % tuple(statistics.median(v) for v in zip(*ipx)) if ipx else ("–" if not a.highs else "failed")
        row = "| %s | %s | %s | %s | %s | %s | %.2f | %s | %s | %s |" % (
            family, n, "%d × %d (%d)" % mps_shape(mps), choice, " | ".join(cells), best,
            med["by-size"] / med[best] if "by-size" in med else float("nan"), ipx_cell, hs, agree)
        lines.append(row)
        print(row, flush=True)
    write_table(lines, a.out)


if __name__ == "__main__":
    main()
