#!/usr/bin/env python3
"""Static Monte Carlo (`planner analyze MODEL --samples N`) on a dense model, against numpy
doing the same algebra in the same run (farm-bench pairs the two commands).

    bench/static_uncertainty_bench.py DIR [N_SECTORS] [SAMPLES] [UNCERTAIN]

writes DIR/model.toml (sectors.csv, a labelled dense technical.csv with column sums 0.6, and
technical_ranges.csv giving UNCERTAIN entries a triangular ±30 % range in 50 groups), then
runs farm-bench: A = the planner, B = numpy (per draw: triangular draws of the entries, one LU
of I − A by numpy.linalg.solve on 5 right-hand sides, the same five quantities, percentiles
at the end). numpy draws its own random numbers, so the two agree in distribution, not draw
by draw. Figures go to docs/performance.md ("Uncertainty, static")."""
import os
import subprocess
import sys

import numpy as np


def write_model(d, n, uncertain, rng):
    os.makedirs(d, exist_ok=True)
    a = rng.random((n, n)) * (rng.random((n, n)) < 0.3)
    a *= 0.6 / a.sum(axis=0)
    f = 50.0 + 100.0 * rng.random(n)
    x = np.linalg.solve(np.eye(n) - a, f)
    ids = [f"s{i}" for i in range(n)]
    with open(os.path.join(d, "sectors.csv"), "w") as out:
        out.write("id,output,demand\n")
        for i in range(n):
            out.write(f"{ids[i]},{x[i]!r},{f[i]!r}\n")
    with open(os.path.join(d, "technical.csv"), "w") as out:
        out.write("sector," + ",".join(ids) + "\n")
        for i in range(n):
            out.write(ids[i] + "," + ",".join(repr(v) for v in a[i]) + "\n")
    rows, cols = np.nonzero(a)
    pick = rng.choice(len(rows), size=min(uncertain, len(rows)), replace=False)
    with open(os.path.join(d, "technical_ranges.csv"), "w") as out:
        out.write("row,column,value,low,high,dist,sd,gsd,group,reason\n")
        for k, p in enumerate(pick):
            v = a[rows[p], cols[p]]
            out.write(f"{ids[rows[p]]},{ids[cols[p]]},{v!r},{0.7 * v!r},{1.3 * v!r},triangular,,,g{k % 50},bench\n")
    with open(os.path.join(d, "model.toml"), "w") as out:
        out.write('name = "bench dense"\nunit = "units"\nsectors_file = "sectors.csv"\n'
                  '[technical]\nfile = "technical.csv"\nranges = "technical_ranges.csv"\n')
    np.savez(os.path.join(d, "peer.npz"), a=a, x=x, f=f, rows=rows[pick], cols=cols[pick])


def peer(d, samples):
    z = np.load(os.path.join(d, "peer.npz"))
    a0, x, f, rows, cols = z["a"], z["x"], z["f"], z["rows"], z["cols"]
    n = len(x)
    rng = np.random.default_rng(1)
    group = np.arange(len(rows)) % 50
    out = np.empty((samples, 5, n))
    eye = np.eye(n)
    for s in range(samples):
        a = a0.copy()
        scale = rng.triangular(0.7, 1.0, 1.3, size=50)[group]
        a[rows, cols] *= scale
        m = eye - a
        right = np.column_stack([f, x, np.ones(n)])
        sol = np.linalg.solve(m, right)                  # x = L f, L x̄, L·1
        left = np.linalg.solve(m.T, np.column_stack([np.ones(n), 1.0 - a.sum(axis=0)]))  # 1ᵀL, prices
        mult = left[:, 0]
        out[s] = [sol[:, 0], mult, mult / mult.mean(), (sol[:, 1] / x) / (sol[:, 1] / x).mean(), left[:, 1]]
    q = np.quantile(out, [0.05, 0.25, 0.5, 0.75, 0.95], axis=0)
    print(q.shape, float(q[2, 0].sum()))


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--peer":
        peer(sys.argv[2], int(sys.argv[3]))
        return
    d = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    samples = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    uncertain = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
    write_model(d, n, uncertain, np.random.default_rng(7))
    planner = os.environ.get("PLANNER", "./build/planner")
    subprocess.run(["farm-bench", "-n", "3", "--timeout", "1800", "--vs",
                    f"/usr/bin/python3 {os.path.abspath(__file__)} --peer {d} {samples}", "--",
                    planner, "analyze", os.path.join(d, "model.toml"), "--samples", str(samples), "--format", "csv",
                    "--out", os.path.join(d, "bands.csv")], check=True)


if __name__ == "__main__":
    main()
