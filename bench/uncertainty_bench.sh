#!/usr/bin/env bash
# Monte Carlo cost per draw against a cold `planner solve` of the same First-Plan variant, as a
# ratio from the same run (farm-bench pairs A and B). Usage: bench/uncertainty_bench.sh [SAMPLES]
# from the repository root, after .ci/build. Figures go to docs/performance.md ("Uncertainty").
set -euo pipefail
cd "$(dirname "$0")/.."
samples=${1:-2000}
plan=plans/fyp1-gosplan-optimal.toml
farm-bench -n 3 --warmup 1 --timeout 1200 \
  --vs "./build/planner solve $plan --format csv" \
  -- ./build/planner uncertainty "$plan" --samples "$samples" --format csv
echo "per draw = A wall / $samples; a cold solve = B wall"
