#!/usr/bin/env bash
# The First Five-Year Plan (1928/29-1932/33): stated goals, what the economy of 1928 could
# have reached, and what was recorded; and what the consumption floor cost. Run from the
# repository root:
#   examples/first-five-year-plan/run.sh            (uses build/planner)
#   PLANNER=build-ex/planner examples/first-five-year-plan/run.sh
set -euo pipefail
PLANNER=${PLANNER:-build/planner}
case $PLANNER in /*) ;; */*) PLANNER="$PWD/$PLANNER" ;; esac   # keep a relative path valid after cd
cd "$(dirname "$0")/../.."
PLANS=(plans/fyp1-stated-goals.toml plans/fyp1-gosplan-initial.toml plans/fyp1-gosplan-optimal.toml plans/fyp1-revised-1930.toml)

# Prints a heading, the command, then runs it (the test finds each step by its "== name" line).
step() { local name=$1; shift; printf '\n== %s\n$ planner %s\n' "$name" "$*"; "$PLANNER" "$@"; }

step check   check plans/fyp1-gosplan-optimal.toml
# Goals vs feasible vs actual for all four variants, with the consumption-floor re-solve.
step compare compare "${PLANS[@]}" --no-consumption-floor
# The same figures as JSON (stable keys: plans[].fulfilment, plans[].scenarios[] …).
step json    compare "${PLANS[@]}" --no-consumption-floor --format json
