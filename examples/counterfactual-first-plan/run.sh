#!/usr/bin/env bash
# The First Five-Year Plan's what-ifs (docs/counterfactuals.md): NEP continued, Bukharin's
# balanced growth, a food floor per head (no famine) and the 1930 escalation, beside the
# collectivised run on the model with choices of technique. Run from the repository root:
#   examples/counterfactual-first-plan/run.sh       (uses build/planner)
#   PLANNER=build-ex/planner examples/counterfactual-first-plan/run.sh
set -euo pipefail
PLANNER=${PLANNER:-build/planner}
case $PLANNER in /*) ;; */*) PLANNER="$PWD/$PLANNER" ;; esac   # keep a relative path valid after cd
cd "$(dirname "$0")/../.."
PLANS=(models/ussr-1928-techniques/fyp1-gosplan-optimal.toml plans/counterfactual/nep-continued.toml
       plans/counterfactual/bukharin-balanced.toml plans/counterfactual/consumption-floor.toml
       plans/counterfactual/escalation-1930.toml)

# Prints a heading, the command, then runs it (the test finds each step by its "== name" line).
step() { local name=$1; shift; printf '\n== %s\n$ planner %s\n' "$name" "$*"; "$PLANNER" "$@"; }

step check    check plans/counterfactual/consumption-floor.toml
# The NEP run: the technique mix with the herd kept (horses at 80.1 Mt, no grain exported).
step nep      solve plans/counterfactual/nep-continued.toml
# Goals vs feasible vs actual for the collectivised run and the four counterfactuals.
step compare  compare "${PLANS[@]}"
# The same figures as JSON (plans[].fulfilment, plans[].scenarios[] with id "by-1932", …).
step json     compare "${PLANS[@]}" --format json
