#!/usr/bin/python3
"""Generates the benchmark inputs, runs the project and its peers on them in one run, and
writes docs/performance.md (times, peak memory, project/peer ratios, the machine).

  bench/run_peers.py [--build-dir build-bench] [--work /tmp/planner-bench] [--quick] [--lp-sizes 100,500]

Steps: configure and build with -DPLANNER_BENCH=ON; bench/generate_io_model writes the
models (deterministic seeds); each measurement runs in its own process under
/usr/bin/time -v for its peak resident memory:
  - bench/analysis_perftest (Google Benchmark): GEMM, the Leontief inverse, sparse x = L f;
  - `planner analyze` end to end on the generated models (read CSV, analyse, write CSV);
  - bench/peers.py: numpy inv and matmul, scipy bicgstab and spsolve on the same matrices;
  - bench/lp_run_peers.py on the plan LP family (--lp-sizes, default 100,500): planner solve
    against HiGHS (scipy linprog) and glpsol.
--quick uses smaller sizes (a smoke test of the script, not for the docs).
Needs bench/install-deps (python3-numpy, python3-scipy, time).
"""
import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY = "/usr/bin/python3"


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw).stdout


def timed(cmd, timeout=3600):
    """Runs cmd under /usr/bin/time -v: (stdout, wall seconds, peak RSS MiB) or None on failure/timeout."""
    try:
        p = subprocess.run(["/usr/bin/time", "-v"] + cmd, text=True, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if p.returncode != 0:
        sys.stderr.write(p.stderr[-2000:])
        return None
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", p.stderr).group(1).split(":")
    wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(m)))
    return p.stdout, wall, rss


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    flags = next((l for l in open("/proc/cpuinfo") if l.startswith("flags")), "")
    simd = [f for f in ("avx2", "fma", "avx512f") if re.search(r"\b%s\b" % f, flags)]
    mem = int(next(l for l in open("/proc/meminfo") if l.startswith("MemTotal")).split()[1]) / 1024 / 1024
    load = open("/proc/loadavg").read().split()[:3]
    blas = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
    gcc = sh(["g++", "--version"]).splitlines()[0]
    return (f"{cpu}, {os.cpu_count()} cores ({', '.join(simd)}), {mem:.0f} GiB; {platform.platform()}; {gcc}; "
            f"numpy/scipy BLAS: {blas}; load average at start {' '.join(load)}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build-dir", default=os.path.join(ROOT, "build-bench"))
    ap.add_argument("--work", default="/tmp/planner-bench")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "performance.md"))
    ap.add_argument("--binaries", nargs=3, metavar=("GENERATOR", "PERFTEST", "PLANNER"),
                    help="use these built programs instead of configuring and building --build-dir")
    ap.add_argument("--lp-sizes", default="100,500",
                    help="plan LP sizes for bench/lp_run_peers.py (n = 1,000 takes minutes per solver; '' skips)")
    ap.add_argument("--cmake-args", default="-DPLANNER_NATIVE=ON",
                    help="extra configure arguments of the benchmark build")
    args = ap.parse_args()
    subprocess.run([os.path.join(ROOT, "bench", "install-deps")], check=True)
    started = datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC")
    env_machine = machine()

    b = args.build_dir
    if args.binaries:
        gen, perftest, planner = args.binaries
    else:
        subprocess.run(["cmake", "-S", ROOT, "-B", b, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release", "-DPLANNER_BENCH=ON",
                        "-DPLANNER_TESTS=OFF"] + args.cmake_args.split(), check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["cmake", "--build", b, "-j", str(os.cpu_count())], check=True, stdout=subprocess.DEVNULL)
        gen, perftest, planner = (os.path.join(b, "bench", "generate_io_model"), os.path.join(b, "bench", "analysis_perftest"),
                                  os.path.join(b, "planner"))

    dense_sizes = [200, 500] if args.quick else [500, 2000, 5000]
    sparse_n = 20000 if args.quick else 1000000
    spsolve_sizes = [2000, 10000] if args.quick else [2000, 10000]
    os.makedirs(args.work, exist_ok=True)
    folder = lambda name: os.path.join(args.work, name)
    for n in dense_sizes:
        subprocess.run([gen, folder(f"dense{n}"), str(n), str(n), "1", "--no-csv"], check=True)
    subprocess.run([gen, folder("dense2000csv" if not args.quick else "dense200csv"), str(dense_sizes[1] if args.quick else 2000),
                    str(dense_sizes[1] if args.quick else 2000), "1"], check=True)
    subprocess.run([gen, folder(f"sparse{sparse_n}"), str(sparse_n), "10", "1"], check=True)
    for n in spsolve_sizes:
        subprocess.run([gen, folder(f"sparse{n}"), str(n), "10", "1", "--no-csv"], check=True)

    rows = []  # (group, what, n, project/peer, seconds, peak MiB, note)

    def bench(filter_, label, n, group):
        r = timed([perftest, f"--benchmark_filter=^{filter_}$", "--benchmark_format=json"])
        if not r:
            rows.append((group, label, n, "project", None, None, "failed"))
            return None
        out, _, rss = r
        try:
            found = json.loads(out).get("benchmarks", [])
        except ValueError:  # "Failed to match any benchmarks": nothing on stdout
            found = []
        if not found:
            rows.append((group, label, n, "project", None, None, "no such benchmark size"))
            return None
        bm = found[0]
        scale = {"ms": 1e-3, "s": 1.0, "us": 1e-6, "ns": 1e-9}[bm["time_unit"]]
        sec = bm["real_time"] * scale
        note = ", ".join(f"{k} {bm[k]:.3g}" for k in ("residual", "iterations", "gflops") if k in bm)
        note = f"CPU {bm['cpu_time'] * scale:.3f} s" + (", " + note if note else "")
        rows.append((group, label, n, "project", sec, rss, note))
        return sec

    def peer(kind, n, name, label, group, timeout=1800):
        r = timed([PY, os.path.join(ROOT, "bench", "peers.py"), kind, folder(name)], timeout=timeout)
        if not r:
            rows.append((group, label, n, "peer", None, None, f"did not finish in {timeout} s or failed"))
            return None
        out, _, rss = r
        j = json.loads(out)
        note = ", ".join(f"{k} {j[k]:.3g}" for k in ("residual", "iterations") if k in j)
        note = f"CPU {j['cpu_seconds']:.3f} s" + (", " + note if note else "")
        rows.append((group, label, n, "peer", j["seconds"], rss, note))
        return j["seconds"]

    ratios = []
    for n in dense_sizes:
        g = bench(f"Gemm/{n}/min_time:0.500/real_time", "Eigen GEMM A·(I−A)", n, "dense")
        g2 = bench(f"GemmAllCores/{n}/min_time:0.500/real_time", "Eigen GEMM A·(I−A), column blocks on all cores", n, "dense")
        inv = bench(f"LeontiefInverse/{n}/min_time:0.500/real_time", "planner L = (I−A)⁻¹ (LU + blocked inverse)", n, "dense")
        old = bench(f"EigenLuInverse/{n}/min_time:0.500/real_time", "Eigen PartialPivLU(I−A).inverse()", n, "dense") if n <= 2000 else None
        npi = peer("inv", n, f"dense{n}", "numpy.linalg.inv(I−A)", "dense")
        npm = peer("matmul", n, f"dense{n}", "numpy A @ (I−A)", "dense")
        if inv and g: ratios.append((f"dense inverse n={n} / Eigen GEMM", inv / g, "≤ 4"))
        if inv and g2: ratios.append((f"dense inverse n={n} / Eigen GEMM on all cores", inv / g2, "≤ 4"))
        if inv and npi: ratios.append((f"dense inverse n={n}: numpy inv / planner", npi / inv, "≥ 8 at n=2000"))
        if inv and old: ratios.append((f"dense inverse n={n}: Eigen inverse() / planner", old / inv, ""))
    sx = bench(f"SparseOutput/{sparse_n}/0/min_time:0.500/real_time", "planner x = L·f, BiCGSTAB (Jacobi-preconditioned)", sparse_n, "sparse")
    bench(f"SparseOutput/{sparse_n}/1/min_time:0.500/real_time", "planner x = L·f, Jacobi iteration", sparse_n, "sparse")
    bench(f"SparseMultipliers/{sparse_n}/min_time:0.500/real_time", "planner output multipliers (I−A)ᵀy = 1, BiCGSTAB", sparse_n, "sparse")
    bench(f"PerronBounds/{sparse_n}/min_time:0.500/real_time", "planner Collatz–Wielandt bounds on ρ(A)", sparse_n, "sparse")
    sb = peer("bicgstab", sparse_n, f"sparse{sparse_n}", "scipy bicgstab (Jacobi-preconditioned)", "sparse")
    if sx and sb: ratios.append((f"sparse x = L·f n={sparse_n}: scipy bicgstab / planner", sb / sx, "≥ 2"))
    if sx: ratios.append((f"sparse x = L·f n={sparse_n}: seconds", sx, "< 1"))
    for n in spsolve_sizes:
        peer("spsolve", n, f"sparse{n}", "scipy spsolve (SuperLU, direct)", "sparse", timeout=600)

    # planner analyze end to end: read the CSVs, analyse, write every per-sector result as CSV.
    e2e = []
    for name, n, mode in ([("dense200csv", 500, "dense")] if args.quick else [("dense2000csv", 2000, "dense")]) + [
            (f"sparse{sparse_n}", sparse_n, "sparse")]:
        out_csv = os.path.join(args.work, f"{name}-analysis.csv")
        r = timed([planner, "analyze", os.path.join(folder(name), "model.toml"), "--analysis", mode, "--format", "csv",
                   "--out", out_csv])
        e2e.append((name, n, mode, r[1] if r else None, r[2] if r else None))

    fmt = lambda v, d=3: "—" if v is None else f"{v:.{d}f}"
    lines = [
        "# Performance",
        "",
        f"Measured by `bench/run_peers.py` on {started}{' (--quick: smoke sizes)' if args.quick else ''}. "
        "Project and peers ran in the same run on the same matrices "
        "(bench/random_economy.hpp: k random nonzeros per column, column sums uniform in [0.3, 0.7], seed 1). "
        "Times are wall-clock seconds of the timed call only (Google Benchmark's mean for the project); "
        "peak memory is the whole process's maximum resident set (`/usr/bin/time -v`), data generation included.",
        "",
        f"Machine: {env_machine}.",
        "",
        (f"Build: the given programs `{' '.join(args.binaries)}`." if args.binaries
         else f"Build: Release, `{args.cmake_args}` (bench/run_peers.py --cmake-args)."),
        "",
        "## Dense and sparse linear algebra",
        "",
        "| group | what | n | side | seconds | peak MiB | notes |",
        "|---|---|---:|---|---:|---:|---|",
    ]
    for g, what, n, side, sec, rss, note in rows:
        lines.append(f"| {g} | {what} | {n:,} | {side} | {fmt(sec)} | {fmt(rss, 0)} | {note} |")
    lines += ["", "## Ratios (same run)", "", "| ratio | value | target |", "|---|---:|---|"]
    for what, v, target in ratios:
        lines.append(f"| {what} | {v:.2f} | {target} |")
    lines += ["", "## `planner analyze` end to end", "",
              "Read model.toml, sectors.csv and the triplet CSV, check productivity, analyse, write every per-sector "
              "result as CSV (`--format csv --out`).", "",
              "| model | n | analysis | seconds | peak MiB |", "|---|---:|---|---:|---:|"]
    for name, n, mode, sec, rss in e2e:
        lines.append(f"| {name} | {n:,} | {mode} | {fmt(sec, 2)} | {fmt(rss, 0)} |")
    lines += ["", "## Method notes", "",
              "- **Dense inverse.** `LeontiefSystem` factorises I − A once (Eigen `PartialPivLU`) and forms "
              "L = U⁻¹·L_lu⁻¹·P as LAPACK's getri does: the unit-lower inverse skips its triangle of zeros "
              "(n³/3 flops) and U⁻¹ is applied by independent 128-column blocks (n³), both solves shared "
              "among the cores by std::threads: 2n³ flops in all, the same as one GEMM, where `lu.inverse()` "
              "(= `lu.solve(I)`) does 2.7n³ with the identity's zeros ignored. The Ghosh inverse reuses L "
              "(G = diag(x̄)⁻¹·L·diag(x̄) when every x̄ > 0) instead of a second factorisation.",
              "- **Build flags.** The project's default build is generic x86-64 (SSE2). "
              "`-DPLANNER_NATIVE=ON` (-march=native: AVX2/FMA) roughly halves every dense time; "
              "`-DPLANNER_OPENMP=ON` adds Eigen's own threads to its products. The table above is from the build this script "
              "configures (see `cmake` line in bench/run_peers.py).",
              "- **OpenBLAS.** Eigen with `-DEIGEN_USE_BLAS` against Debian's OpenBLAS 0.3.21 (pthread) "
              "measured no faster than Eigen's own kernels with -march=native here (GEMM n=2000 1.04 s vs "
              "0.93 s, getrf+getri 1.35 s vs LU + blocked inverse 1.2 s, on a loaded machine), and installing "
              "libopenblas0 switches the system libblas.so.3 that numpy uses; not adopted.",
              "- **Productivity at scale.** Above 400 sectors ρ(A) is bracketed by Collatz–Wielandt bounds "
              "from a power iteration (min/max of (Ax)ᵢ/xᵢ for x > 0); the economy is accepted only when "
              "the upper bound is below 1 − 1e-10. A dense eigen-decomposition takes ~10 s at n = 1,000 and "
              "minutes at 2,000; a dense table whose bounds stay undecided falls back to it.",
              "- **Sparse solver.** BiCGSTAB with a diagonal preconditioner (Eigen) on I − A stored "
              "row-major, tolerance 1e-12 relative residual; the Jacobi/Neumann iteration converges at "
              "rate ρ(A) and needs several times more products (see the table). Every solve reports its "
              "iterations and its residual recomputed from the returned vector; `planner analyze` warns on "
              "standard error when a residual exceeds 1e-8.",
              "- **Peers.** numpy 1.24 / scipy 1.10 from Debian, on reference BLAS (libblas3) as "
              "installed; scipy's `bicgstab` gets the same Jacobi preconditioner and tolerance as the "
              "project. `spsolve` (SuperLU) is a direct method: its fill-in on a random sparse matrix "
              "makes it impractical already at 10⁴ sectors here (a dash: did not finish in the time limit)."]
    lines += ["", "## Plan LP at scale", ""]
    lp_sizes = "100" if args.quick else args.lp_sizes
    if lp_sizes:
        # The plan LP family against HiGHS (scipy linprog) and glpsol: bench/lp_run_peers.py, its table as printed.
        lp_table = os.path.join(args.work, "lp-table.md")
        subprocess.run([PY, os.path.join(ROOT, "bench", "lp_run_peers.py"), "--sizes", lp_sizes, "--planner", planner,
                        "--work", os.path.join(args.work, "lp"), "--out", lp_table], check=True, stdout=subprocess.DEVNULL)
        with open(lp_table) as f:
            lines += [f"`bench/lp_run_peers.py --sizes {lp_sizes}` (CPU seconds; see that script):", "", f.read().rstrip(), ""]
    else:
        lines += ["Run `bench/lp_run_peers.py` for this part; it prints its table in the same layout.", ""]
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        f.write("\n".join(lines))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
