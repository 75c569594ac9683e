#!/usr/bin/python3
"""Scale benchmark of issue 23: a 5,000-product supply-use table converted to a symmetric table
(model D), its flows balanced by RAS to new totals, and the model aggregated to 50 groups —
by planner and by the same steps in numpy/pandas (Debian's python3-numpy, python3-pandas),
each step a whole process reading and writing the same CSV files.

  bench/sut_bench.py generate DIR [N]     writes DIR/supply.csv, use.csv, final.csv, groups.csv
                                          (deterministic, seed 23); totals.csv after `convert`
  bench/sut_bench.py totals DIR           row/column totals for the balance: the converted
                                          flows' sums, perturbed ±5 % (seed 23), equal grand totals
  bench/sut_bench.py numpy-convert DIR    Z = Sᵀ diag(q)⁻¹ U, f = Sᵀ diag(q)⁻¹ Y → DIR/np/flows.csv, sectors.csv
  bench/sut_bench.py numpy-balance DIR    RAS of DIR/np/flows.csv to totals.csv (tol 1e-10) → DIR/np/balanced.csv
  bench/sut_bench.py numpy-aggregate DIR  C Z Cᵀ, C x, C f by groups.csv → DIR/np/agg-flows.csv, agg-sectors.csv

The planner side of each step:
  planner import sut DIR/supply.csv DIR/use.csv --final-demand DIR/final.csv --model D --out DIR/model --force
  planner balance DIR/model/flows.csv --totals DIR/totals.csv --out DIR/balanced.csv
  planner aggregate DIR/model/model.toml --concordance DIR/groups.csv --out DIR/agg --force
Time each pair of whole processes with /usr/bin/time -v (or any harness); docs/performance.md
("Supply-use tables at scale") has the figures.
"""
import os
import sys

import numpy as np
import pandas as pd


def generate(d, n):
    rng = np.random.default_rng(23)
    os.makedirs(d, exist_ok=True)
    g = rng.uniform(100.0, 1000.0, n).round(0)
    s = np.zeros((n, n))
    s[np.arange(n), np.arange(n)] = 0.94 * g
    for j in range(n):  # each industry makes two other products as secondary output, 3 % each
        for k in rng.choice(n - 1, 2, replace=False):
            s[k + (k >= j), j] += 0.03 * g[j]
    u = np.zeros((n, n))
    for j in range(n):  # 40 inputs per industry, half its output
        rows = rng.choice(n, 40, replace=False)
        w = rng.uniform(0.0, 1.0, 40)
        u[rows, j] = (0.5 * g[j] * w / w.sum()).round(3)
    q = s.sum(axis=1)
    short = np.maximum(1.2 * u.sum(axis=1) - q, 0.0)  # product output must cover its uses
    s[np.arange(n), np.arange(n)] += short
    q = s.sum(axis=1)
    y = (q - u.sum(axis=1)).round(6)
    s = s.round(6)
    prods = [f"p{i:05d}" for i in range(n)]
    inds = [f"i{i:05d}" for i in range(n)]

    def write(name, m, rows, cols, corner):
        df = pd.DataFrame(m, index=rows, columns=cols)
        df.index.name = corner
        df = df.where(df != 0)  # empty cells = 0 in the project's labelled CSV
        df.to_csv(os.path.join(d, name), float_format="%.10g")

    write("supply.csv", s, prods, inds, "product")
    write("use.csv", u, prods, inds, "product")
    write("final.csv", y.reshape(-1, 1), prods, ["final_demand"], "product")
    with open(os.path.join(d, "groups.csv"), "w") as f:
        f.write("sector,group\n")
        for i, ind in enumerate(inds):
            f.write(f"{ind},g{i % 50:02d}\n")


def read(d, name):
    return pd.read_csv(os.path.join(d, name), index_col=0).fillna(0.0)


def convert(d):
    s, u, y = read(d, "supply.csv"), read(d, "use.csv"), read(d, "final.csv")
    u = u.loc[s.index, s.columns]
    y = y.loc[s.index]
    t = s.values.T / s.values.sum(axis=1)  # Sᵀ diag(q)⁻¹
    z = t @ u.values
    f = (t @ y.values).sum(axis=1)
    out = os.path.join(d, "np")
    os.makedirs(out, exist_ok=True)
    pd.DataFrame(z, index=s.columns, columns=s.columns).rename_axis("sector").to_csv(os.path.join(out, "flows.csv"))
    x = z.sum(axis=1) + f
    pd.DataFrame({"output": x, "demand": f}, index=s.columns).rename_axis("id").to_csv(os.path.join(out, "sectors.csv"))


def totals(d):
    z = read(d, "model/flows.csv")
    rng = np.random.default_rng(23)
    u = z.values.sum(axis=1) * rng.uniform(0.95, 1.05, len(z))
    v = z.values.sum(axis=0) * rng.uniform(0.95, 1.05, len(z))
    v *= u.sum() / v.sum()
    pd.DataFrame({"row_total": u, "column_total": v}, index=z.index).rename_axis("id").to_csv(
        os.path.join(d, "totals.csv"), float_format="%.17g")


def balance(d):
    z = read(d, "np/flows.csv")
    t = read(d, "totals.csv").loc[z.index]
    m, u, v = z.values, t["row_total"].values, t["column_total"].values
    r, s = np.ones(len(u)), np.ones(len(v))
    threshold = 1e-10 * max(1.0, np.abs(u).max(), np.abs(v).max())
    for it in range(10000):
        rows = r * (m @ s)
        cols = s * (r @ m)
        if max(np.abs(rows - u).max(), np.abs(cols - v).max()) <= threshold:
            break
        ms = m @ s
        r = np.divide(u, ms, out=np.ones_like(u), where=ms != 0)
        mr = r @ m
        s = np.divide(v, mr, out=np.ones_like(v), where=mr != 0)
    pd.DataFrame(r[:, None] * m * s[None, :], index=z.index, columns=z.columns).rename_axis("sector").to_csv(
        os.path.join(d, "np", "balanced.csv"))
    print(f"numpy RAS: {it} iterations")


def aggregate(d):
    z = read(d, "np/flows.csv")
    sec = pd.read_csv(os.path.join(d, "np/sectors.csv"), index_col=0).loc[z.index]
    grp = pd.read_csv(os.path.join(d, "groups.csv"), index_col=0)["group"].loc[z.index]
    groups = list(dict.fromkeys(grp))
    c = np.zeros((len(groups), len(z)))
    c[[groups.index(g) for g in grp], np.arange(len(z))] = 1.0
    za = c @ z.values @ c.T
    pd.DataFrame(za, index=groups, columns=groups).rename_axis("sector").to_csv(os.path.join(d, "np", "agg-flows.csv"))
    pd.DataFrame({"output": c @ sec["output"].values, "demand": c @ sec["demand"].values}, index=groups).rename_axis(
        "id").to_csv(os.path.join(d, "np", "agg-sectors.csv"))


if __name__ == "__main__":
    cmd, d = sys.argv[1], sys.argv[2]
    if cmd == "generate":
        generate(d, int(sys.argv[3]) if len(sys.argv) > 3 else 5000)
    elif cmd == "totals":
        totals(d)
    else:
        {"numpy-convert": convert, "numpy-balance": balance, "numpy-aggregate": aggregate}[cmd](d)
