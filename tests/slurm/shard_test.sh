#!/usr/bin/env bash
# The Slurm test of issue 18: a single-node cluster on localhost (tests/slurm/cluster.sh), a job
# array of 4 shards of `planner uncertainty` submitted with docs/slurm/uncertainty-array.sbatch,
# merged, and compared byte for byte with the unsharded run; then the same shards run by GNU
# parallel on this machine. Fails (never skips) when Slurm,
# munge or root is missing. Usage: tests/slurm/shard_test.sh PLANNER_BINARY
set -euo pipefail
planner=$(realpath "$1")
cd "$(dirname "$0")/../.."
work=$(mktemp -d /tmp/planner-slurm-XXXXXX)
trap 'tests/slurm/cluster.sh stop "$work/cluster" || true; rm -rf "$work"' EXIT
for tool in slurmctld slurmd sbatch munged parallel; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "FAIL: $tool not installed (.ci/install-deps installs slurm-wlm, munge and parallel)" >&2; exit 1; }
done
[ "$(id -u)" -eq 0 ] || { echo "FAIL: the single-node cluster needs root (slurmd runs as root)" >&2; exit 1; }
export SLURM_CONF
SLURM_CONF=$(tests/slurm/cluster.sh start "$work/cluster")
mkdir -p "$work/shards"
plan=plans/fyp1-gosplan-optimal.toml
PLAN=$plan SAMPLES=40 SEED=5 OUT="$work/shards" PLANNER="$planner" \
  sbatch --wait --quiet --array=1-4 --chdir="$PWD" --output="$work/task-%a.log" docs/slurm/uncertainty-array.sbatch
"$planner" merge "$work"/shards/shard-{1,2,3,4}.json --format csv --out "$work/merged.csv"
"$planner" uncertainty "$plan" --samples 40 --seed 5 --format csv --out "$work/whole.csv"
if cmp -s "$work/merged.csv" "$work/whole.csv"; then
  echo "PASS: 4 Slurm shards merged = the unsharded run ($(wc -l < "$work/whole.csv") CSV lines)"
else
  echo "FAIL: merged shards differ from the unsharded run" >&2
  diff "$work/merged.csv" "$work/whole.csv" | head >&2
  exit 1
fi
# The same 4 shards on one machine with GNU parallel (docs/user-guide.md), merged in any order.
mkdir -p "$work/gnu"
parallel --will-cite -j 2 "$planner" uncertainty "$plan" --samples 40 --seed 5 --shard {}/4 --out "$work/gnu/s{}.json" ::: 1 2 3 4
"$planner" merge "$work"/gnu/s{4,2,3,1}.json --format csv --out "$work/gnu.csv"
if cmp -s "$work/gnu.csv" "$work/whole.csv"; then
  echo "PASS: 4 GNU parallel shards merged = the unsharded run"
else
  echo "FAIL: GNU parallel shards merged differ from the unsharded run" >&2
  exit 1
fi
