#!/usr/bin/python3
"""Plan LP benchmark (issue #5 parts 3 and 5): the project against HiGHS and GLPK on the same LPs.

    bench/lp_run_peers.py [--sizes 100,500,1000,2000] [--planner build/planner]
                          [--work /tmp/planner-lp-bench] [--peer-timeout 120]
                          [--planner-timeout 900] [--out results.md]

For each n it generates the plan family with bench/lp_generate.py (n sectors, T = 5, 8 nonzeros
per column of A, 3 of the capital matrix, one labour limit, max-capacity), writes the plan's LP
once with `planner solve --write-lp x.mps`, and then, in the same run, times:

  planner   `planner solve plan.toml --format json` (read model + build + CLP + result)
  highs     scipy.optimize.linprog(method="highs") on the MPS (parsed here: scipy 1.10 reads
            no MPS), timed around linprog only; the MPS parse is reported separately
  glpsol    `glpsol --freemps x.mps` (GLPK's simplex with its defaults)

Every run goes through /usr/bin/time -v (elapsed, user+system CPU, peak RSS); peers are killed
after --peer-timeout seconds of CPU time (RLIMIT_CPU: the machine may be shared) and reported
as "> N s". The objectives are compared
(relative 1e-6; the MPS minimises the negated objective of a maximised plan and carries the
objective's constant terms in a comment: the planner's objective = offset − the file's optimum)
so all three solve the same LP. Prints a Markdown table (and writes it to --out).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


# ---- a small free-MPS reader (what CLP's writeMps emits) --------------------------------------

def read_mps(path):
    import numpy as np
    import scipy.sparse as sp
    offset = 0.0
    rows, row_type, cols = {}, [], {}
    obj_row = None
    cost = []
    ri, ci, vals = [], [], []
    rhs, rng = {}, {}
    lb, ub = {}, {}
    section = None
    with open(path) as f:
        for line in f:
            if line.startswith("*"):
                m = re.search(r"objective offset \(constant terms\): (\S+)", line)
                if m:
                    offset = float(m.group(1))
                continue
            if not line.strip():
                continue
            if not line[0].isspace():
                section = line.split()[0]
                continue
            w = line.split()
            if section == "ROWS":
                if w[0] == "N":
                    obj_row = obj_row or w[1]
                else:
                    rows[w[1]] = len(row_type)
                    row_type.append(w[0])
            elif section == "COLUMNS":
                if w[1] == "'MARKER'":
                    continue
                j = cols.setdefault(w[0], len(cols))
                if j == len(cost):
                    cost.append(0.0)
                for k in range(1, len(w) - 1, 2):
                    if w[k] == obj_row:
                        cost[j] += float(w[k + 1])
                    elif w[k] in rows:
                        ri.append(rows[w[k]])
                        ci.append(j)
                        vals.append(float(w[k + 1]))
            elif section in ("RHS", "RANGES"):
                pairs = w[1:] if len(w) % 2 == 1 else w
                for k in range(0, len(pairs) - 1, 2):
                    if pairs[k] == obj_row:
                        if section == "RHS":
                            offset += -float(pairs[k + 1])
                        continue
                    (rhs if section == "RHS" else rng)[rows[pairs[k]]] = float(pairs[k + 1])
            elif section == "BOUNDS":
                t, name = w[0], w[2]
                v = float(w[3]) if len(w) > 3 else 0.0
                j = cols[name]
                if t == "UP":
                    ub[j] = v
                    if v < 0 and j not in lb:
                        lb[j] = -np.inf
                elif t == "LO":
                    lb[j] = v
                elif t == "FX":
                    lb[j] = ub[j] = v
                elif t == "FR":
                    lb[j], ub[j] = -np.inf, np.inf
                elif t == "MI":
                    lb[j] = -np.inf
                elif t == "PL":
                    ub[j] = np.inf
    m, n = len(row_type), len(cols)
    A = sp.csr_matrix((vals, (ri, ci)), shape=(m, n))
    lo = np.full(m, -np.inf)
    hi = np.full(m, np.inf)
    for i, t in enumerate(row_type):
        b = rhs.get(i, 0.0)
        r = rng.get(i)
        if t == "E":
            lo[i] = hi[i] = b
            if r is not None:
                if r > 0:
                    hi[i] = b + abs(r)
                else:
                    lo[i] = b - abs(r)
        elif t == "L":
            hi[i] = b
            if r is not None:
                lo[i] = b - abs(r)
        elif t == "G":
            lo[i] = b
            if r is not None:
                hi[i] = b + abs(r)
    bounds = [(lb.get(j, 0.0), ub.get(j, np.inf)) for j in range(n)]
    return np.array(cost), A, lo, hi, bounds, offset


def planner_objective(mps, optimum):
    """The planner's objective from an MPS reader's optimum: the file's comment lines say whether
    its objective is negated (a maximised plan; the file always minimises) and give the constant."""
    offset, negated = 0.0, False
    with open(mps) as f:
        for line in f:
            if not line.startswith("*"):
                break
            negated = negated or "minimises the negated objective" in line
            m = re.search(r"objective offset \(constant terms\): (\S+)", line)
            if m:
                offset = float(m.group(1))
    return offset - optimum if negated else optimum + offset


def highs_main(mps):
    """Child process: parse the MPS, solve with HiGHS, print one JSON line."""
    import numpy as np
    import scipy.sparse as sp
    from scipy.optimize import linprog
    t0 = time.perf_counter()
    c, A, lo, hi, bounds, offset = read_mps(mps)
    eq = np.isfinite(lo) & np.isfinite(hi) & (lo == hi)
    up = np.isfinite(hi) & ~eq
    dn = np.isfinite(lo) & ~eq
    A_ub = sp.vstack([A[up], -A[dn]]).tocsr()
    b_ub = np.concatenate([hi[up], -lo[dn]])
    t1, c1 = time.perf_counter(), time.process_time()
    res = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A[eq], b_eq=lo[eq], bounds=bounds, method="highs")
    t2, c2 = time.perf_counter(), time.process_time()
    obj = planner_objective(mps, res.fun) if res.status == 0 else None
    print(json.dumps({"status": res.status, "message": res.message, "objective": obj,
                      "parse_s": t1 - t0, "solve_s": t2 - t1, "solve_cpu_s": c2 - c1}))


def mps_shape(path):
    """(rows, columns, nonzeros) of the LP in a free MPS file, read here so that the table's shape
    column does not depend on a peer having parsed it (HiGHS may time out)."""
    A = read_mps(path)[1]
    return A.shape[0], A.shape[1], A.nnz


# ---- timing ------------------------------------------------------------------------------------

def timed(cmd, timeout):
    """Runs cmd under /usr/bin/time -v with `timeout` seconds of CPU time (RLIMIT_CPU, so a busy
    machine does not count against it; wall time is capped at 20× that); returns
    dict(wall, cpu, rss_mb, code, out, err, timed_out)."""
    import resource
    tv = "/tmp/lp_bench_time_%d.txt" % os.getpid()
    full = ["/usr/bin/time", "-v", "-o", tv] + cmd

    def limit():
        resource.setrlimit(resource.RLIMIT_CPU, (timeout, timeout + 5))

    t0 = time.perf_counter()
    try:
        p = subprocess.run(full, capture_output=True, text=True, timeout=20 * timeout, preexec_fn=limit)
        code, out, err = p.returncode, p.stdout, p.stderr
        to = "Command terminated by signal 24" in (open(tv).read() if os.path.exists(tv) else "") or code in (-24, 152)
    except subprocess.TimeoutExpired as e:
        code, out, err, to = None, e.stdout or "", e.stderr or "", True
    wall = time.perf_counter() - t0
    r = {"wall": wall, "code": code, "out": out if isinstance(out, str) else out.decode(),
         "err": err if isinstance(err, str) else err.decode(), "timed_out": to, "cpu": None, "rss_mb": None}
    if not to and os.path.exists(tv):
        text = open(tv).read()
        u = re.search(r"User time \(seconds\): ([\d.]+)", text)
        s = re.search(r"System time \(seconds\): ([\d.]+)", text)
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
        if u and s:
            r["cpu"] = float(u.group(1)) + float(s.group(1))
        if m:
            r["rss_mb"] = int(m.group(1)) / 1024.0
    if os.path.exists(tv):
        os.remove(tv)
    return r


def write_table(lines, out):
    """The Markdown table's lines to `out` (if given)."""
    if out:
        with open(out, "w") as f:
            f.write("\n".join(lines) + "\n")


def fmt_time(r, timeout):
    if r["timed_out"]:
        return "> %d s cpu" % timeout
    return "%.2f s (cpu %.2f)" % (r["wall"], r["cpu"] if r["cpu"] is not None else float("nan"))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,500,1000,2000")
    ap.add_argument("--planner", default=os.path.join(HERE, "..", "build", "planner"))
    ap.add_argument("--planner-args", default="", help="extra arguments for planner solve, e.g. '--algorithm primal'")
    ap.add_argument("--work", default="/tmp/planner-lp-bench")
    ap.add_argument("--peer-timeout", type=int, default=120)
    ap.add_argument("--planner-timeout", type=int, default=900)
    ap.add_argument("--peers", default="highs,glpsol")
    ap.add_argument("--out")
    ap.add_argument("--highs", metavar="MPS", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.highs:
        highs_main(a.highs)
        return
    peers = [p for p in a.peers.split(",") if p]
    lines = ["| n | rows × cols (nnz) | planner | HiGHS (linprog) | glpsol | planner / HiGHS | planner / glpsol | peak RSS planner / HiGHS / glpsol | objectives agree |",
             "|---|---|---|---|---|---|---|---|---|"]
    for n in [int(s) for s in a.sizes.split(",")]:
        d = os.path.join(a.work, "n%d" % n)
        if not os.path.exists(os.path.join(d, "plan.toml")):
            subprocess.run([sys.executable, os.path.join(HERE, "lp_generate.py"), str(n), d], check=True)
        mps = os.path.join(d, "x.mps")
        subprocess.run([a.planner, "--quiet", "solve", os.path.join(d, "plan.toml"), "--write-lp", mps,
                        "--iteration-limit", "1", "--out", os.devnull], capture_output=True)
        res_json = os.path.join(d, "planner.json")
        pl = timed([a.planner, "solve", os.path.join(d, "plan.toml"), "--format", "json", "--out", res_json,
                    "--time-limit", str(a.planner_timeout)] + a.planner_args.split(), a.planner_timeout + 60)
        p_obj = json.load(open(res_json))["objective"] if pl["code"] == 0 else None
        not_run = {"timed_out": False, "not_run": True, "wall": None, "cpu": None, "rss_mb": None}
        hi = dict(not_run)
        h = {}
        if "highs" in peers:
            hi = timed([sys.executable, os.path.abspath(__file__), "--highs", mps], a.peer_timeout)
            if not hi["timed_out"] and hi["code"] == 0:
                h = json.loads(hi["out"].strip().splitlines()[-1])
        gl = dict(not_run)
        g_obj = None
        if "glpsol" in peers:
            gl = timed(["glpsol", "--freemps", mps, "-o", os.path.join(d, "glpsol.txt")], a.peer_timeout)
            found = re.findall(r"obj =\s+([-+0-9.eE]+)", gl["out"])  # the last iteration line
            ok = "OPTIMAL LP SOLUTION FOUND" in gl["out"]
            if found and ok and not gl["timed_out"]:
                g_obj = planner_objective(mps, float(found[-1]))

        def agree(x):
            if x is None or p_obj is None:
                return "–"
            return "yes" if abs(x - p_obj) <= 1e-6 * max(1.0, abs(p_obj)) else "NO (%.9g)" % x

        def ratio(peer):
            if peer.get("not_run"):
                return "not run"
            if peer["timed_out"] or peer.get("cpu") is None or pl["cpu"] is None:
                return "< %.3g" % (pl["cpu"] / a.peer_timeout) if peer["timed_out"] and pl["cpu"] else "–"
            return "%.3g" % (pl["cpu"] / peer["cpu"])

        h_time = ("not run" if hi.get("not_run") else "> %d s cpu" % a.peer_timeout if hi["timed_out"] else
                  "%.2f s (cpu %.2f; linprog %.2f s)" % (hi["wall"], hi["cpu"], h.get("solve_s", float("nan"))))
        rss = " / ".join("%.0f MB" % r["rss_mb"] if r.get("rss_mb") else "–" for r in (pl, hi, gl))
        shape = "%d × %d (%d)" % mps_shape(mps)
        row = "| %d | %s | %s | %s | %s | %s | %s | %s | HiGHS %s, glpsol %s |" % (
            n, shape, fmt_time(pl, a.planner_timeout), h_time, "not run" if gl.get("not_run") else fmt_time(gl, a.peer_timeout), ratio(hi), ratio(gl), rss,
            agree(h.get("objective")), agree(g_obj))
        lines.append(row)
        print(row, flush=True)
        print("   planner objective %s" % p_obj, flush=True)
    text = "\n".join(lines) + "\n"
    print(text)
    if a.out:
        with open(a.out, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
