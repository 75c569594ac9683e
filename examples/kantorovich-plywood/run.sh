#!/usr/bin/env bash
# Kantorovich's 1939 examples as plans with several techniques per product (activity analysis).
# Run from the repository root:
#   examples/kantorovich-plywood/run.sh               (uses build/planner)
#   PLANNER=build-ex/planner examples/kantorovich-plywood/run.sh
set -euo pipefail
PLANNER=${PLANNER:-build/planner}
case $PLANNER in /*) ;; */*) PLANNER="$PWD/$PLANNER" ;; esac   # keep a relative path valid after cd
cd "$(dirname "$0")/../.."
DIR=examples/kantorovich-plywood

# Prints a heading, the command, then runs it (the test finds each step by its "== name" line).
step() { local name=$1; shift; printf '\n== %s\n$ planner %s\n' "$name" "$*"; "$PLANNER" "$@"; }

step check check "$DIR/excavator.toml"
step excavator solve "$DIR/excavator-plan.toml"

# The machine-time intensities and the idle pairs' saving needed, from `solve --format csv`
# (quantity,id,year,value), beside Kantorovich's published intensities (kantorovich.txt).
printf '\n== intensities\n'
echo "process,activity,published,saving_needed"
"$PLANNER" solve "$DIR/excavator-plan.toml" --format csv | awk -F, '
  BEGIN { p["m1_a"] = 0.671365; p["m1_b"] = 0.328635; p["m2_b"] = 0.789238; p["m2_c"] = 0.210762; p["m3_c"] = 1 }
  $1 == "activity" && $3 == 1 { a[$2] = $4; order[++n] = $2 }
  $1 == "reduced_cost" && $3 == 1 { rc[$2] = $4 }
  $1 == "fulfilment" { lambda = $4 }
  END { for (i = 1; i <= n; ++i) { id = order[i]; printf "%s,%.6f,%.6f,%.6f\n", id, a[id], p[id] + 0, rc[id] }
        printf "lambda,%.8f,%.8f,\n", lambda, 15720 / 223 }'

step machine_tools solve "$DIR/machine-tools-plan.toml"
