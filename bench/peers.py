#!/usr/bin/python3
"""The peers of bench/run_peers.py: numpy and scipy (Debian's python3-numpy, python3-scipy) on
the files bench/generate_io_model writes. One measurement per process, so /usr/bin/time -v
gives its peak memory; prints one JSON object: seconds and cpu_seconds (the timed call only), residual, ...

  peers.py inv DIR         numpy.linalg.inv(I - A)            (dense A from technical.coo)
  peers.py matmul DIR      A @ (I - A), numpy                 (the GEMM yardstick)
  peers.py bicgstab DIR    scipy.sparse.linalg.bicgstab((I - A), f), Jacobi-preconditioned
  peers.py spsolve DIR     scipy.sparse.linalg.spsolve((I - A), f)   (SuperLU, direct)
"""
import json
import sys
import time

import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as spla


def load(folder):
    with open(folder + "/technical.coo", "rb") as f:
        n, nnz = np.fromfile(f, dtype=np.int64, count=2)
        rows = np.fromfile(f, dtype=np.int32, count=nnz)
        cols = np.fromfile(f, dtype=np.int32, count=nnz)
        values = np.fromfile(f, dtype=np.float64, count=nnz)
    demand = np.fromfile(folder + "/demand.f64", dtype=np.float64)
    return int(n), rows, cols, values, demand


def main():
    what, folder = sys.argv[1], sys.argv[2]
    n, rows, cols, values, f = load(folder)
    out = {"peer": what, "n": n, "numpy": np.__version__, "scipy": scipy.__version__}
    if what in ("inv", "matmul"):
        a = np.zeros((n, n), order="F")
        a[rows, cols] = values
        m = np.eye(n) - a
        t, c = time.perf_counter(), time.process_time()
        r = np.linalg.inv(m) if what == "inv" else a @ m
        out["seconds"], out["cpu_seconds"] = time.perf_counter() - t, time.process_time() - c
        if what == "inv":
            ones = np.ones(n)
            out["residual"] = float(np.linalg.norm(m @ (r @ ones) - ones) / np.linalg.norm(ones))
    else:
        m = (sp.identity(n, format="csr") - sp.csr_matrix((values, (rows, cols)), shape=(n, n))).tocsr()
        if what == "bicgstab":
            d = m.diagonal()
            jacobi = spla.LinearOperator((n, n), matvec=lambda v: v / d)
            iterations = [0]

            def count(_):
                iterations[0] += 1

            t, c = time.perf_counter(), time.process_time()
            x, info = spla.bicgstab(m, f, tol=1e-12, atol=0.0, maxiter=5000, M=jacobi, callback=count)
            out["seconds"], out["cpu_seconds"] = time.perf_counter() - t, time.process_time() - c
            out["info"] = int(info)
            out["iterations"] = iterations[0]
        else:
            t, c = time.perf_counter(), time.process_time()
            x = spla.spsolve(m.tocsc(), f)
            out["seconds"], out["cpu_seconds"] = time.perf_counter() - t, time.process_time() - c
        out["residual"] = float(np.linalg.norm(m @ x - f) / np.linalg.norm(f))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
