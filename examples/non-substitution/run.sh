#!/usr/bin/env bash
# The non-substitution theorem: one economy, three bills of final demand, the same techniques.
# Run from the repository root:
#   examples/non-substitution/run.sh                  (uses build/planner)
#   PLANNER=build-ex/planner examples/non-substitution/run.sh
set -euo pipefail
PLANNER=${PLANNER:-build/planner}
case $PLANNER in /*) ;; */*) PLANNER="$PWD/$PLANNER" ;; esac   # keep a relative path valid after cd
cd "$(dirname "$0")/../.."
DIR=examples/non-substitution

# Prints a heading, the command, then runs it (the test finds each step by its "== name" line).
step() { local name=$1; shift; printf '\n== %s\n$ planner %s\n' "$name" "$*"; "$PLANNER" "$@"; }

step check check "$DIR/model.toml"
step consumer solve "$DIR/demand-consumer.toml"

# One line per demand, from `solve --format csv` (quantity,id,year,value): the labour used,
# the techniques in use (activity > 0), and the shadow prices of the three balances — the
# labour values v = l (I − A)⁻¹ of the chosen techniques.
printf '\n== summary\n'
echo "demand,labour,techniques_used,value_grain,value_coal,value_steel"
for plan in consumer industry balanced; do
  "$PLANNER" solve "$DIR/demand-$plan.toml" --format csv | awk -F, -v plan="$plan" '
    $1 == "objective" { labour = $4 }
    $1 == "activity" && $3 == 1 && $4 > 1e-9 { used = used (used == "" ? "" : " ") $2 }
    $1 == "shadow_price_balance" && $3 == 1 { v[$2] = $4 }
    END { printf "%s,%.6f,%s,%.6f,%.6f,%.6f\n", plan, labour, used, v["grain"], v["coal"], v["steel"] }'
done
