#!/usr/bin/env bash
# Feldman's two-sector growth model: the same economy planned with different shares γ of
# machines ploughed back into machine-building. Run from the repository root:
#   examples/feldman-growth/run.sh                  (uses build/planner)
#   PLANNER=build-ex/planner examples/feldman-growth/run.sh
set -euo pipefail
PLANNER=${PLANNER:-build/planner}
case $PLANNER in /*) ;; */*) PLANNER="$PWD/$PLANNER" ;; esac   # keep a relative path valid after cd
cd "$(dirname "$0")/../.."
DIR=examples/feldman-growth

# Prints a heading, the command, then runs it (the test finds each step by its "== name" line).
step() { local name=$1; shift; printf '\n== %s\n$ planner %s\n' "$name" "$*"; "$PLANNER" "$@"; }

step check "check" "$DIR/model.toml"
step plan_050 solve "$DIR/share-050.toml"

# One line per plan, from `solve --format csv` (quantity,id,year,value): the objective,
# consumption of consumer goods in 1929 (t=1), 1933 (t=5) and 1938 (t=10), their sum over
# the ten years, and the capital-goods capacity in 1933.
printf '\n== summary\n'
echo "plan,objective,consumption_1929,consumption_1933,consumption_1938,consumption_total,capital_capacity_1933"
for plan in share-000 share-025 share-050 share-075 share-100 share-free; do
  "$PLANNER" solve "$DIR/$plan.toml" --format csv | awk -F, -v plan="$plan" '
    $1 == "objective" { obj = $4 }
    $1 == "consumption" && $2 == "consumer_goods" { c[$3] = $4; total += $4 }
    $1 == "capacity" && $2 == "capital_goods" && $3 == 5 { k5 = $4 }
    END { printf "%s,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f\n", plan, obj, c[1], c[5], c[10], total, k5 }'
done
