#!/usr/bin/python3
"""The plan LP against the current HiGHS (issue #20): HiGHS 1.15's dual simplex, IPX and HiPO,
CLP's own `clp` binary and GLPK's `glpsol`, on the MPS files `planner solve --write-lp` writes,
in the same run as the planner, with the objectives checked equal.

    bench/highs/run.py --highs build-highs/bin/highs [--sizes 500,1000,2000] [--planner build/planner]
                       [--solvers planner,simplex,ipx,hipo,clp,glpsol] [--timeout 900]
                       [--work /tmp/planner-highs-bench] [--family benchmark|sparse-regions|...]
                       [--generate-args '...'] [--out table.md]

Build the `highs` binary first with bench/highs/build.sh (from a HiGHS 1.15 source tree on this
machine; nothing is fetched here). For each n the plan comes from bench/lp_generate.py (T = 5;
--family picks its family, e.g. sparse-regions, the EXIOBASE-like n = 10,000 plan),
its LP is written once (`--write-lp x.mps --algorithm primal --iteration-limit 1`: build and
write, no solve; kept while newer than plan.toml), and
each solver runs as a user would, with its defaults, in its own process under /usr/bin/time -v
(wall, user + system CPU, peak RSS) and a cap of --timeout CPU seconds:

  planner  `planner solve plan.toml --format json` (read, build, CLP, result; by-size algorithm)
  simplex  `highs --model_file x.mps --solver simplex`   (HiGHS' dual simplex)
  ipx      `highs ... --solver ipx`                      (IPX, then crossover)
  hipo     `highs ... --solver hipo`                     (HiPO, then crossover; OpenBLAS)
  clp      `clp x.mps -solve`                            (CLP's binary, its default method)
  glpsol   `glpsol --freemps x.mps`                      (GLPK's simplex)

The MPS minimises the negated objective (a maximised plan) and carries the constant terms in a
comment; every peer's optimum is turned back into the planner's (offset − optimum) and must
agree with the planner's to 1e-6 relative. The last column says why a row has no time (the CPU
cap, the planner's refusal, a solver's own message) and, for the planner, its KKT check
(solution_check.hpp: "ok"/"poor", the worst scaled residual); its --verbose log (planner.log in
the work directory) shows CLP's method and the crossover. Prints a Markdown table (and writes it
to --out).
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from lp_run_peers import mps_shape, planner_objective, timed, write_table  # noqa: E402  (bench/lp_run_peers.py)

OPTIMUM = {
    "simplex": (r"Objective value\s*:\s*([-+0-9.eE]+)", r"Model status\s*:\s*Optimal"),
    "ipx": (r"Objective value\s*:\s*([-+0-9.eE]+)", r"Model status\s*:\s*Optimal"),
    "hipo": (r"Objective value\s*:\s*([-+0-9.eE]+)", r"Model status\s*:\s*Optimal"),
    "clp": (r"Optimal objective ([-+0-9.eE]+)", r"Optimal objective"),
    "glpsol": (r"obj =\s+([-+0-9.eE]+)", r"OPTIMAL LP SOLUTION FOUND"),
}


def command(solver, a, d, mps):
    if solver == "planner":
        return [a.planner, "--verbose", "solve", os.path.join(d, "plan.toml"), "--format", "json",
                "--out", os.path.join(d, "planner.json")] + a.planner_args.split()
    if solver in ("simplex", "ipx", "hipo"):
        return [a.highs, "--model_file", mps, "--solver", solver]
    if solver == "clp":
        return ["clp", mps, "-solve"]
    return ["glpsol", "--freemps", mps, "-o", os.path.join(d, "glpsol.txt")]


def objective(solver, r, d, mps):
    """The planner's objective as this solver found it, or None."""
    if r["timed_out"] or r["code"] != 0:
        return None
    if solver == "planner":
        return json.load(open(os.path.join(d, "planner.json")))["objective"]
    value, ok = OPTIMUM[solver]
    found = re.findall(value, r["out"])
    if not found or not re.search(ok, r["out"]):
        return None
    return planner_objective(mps, float(found[-1]))


def note(solver, r, d, timeout):
    """Why a row has no time, or the planner's KKT verdict."""
    if r["timed_out"]:
        return "> cap (%d CPU s)" % timeout
    if r["code"] != 0:
        lines = [l for l in r["out"].splitlines() if l.strip()]
        said = [l for l in lines if re.search(r"error|refus|unavailable|estimated|memory", l, re.I)]
        said = (said or lines or [""])[-1].strip().replace(d + os.sep, "").replace("|", "/")
        return "exit %s: %s" % (r["code"], said[:300])
    if solver == "planner":
        with open(os.path.join(d, "planner.json")) as f:
            acc = json.load(f).get("accuracy", {})
        return "KKT check %s (worst scaled %.1e)" % (acc.get("verdict", "?"), acc.get("worst", float("nan")))
    return ""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--highs", required=True, help="the highs binary of bench/highs/build.sh")
    ap.add_argument("--sizes", default="500,1000,2000")
    ap.add_argument("--planner", default=os.path.join(HERE, "..", "..", "build", "planner"))
    ap.add_argument("--planner-args", default="")
    ap.add_argument("--solvers", default="planner,simplex,ipx,hipo,clp,glpsol")
    ap.add_argument("--timeout", type=int, default=900, help="CPU seconds per solver run (RLIMIT_CPU)")
    ap.add_argument("--work", default="/tmp/planner-highs-bench")
    ap.add_argument("--family", default="benchmark", help="bench/lp_generate.py --family (benchmark, sparse-regions, ...)")
    ap.add_argument("--generate-args", default="", help="more arguments for bench/lp_generate.py")
    ap.add_argument("--out")
    a = ap.parse_args()
    solvers = [s for s in a.solvers.split(",") if s]
    generate = (["--family", a.family] if a.family != "benchmark" else []) + a.generate_args.split()
    lines = ["| n | rows × cols (nnz) | solver | wall | CPU | peak RSS | objective | agrees with planner | note |",
             "|---:|---|---|---:|---:|---:|---|---|---|"]
    for n in [int(s) for s in a.sizes.split(",")]:
        d = os.path.join(a.work, ("n%d" % n) + "".join("_" + w.lstrip("-") for w in generate))
        if not os.path.exists(os.path.join(d, "plan.toml")):
            subprocess.run([sys.executable, os.path.join(HERE, "..", "lp_generate.py"), str(n), d] + generate, check=True)
        mps = os.path.join(d, "x.mps")
        if not os.path.exists(mps) or os.path.getmtime(mps) < os.path.getmtime(os.path.join(d, "plan.toml")):
            # The primal simplex's one iteration: by-size would pick the interior point from
            # 10,000 rows, whose first iteration factors the normal equations (minutes, GBs).
            subprocess.run([a.planner, "--quiet", "solve", os.path.join(d, "plan.toml"), "--write-lp", mps,
                            "--algorithm", "primal", "--iteration-limit", "1", "--out", os.devnull],
                           capture_output=True)
        shape = "%d × %d (%d)" % mps_shape(mps)
        reference = None
        for solver in solvers:
            r = timed(command(solver, a, d, mps), a.timeout)
            r["out"] += r["err"]
            with open(os.path.join(d, solver + ".log"), "w") as f:
                f.write(r["out"])
            obj = objective(solver, r, d, mps)
            if solver == "planner":
                reference = obj
            agree = "–" if obj is None or reference is None or solver == "planner" else (
                "yes" if abs(obj - reference) <= 1e-6 * max(1.0, abs(reference)) else "NO")
            wall = "> %d CPU s (stopped)" % a.timeout if r["timed_out"] else "%.2f s" % r["wall"]
            cpu = "–" if r["cpu"] is None else "%.2f s" % r["cpu"]
            rss = "–" if r["rss_mb"] is None else "%.0f MB" % r["rss_mb"]
            row = "| %d | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                n, shape, solver, wall, cpu, rss, "–" if obj is None else "%.10g" % obj, agree,
                note(solver, r, d, a.timeout))
            lines.append(row)
            print(row, flush=True)
    write_table(lines, a.out)


if __name__ == "__main__":
    main()
