#!/usr/bin/python3
"""A 5,000-sector dense table through the Python module (numpy in → planner → pandas out) against
the same computation in numpy/pandas, as pymrio's calc_all does it (A = Z / x, L = inv(I − A),
x = L·y), on the same table in the same run. Usage, from the repository root after .ci/build:
    PYTHONPATH=build/python /usr/bin/python3 bench/python_large.py [N]
Figures go to docs/performance.md ("Python module, 5,000 sectors")."""
import resource
import sys
import time

import numpy as np
import pandas as pd

import planner

n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
rng = np.random.default_rng(1)
x = rng.uniform(50.0, 150.0, n)
Z = rng.uniform(0.0, 1.0, (n, n)) * (0.6 * x / n)[None, :] * 2.0  # column sums ≈ 0.6 x: productive
ids = [f"s{i}" for i in range(n)]
y = x - Z.sum(axis=1)


def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


t = time.perf_counter()
e = planner.Economy(Z=Z, x=x, ids=ids)
L_planner = e.L  # a labelled DataFrame over the library's storage
x_planner = L_planner.to_numpy() @ y
t_planner = time.perf_counter() - t
m_planner = peak_mib()

t = time.perf_counter()
A = pd.DataFrame(Z / x[None, :], index=ids, columns=ids)
L_numpy = pd.DataFrame(np.linalg.inv(np.eye(n) - A.to_numpy()), index=ids, columns=ids)
x_numpy = L_numpy.to_numpy() @ y
t_numpy = time.perf_counter() - t

err = float(np.max(np.abs(L_planner.to_numpy() - L_numpy.to_numpy())))
print(f"n = {n}: planner {t_planner:.2f} s (peak {m_planner:.0f} MiB after it), numpy/pandas {t_numpy:.2f} s, "
      f"ratio {t_planner / t_numpy:.2f}; max |L_planner − L_numpy| = {err:.2e}; x agrees to "
      f"{float(np.max(np.abs(x_planner - x_numpy) / np.abs(x_numpy))):.1e} (relative); "
      f"type {type(L_planner).__name__}")
sys.exit(0 if err < 1e-8 else 1)
