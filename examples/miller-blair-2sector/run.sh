#!/usr/bin/env bash
# Miller & Blair's two-sector economy: coefficients, Leontief inverse, multipliers and the
# impact of a change in final demand. Run from the repository root:
#   examples/miller-blair-2sector/run.sh            (uses build/planner)
#   PLANNER=build-ex/planner examples/miller-blair-2sector/run.sh
set -euo pipefail
PLANNER=${PLANNER:-build/planner}
case $PLANNER in /*) ;; */*) PLANNER="$PWD/$PLANNER" ;; esac   # keep a relative path valid after cd
cd "$(dirname "$0")/../.."
MODEL=models/miller-blair-2/model.toml

# Prints a heading, the command, then runs it (the test finds each step by its "== name" line).
step() { local name=$1; shift; printf '\n== %s\n$ planner %s\n' "$name" "$*"; "$PLANNER" "$@"; }

step technical          analyze "$MODEL" --what technical
step analysis           analyze "$MODEL"
step leontief_inverse   analyze "$MODEL" --format csv --what leontief_inverse
step output_multipliers analyze "$MODEL" --format csv --what output_multipliers
# f goes from (350, 1700) to (600, 1500): Δf = (+250, −200).
step impact             impact "$MODEL" --change sec1=+250 --change sec2=-200
step impact_csv         impact "$MODEL" --change sec1=+250 --change sec2=-200 --format csv
