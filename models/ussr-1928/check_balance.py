#!/usr/bin/env python3
"""Base-year (1927/28) balance of models/ussr-1928/model.toml.

For every sector i it prints  x̄_i - (A x̄)_i - (Bk ê)_i - d_i - (exports_i - imports_i)
and the labour the base year needs, where ê (capacity under construction in 1927/28) and
base-year trade are the assumptions below (the model file has no keys for them).
Also prints the spectral radius of A (Hawkins-Simon in physical units) and checks that the
LP's year-0 balance, x̄ - A x̄ - d >= 0, leaves every sector a non-negative surplus.
Usage: python3 check_balance.py [model.toml]   (standard library only)
"""
import sys
import tomllib
from pathlib import Path

# assumption: capacity growth in 1927/28 about 10% of output, plus replacement of depreciation
BASE_GROWTH = 0.10
# assumption: 1927/28 exports (grain ~0.3 Mt after the procurement crisis; oil ~2.8 Mt) and
# machinery imports (~150 m rub); no source for these tonnages was found (notes.md, gaps)
BASE_EXPORTS = {"grain": 0.3, "oil": 2.8}
BASE_IMPORTS = {"machinery": 150.0}


def nominal(node):
    """The file with every uncertain number { value = ..., low = ..., ... } read as its value."""
    if isinstance(node, dict):
        return node["value"] if "value" in node and "dist" in node else {k: nominal(v) for k, v in node.items()}
    if isinstance(node, list):
        return [nominal(v) for v in node]
    return node


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("model.toml")
    model = nominal(tomllib.loads(path.read_text()))
    sectors = model["sector"]
    ids = [s["id"] for s in sectors]
    x = {s["id"]: s.get("output", 0.0) for s in sectors}
    cap = {s["id"]: s.get("capacity", s.get("output", 0.0)) for s in sectors}
    dep = {s["id"]: s.get("depreciation", 0.0) for s in sectors}
    d = {s["id"]: s.get("demand", 0.0) for s in sectors}
    a = model["technical"]["rows"]
    bk = model.get("capital", {}).get("rows", {i: [0.0] * len(ids) for i in ids})
    e_hat = {j: BASE_GROWTH * x[j] + dep[j] * cap[j] for j in ids}

    print(f"| sector | unit | x̄ | A x̄ | Bk ê | d | exports − imports | residual | residual % of x̄ |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    ok = True
    for i, s in zip(ids, sectors):
        ax = sum(a[i][k] * x[j] for k, j in enumerate(ids))
        be = sum(bk[i][k] * e_hat[j] for k, j in enumerate(ids))
        net = BASE_EXPORTS.get(i, 0.0) - BASE_IMPORTS.get(i, 0.0)
        r = x[i] - ax - be - d[i] - net
        print(f"| {i} | {s.get('unit', '')} | {x[i]:.2f} | {ax:.2f} | {be:.2f} | {d[i]:.2f} | {net:.2f} | {r:.2f} | {100 * r / x[i]:.1f} |")
        if x[i] - ax - d[i] < -1e-9:
            print(f"  !! year-0 LP balance infeasible for {i}: x̄ - A x̄ - d = {x[i] - ax - d[i]:.3f} < 0")
            ok = False

    for res in model.get("resource", []):
        po, pc = res.get("per_output", {}), res.get("per_capacity", {})
        use = sum(po.get(j, 0.0) * x[j] for j in ids)
        build = sum(pc.get(j, 0.0) * e_hat[j] for j in ids)
        avail = res.get("available")
        avail0 = avail[0] if isinstance(avail, list) else avail
        print(f"\n{res['id']}: output {use:.3f} + construction {build:.3f} = {use + build:.3f} {res.get('unit', '')}"
              f" (available in year 0: {avail0})")

    # spectral radius of A by power iteration (A is non-negative)
    v = [1.0] * len(ids)
    rho = 0.0
    for _ in range(500):
        w = [sum(a[i][k] * v[k] for k in range(len(ids))) for i in ids]
        norm = max(abs(t) for t in w) or 1.0
        rho, v = norm, [t / norm for t in w]
    print(f"spectral radius of A ≈ {rho:.4f} ({'productive' if rho < 1 else 'NOT productive'})")
    return 0 if ok and rho < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
