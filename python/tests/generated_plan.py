"""A generated dynamic plan in the spec's file format, numpy only: the family of
bench/lp_generate.py (n sectors, T years, technical lag 1, capital lag 2, one labour limit,
max-capacity), large enough that its LP takes seconds to solve."""
import os

import numpy as np


def write_generated_plan(n: int, out: str, years: int = 5, seed: int = 1) -> str:
    """Writes out/model.toml, sectors.csv, technical.csv, capital.csv and plan.toml; returns the plan's path."""
    rng = np.random.default_rng(seed * 1_000_003 + n)
    os.makedirs(out, exist_ok=True)
    ids = [f"s{j:05d}" for j in range(n)]

    def columns(nnz, diagonal, low, high):
        m = np.zeros((n, n))
        for j in range(n):
            pool = rng.choice(n - 1, size=nnz - (1 if diagonal else 0), replace=False)
            rows = list(np.where(pool >= j, pool + 1, pool)) + ([j] if diagonal else [])
            m[rows, j] = rng.uniform(0.2, 1.0, size=len(rows))
        return m * (rng.uniform(low, high, size=n) / m.sum(axis=0))

    a = columns(8, True, 0.35, 0.65)
    b = columns(3, False, 0.8, 2.0)
    demand = rng.uniform(10.0, 50.0, size=n)
    xstar = np.linalg.solve(np.eye(n) - a, demand)
    labour_out = rng.uniform(0.1, 1.0, size=n)
    labour_cap = rng.uniform(0.05, 0.5, size=n)

    def r6(v):
        return f"{v:.6g}"

    with open(os.path.join(out, "sectors.csv"), "w") as f:
        f.write("id,name,unit,output,stock,capacity,depreciation,demand\n")
        for j in range(n):
            f.write(f"{ids[j]},Sector {j},,{r6(xstar[j])},{r6(0.2 * xstar[j])},{r6(1.25 * xstar[j])},0,{r6(demand[j])}\n")
    for name, m in (("technical.csv", a), ("capital.csv", b)):
        with open(os.path.join(out, name), "w") as f:
            f.write("row,col,value\n")
            for j in range(n):
                for i in np.nonzero(m[:, j])[0]:
                    f.write(f"{ids[i]},{ids[j]},{m[i, j]:.8g}\n")

    def inline(v):
        return "{ " + ", ".join(f"{ids[j]} = {r6(v[j])}" for j in range(n)) + " }"

    with open(os.path.join(out, "model.toml"), "w") as f:
        f.write(f'name = "Generated dynamic economy, {n} sectors"\nunit = "units"\nbase_year = 0\n')
        f.write('sectors_file = "sectors.csv"\n\n[technical]\nlag = 1\ntriplets = "technical.csv"\n\n')
        f.write('[capital]\nlag = 2\ntriplets = "capital.csv"\n\n[[resource]]\nid = "labour"\nunit = "man-years"\n')
        f.write(f"available = {r6(1.15 * float(labour_out @ xstar))}\n")
        f.write(f"per_output = {inline(labour_out)}\nper_output_lag = 0\n")
        f.write(f"per_capacity = {inline(labour_cap)}\nper_capacity_lag = 1\n")
    plan = os.path.join(out, "plan.toml")
    with open(plan, "w") as f:
        f.write(f'name = "Generated plan, {n} sectors"\nmodel = "model.toml"\nyears = {years}\n')
        f.write('terminal = "steady-state"\nterminal_capacity_bound = true\n\n[objective]\nkind = "max-capacity"\n')
    return plan
