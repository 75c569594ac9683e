#!/usr/bin/env bash
# How sure is the First-Plan verdict? The approved Gosplan variant drawn over the uncertain
# numbers of models/ussr-1928 (its README, "Uncertainty ranges"): bands, the probability that
# the goals were feasible, what made draws fail, which assumptions λ* hangs on, and the report
# with fan charts. Run from the repository root:
#   examples/how-sure-first-plan/run.sh            (uses build/planner; writes the report to $OUT, default /tmp)
set -euo pipefail
PLANNER=${PLANNER:-build/planner}
case $PLANNER in /*) ;; */*) PLANNER="$PWD/$PLANNER" ;; esac   # keep a relative path valid after cd
OUT=${OUT:-${TMPDIR:-/tmp}}
cd "$(dirname "$0")/../.."
PLAN=plans/fyp1-gosplan-optimal.toml

# Prints a heading, the command, then runs it (the test finds each step by its "== name" line).
step() { local name=$1; shift; printf '\n== %s\n$ planner %s\n' "$name" "$*"; "$PLANNER" "$@"; }

# 200 joint draws of the plan as written (the seed makes them the same on any machine and thread count).
step bands    uncertainty "$PLAN" --samples 200 --seed 1
# The report's own figures with their bands, as JSON (plans[].uncertainty).
step json     compare "$PLAN" --samples 200 --seed 1 --no-frontiers --no-by-actual-year --format json
# The HTML report: fan charts, the how-sure column, and the tornado of 8 Sobol base samples
# (few draws, to run quickly: use --samples 1000 --sobol 1024 for a report to keep).
step html     compare "$PLAN" --samples 50 --seed 1 --sobol 8 --no-frontiers --format html --out "$OUT/how-sure-fyp1.html"
echo "wrote $OUT/how-sure-fyp1.html"
# The static side: how sure are the 1928 multipliers and linkages?
step static   analyze models/ussr-1928/model.toml --samples 2000 --seed 1 --top 3
