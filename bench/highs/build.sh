#!/usr/bin/env bash
# Builds HiGHS 1.15 (simplex, IPX and HiPO) from a source directory already on this machine, for
# bench/highs/run.py. Nothing is fetched at build or run time: HiGHS is not a Debian package,
# so its source must be put here first, e.g. from a clone or the release tarball:
#   git clone --branch v1.15.1 https://github.com/ERGO-Code/HiGHS ~/src/HiGHS-1.15.1
#   (offline: git --git-dir MIRROR/repo archive v1.15.1 | tar -x -C ~/src/HiGHS-1.15.1)
# Usage: bench/highs/build.sh SOURCE_DIR [BUILD_DIR]   (default BUILD_DIR: build-highs/)
# Prints the path of the `highs` binary. HiPO needs a BLAS: it is linked against Debian's
# OpenBLAS (libopenblas0-pthread, which .ci/install-deps installs), the BLAS the planner uses.
# Built with one job under `nice` (a shared 2-core machine: the bench must not starve others);
# ~20 min there. HiGHS' own METIS, AMD, RCM and cblas header come with its source (extern/).
# HiPO's dependencies live in a second library, libhighs_extras.so (target highs_extras), which
# `highs` dlopen()s at run time from its RUNPATH (BUILD_SHARED_EXTRAS_LIB=ON, HiGHS' default):
# built without it, `--solver hipo` answers "The following features are unavailable: amd, blas,
# metis, rcm" although CMake found the BLAS. So both targets are built.
set -euo pipefail
src=${1:?usage: bench/highs/build.sh SOURCE_DIR [BUILD_DIR]}
build=${2:-build-highs}
[ -f "$src/CMakeLists.txt" ] && [ -d "$src/highs" ] || { echo "$src: not a HiGHS source tree (no CMakeLists.txt and highs/)" >&2; exit 2; }
grep -q '^HIGHS_MINOR=15' "$src/Version.txt" 2>/dev/null || echo "warning: $src is not HiGHS 1.15 ($(tr '\n' ' ' < "$src/Version.txt" 2>/dev/null))" >&2
openblas=$(ls /usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0 /usr/lib/*/openblas-pthread/libopenblas.so.0 2>/dev/null | head -1 || true)
[ -n "$openblas" ] || { echo "OpenBLAS (libopenblas0-pthread) not found: HiPO needs a BLAS; run .ci/install-deps" >&2; exit 2; }
nice -n 19 cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DHIPO=ON -DBUILD_TESTING=OFF \
  -DBUILD_EXAMPLES=OFF -DZLIB=OFF -DBLA_VENDOR=OpenBLAS -DBLAS_LIBRARIES="$openblas" >"$build.configure.log" 2>&1 \
  || { tail -30 "$build.configure.log" >&2; exit 1; }
nice -n 19 cmake --build "$build" -j 1 --target highs-bin highs_extras >"$build.build.log" 2>&1 || { tail -30 "$build.build.log" >&2; exit 1; }
[ -f "$build/lib/libhighs_extras.so" ] || { echo "$build/lib/libhighs_extras.so not built: HiPO would be unavailable" >&2; exit 1; }
echo "$build/bin/highs"
