#!/usr/bin/python3
"""Generates the dynamic-plan LP benchmark family (issue #5 part 3) in the spec's file format.

    bench/lp_generate.py N OUT_DIR [--years T] [--seed S] [--family NAME]
                         [--technical-lag L] [--capital-lag L] [--terminal steady-state|none]
                         [--nnz K|LO-HI] [--regions R] [--values uniform|heavy-tailed]

writes OUT_DIR/model.toml, sectors.csv, technical.csv, capital.csv (triplet CSVs, spec §3)
and OUT_DIR/plan.toml: n sectors, T = 5 plan years, a Williams-like economy (technical lag 1,
capital lag 2, labour lags 0 and 1, steady-state terminal year), 8 nonzeros per column of the
technical matrix A (one of them the diagonal), 3 per column of the capital matrix, one labour
limit, objective `max-capacity`. Deterministic: the same N and seed give the same bytes.

Other families (issue #20: the default algorithm must hold beyond the one it was tuned on),
by --family or by the single options it sets:

  benchmark   the family above (the default)
  same-year   technical lag 0, no terminal year (the issue's 300-sector family where the
              primal simplex was slow)
  lags        technical lag 0, capital lag 4, no terminal year (the spec allows lag 0 or 1 for
              A; with a steady-state terminal year a 4-year capital lag is infeasible)
  dense       8 → n/4 nonzeros per column of A, uniform values
  national    a dense benchmark-like table (~400 sectors, like the US benchmark table): n/2
              nonzeros per column of A, heavy-tailed values (log-normal, σ = 2.5: most entries
              tiny, a few large, as in a national table)
  sparse-regions  EXIOBASE-like: R = n/200 regions of 200 sectors, 10–30 nonzeros per column of
              A (drawn per column), 90 % of them in the column's own region block, the rest
              anywhere (trade); capital 3 a column, also mostly in the region

--nnz LO-HI draws each column's count uniformly from LO..HI. Every family is deterministic by
--seed (and n): the same arguments give the same bytes.

The numbers are chosen so that the plan is feasible and bounded: A's column sums lie in
[0.35, 0.65] (productive), opening capacity is 1.25 × the steady-state output x* = (I−A)⁻¹ d,
base-year output is x*, opening stocks 0.2 x*, and labour allows 1.15 × what x* needs, so
growth of capacity is limited by labour.
"""
import argparse
import os

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla

NNZ_A, NNZ_B = 8, 3


def sector_id(j):
    return f"s{j:05d}"


FAMILIES = {
    "benchmark": {},
    "same-year": {"technical_lag": 0, "terminal": "none"},
    "lags": {"technical_lag": 0, "capital_lag": 4, "terminal": "none"},
    "dense": {"nnz": ("n/", 4)},
    "national": {"nnz": ("n/", 2), "values": "heavy-tailed"},
    "sparse-regions": {"nnz": (10, 30), "regions": ("n/", 200)},
}


def column_counts(rng, n, nnz):
    """Nonzeros of each column: nnz itself, or (lo, hi) drawn uniformly per column."""
    if isinstance(nnz, tuple):
        return rng.integers(nnz[0], nnz[1] + 1, size=n)
    return np.full(n, nnz)


def random_columns(rng, n, nnz, diagonal, regions=1):
    """Row indices (nnz distinct rows per column) and their column index. With regions > 1 the
    sectors fall into that many equal blocks and 90 % of a column's rows lie in its own block."""
    rows, cols = [], []
    size = n // regions
    counts = column_counts(rng, n, nnz)
    for j in range(n):
        k = int(min(counts[j] - 1 if diagonal else counts[j], n - 1))
        if regions > 1:
            lo = (j // size) * size
            hi = n if j // size == regions - 1 else lo + size
            inside = min(int(round(0.9 * k)), hi - lo - 1)
            own = lo + rng.choice(hi - lo - 1, size=inside, replace=False)
            own = np.where(own >= j, own + 1, own)  # skip the diagonal
            taken = set(own.tolist()) | {j}
            rest = []
            while len(rest) < k - inside:  # O(nnz) a column: n = 10,000 must not cost O(n²)
                r = int(rng.integers(n))
                if r not in taken:
                    taken.add(r)
                    rest.append(r)
            pool = np.concatenate([own, np.array(rest, dtype=own.dtype)])
        else:
            pool = rng.choice(n - 1, size=k, replace=False)
            pool = np.where(pool >= j, pool + 1, pool)  # skip the diagonal
        r = list(pool) + ([j] if diagonal else [])
        rows.extend(r)
        cols.extend([j] * len(r))
    return np.array(rows), np.array(cols)


def generate(n, out, years=5, seed=1, technical_lag=1, capital_lag=2, terminal="steady-state", nnz=NNZ_A, regions=1,
             values="uniform"):
    rng = np.random.default_rng(seed * 1_000_003 + n)
    os.makedirs(out, exist_ok=True)
    ids = [sector_id(j) for j in range(n)]

    # Technical coefficients: column sums in [0.35, 0.65].
    ar, ac = random_columns(rng, n, nnz, diagonal=True, regions=regions)
    # Heavy-tailed: a national table's few large flows (energy, trade, the diagonal) among many
    # tiny ones; the column sums are scaled to the same range either way.
    av = rng.lognormal(0.0, 2.5, size=ar.size) if values == "heavy-tailed" else rng.uniform(0.2, 1.0, size=ar.size)
    A = sp.csc_matrix((av, (ar, ac)), shape=(n, n))
    colsum = np.asarray(A.sum(axis=0)).ravel()
    A = A @ sp.diags(rng.uniform(0.35, 0.65, size=n) / colsum)
    A = sp.csc_matrix(A)
    # Capital coefficients: 3 per column, column sums in [0.8, 2.0].
    br, bc = random_columns(rng, n, NNZ_B, diagonal=False, regions=regions)
    bv = rng.uniform(0.2, 1.0, size=br.size)
    B = sp.csc_matrix((bv, (br, bc)), shape=(n, n))
    colsum = np.asarray(B.sum(axis=0)).ravel()
    B = sp.csc_matrix(B @ sp.diags(rng.uniform(0.8, 2.0, size=n) / colsum))

    demand = rng.uniform(10.0, 50.0, size=n)
    xstar = spla.spsolve(sp.csc_matrix(sp.identity(n) - A), demand)
    labour_out = rng.uniform(0.1, 1.0, size=n)
    labour_cap = rng.uniform(0.05, 0.5, size=n)
    available = 1.15 * float(labour_out @ xstar)

    def r6(v):
        return f"{v:.6g}"

    with open(os.path.join(out, "sectors.csv"), "w") as f:
        f.write("id,name,unit,output,stock,capacity,depreciation,demand\n")
        for j in range(n):
            f.write(f"{ids[j]},Sector {j},,{r6(xstar[j])},{r6(0.2 * xstar[j])},{r6(1.25 * xstar[j])},0,{r6(demand[j])}\n")

    def triplets(name, M):
        M = sp.coo_matrix(M)
        order = np.lexsort((M.row, M.col))
        with open(os.path.join(out, name), "w") as f:
            f.write("row,col,value\n")
            for k in order:
                f.write(f"{ids[M.row[k]]},{ids[M.col[k]]},{M.data[k]:.8g}\n")

    triplets("technical.csv", A)
    triplets("capital.csv", B)

    def inline(v):
        return "{ " + ", ".join(f"{ids[j]} = {r6(v[j])}" for j in range(n)) + " }"

    nnz_text = "%d-%d" % nnz if isinstance(nnz, tuple) else str(nnz)
    with open(os.path.join(out, "model.toml"), "w") as f:
        f.write(f'# Generated by bench/lp_generate.py {n} --seed {seed} (technical lag {technical_lag}, capital lag '
                f'{capital_lag}, terminal {terminal}, {nnz_text} nonzeros a column, {regions} regions, {values} values): '
                f'see that script.\n')
        f.write(f'name = "Generated dynamic economy, {n} sectors (seed {seed})"\n')
        f.write('unit = "units"\nbase_year = 0\nsectors_file = "sectors.csv"\n\n')
        f.write(f'[technical]\nlag = {technical_lag}\ntriplets = "technical.csv"\n\n')
        f.write(f'[capital]\nlag = {capital_lag}\ntriplets = "capital.csv"\n\n')
        f.write('[[resource]]\nid = "labour"\nunit = "man-years"\n')
        f.write(f"available = {r6(available)}\n")
        f.write(f"per_output = {inline(labour_out)}\nper_output_lag = 0\n")
        f.write(f"per_capacity = {inline(labour_cap)}\nper_capacity_lag = 1\n")
    with open(os.path.join(out, "plan.toml"), "w") as f:
        f.write(f'name = "Generated plan: maximise capacity, {n} sectors, {years} years"\n')
        f.write(f'model = "model.toml"\nyears = {years}\nterminal = "{terminal}"\n')
        f.write("terminal_capacity_bound = true\n\n[objective]\nkind = \"max-capacity\"\n")


def nnz_arg(text):
    """K or LO-HI (a range drawn per column)."""
    if "-" in text:
        lo, hi = (int(x) for x in text.split("-", 1))
        if not 1 <= lo <= hi:
            raise argparse.ArgumentTypeError("--nnz LO-HI needs 1 <= LO <= HI, got %r" % text)
        return (lo, hi)
    return int(text)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("n", type=int)
    p.add_argument("out")
    p.add_argument("--years", type=int, default=5)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--family", choices=sorted(FAMILIES), default="benchmark")
    p.add_argument("--technical-lag", type=int)
    p.add_argument("--capital-lag", type=int)
    p.add_argument("--terminal", choices=["steady-state", "none"])
    p.add_argument("--nnz", type=nnz_arg, help="nonzeros per column of A: K, or LO-HI drawn per column "
                   "(8; dense n/4, national n/2, sparse-regions 10-30)")
    p.add_argument("--regions", type=int)
    p.add_argument("--values", choices=["uniform", "heavy-tailed"], help="A's entries before scaling")
    a = p.parse_args()
    opts = {"technical_lag": 1, "capital_lag": 2, "terminal": "steady-state", "nnz": NNZ_A, "regions": 1,
            "values": "uniform"}
    for k, v in FAMILIES[a.family].items():
        opts[k] = max(1, a.n // v[1]) if isinstance(v, tuple) and v[0] == "n/" else v  # ("n/", d): n / d
    for k in opts:
        if getattr(a, k) is not None:
            opts[k] = getattr(a, k)
    generate(a.n, a.out, a.years, a.seed, **opts)


if __name__ == "__main__":
    main()
