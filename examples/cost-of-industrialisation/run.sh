#!/usr/bin/env bash
# The cost of industrialisation (issue #19): heavy industry in 1933 against household
# consumption in the model of 1928, traced by the ε-constraint method, with one technique per
# product and with choices of technique; then the HTML report with the frontier, the plan
# variants on it, the records of 1932-1940, the technique mix and the two verdicts. Run from the repository root:
#   examples/cost-of-industrialisation/run.sh           (uses build/planner)
#   PLANNER=build-ex/planner examples/cost-of-industrialisation/run.sh
set -euo pipefail
PLANNER=${PLANNER:-build/planner}
case $PLANNER in /*) ;; */*) PLANNER="$PWD/$PLANNER" ;; esac   # keep a relative path valid after cd
cd "$(dirname "$0")/../.."
ONE=plans/fyp1-gosplan-optimal.toml
CHOICES=models/ussr-1928-techniques/fyp1-gosplan-optimal.toml
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

# Prints a heading, the command, then runs it (the test finds each step by its "== name" line).
step() { local name=$1; shift; printf '\n== %s\n$ planner %s\n' "$name" "$*"; "$PLANNER" "$@"; }

step frontier     tradeoff "$ONE" --points 11 --format csv
step near         tradeoff "$ONE" --from 90 --points 6 --format csv
step choices      tradeoff "$CHOICES" --from 90 --points 6 --format csv
step table        tradeoff "$ONE" --from 90 --points 6
step report       compare "$ONE" "$CHOICES" plans/fyp2.toml plans/fyp3.toml --no-history --no-frontiers --no-by-actual-year --format html --out "$OUT/fyp1-cost.html"
printf '\n== page\n'
grep -c -e 'class="frontier-point"' -e 'class="plan-point"' -e 'data-process=' "$OUT/fyp1-cost.html"
