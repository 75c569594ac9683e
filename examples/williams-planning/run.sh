#!/usr/bin/env bash
# H. P. Williams' "Economic Planning" problem: one economy (coal, steel, transport), three
# objectives, three investment paths. Run from the repository root:
#   examples/williams-planning/run.sh               (uses build/planner)
#   PLANNER=build-ex/planner examples/williams-planning/run.sh
set -euo pipefail
PLANNER=${PLANNER:-build/planner}
case $PLANNER in /*) ;; */*) PLANNER="$PWD/$PLANNER" ;; esac   # keep a relative path valid after cd
cd "$(dirname "$0")/../.."
PLANS=(plans/williams-max-capacity.toml plans/williams-max-output.toml examples/williams-planning/williams-max-labour.toml)

# Prints a heading, the command, then runs it (the test finds each step by its "== name" line).
step() { local name=$1; shift; printf '\n== %s\n$ planner %s\n' "$name" "$*"; "$PLANNER" "$@"; }

step max_capacity solve "${PLANS[0]}"
step max_output   solve "${PLANS[1]}"
step max_labour   solve "${PLANS[2]}"

# The three investment paths side by side, from `solve --format csv` (quantity,id,year,value):
# the objective (full precision), then new capacity by sector and year it takes effect.
printf '\n== summary\n'
echo "plan,quantity,id,year,value"
for plan in "${PLANS[@]}"; do
  name=$(basename "$plan" .toml)
  "$PLANNER" solve "$plan" --format csv | awk -F, -v plan="$name" '
    $1 == "objective" || $1 == "capacity_additions" || ($1 == "resource_use" && $2 == "labour") { print plan "," $0 }'
done
