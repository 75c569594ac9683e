#!/usr/bin/env bash
# Germany 1995 in six product groups (Eurostat Manual 2008, ch. 15): multipliers, linkages,
# key sectors, and what the economy loses without its industry. Run from the repository root:
#   examples/eurostat-germany-1995/run.sh           (uses build/planner)
#   PLANNER=build-ex/planner examples/eurostat-germany-1995/run.sh
set -euo pipefail
PLANNER=${PLANNER:-build/planner}
case $PLANNER in /*) ;; */*) PLANNER="$PWD/$PLANNER" ;; esac   # keep a relative path valid after cd
cd "$(dirname "$0")/../.."
MODEL=models/eurostat-germany-1995/model.toml

# Prints a heading, the command, then runs it (the test finds each step by its "== name" line).
step() { local name=$1; shift; printf '\n== %s\n$ planner %s\n' "$name" "$*"; "$PLANNER" "$@"; }

step analysis            analyze "$MODEL"
step output_multipliers  analyze "$MODEL" --format csv --what output_multipliers
step backward_linkage    analyze "$MODEL" --format csv --what backward_linkage
step forward_linkage     analyze "$MODEL" --format csv --what forward_linkage
step key_sectors         analyze "$MODEL" --format csv --what key_sectors
step employment          analyze "$MODEL" --format csv --what input_multipliers
step extraction          extract "$MODEL" industry_group
