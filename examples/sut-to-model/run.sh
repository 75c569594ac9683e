#!/usr/bin/env bash
# From a statistical office's supply and use tables to a model, a year later and why it changed:
# Germany 1995 (Eurostat Manual 2008, ch. 15) as supply and use tables → symmetric table
# (import sut) → 3 groups (aggregate) → next year's totals (balance, RAS) → analysis and
# structural decomposition. Run from the repository root:
#   examples/sut-to-model/run.sh           (uses build/planner)
set -euo pipefail
PLANNER=${PLANNER:-build/planner}
case $PLANNER in /*) ;; */*) PLANNER="$PWD/$PLANNER" ;; esac   # keep a relative path valid after cd
cd "$(dirname "$0")/../.."
EX=examples/sut-to-model
OUT=$(mktemp -d)            # the model folders this walk-through writes
trap 'rm -rf "$OUT"' EXIT

# Prints a heading, the command, then runs it (the test finds each step by its "== name" line).
step() { local name=$1; shift; printf '\n== %s\n$ planner %s\n' "$name" "$*"; "$PLANNER" "$@"; }
show() { printf '\n== %s\n$ cat %s\n' "$1" "$2"; cat "$OUT/$2"; }

# 1. The published table as supply and use tables; model B (product technology needs no S⁻¹ here).
step import_sut     import sut $EX/supply.csv $EX/use.csv --final-demand $EX/final-demand.csv \
                    --value-added $EX/value-added.csv --model B --unit "million EUR" \
                    --name "Germany 1995 from supply and use" --out "$OUT/de95"
step technical_sut  analyze "$OUT/de95/model.toml" --format csv --what technical
step technical_published analyze models/eurostat-germany-1995/model.toml --format csv --what technical

# 2. Secondary production: industry i2 makes 10 of product p1. The four models differ.
for m in A B C D; do
  "$PLANNER" --quiet import sut $EX/secondary/supply.csv $EX/secondary/use.csv \
      --final-demand $EX/secondary/final-demand.csv --value-added $EX/secondary/value-added.csv \
      --model $m --out "$OUT/secondary-$m"
  show "secondary_$m" "secondary-$m/flows.csv"
done

# 3. Six product groups into three.
step aggregate      aggregate "$OUT/de95/model.toml" --concordance $EX/groups.csv --out "$OUT/de95-3"
step multipliers_1995 analyze "$OUT/de95-3/model.toml" --format csv --what output_multipliers

# 4. Next year's intermediate totals (a scenario, see README): RAS updates the flows to them.
step balance        balance "$OUT/de95-3/flows.csv" --totals $EX/totals-next-year.csv --out "$OUT/flows-next.csv"
mkdir "$OUT/next"
cp "$OUT/de95-3/model.toml" "$OUT/next/model.toml"
cp $EX/sectors-next-year.csv "$OUT/next/sectors.csv"
cp "$OUT/flows-next.csv" "$OUT/next/flows.csv"
step multipliers_next analyze "$OUT/next/model.toml" --format csv --what output_multipliers

# 5. Why output changed: technology (the RAS-updated A) against final demand (level, structure).
step decompose      decompose "$OUT/de95-3/model.toml" "$OUT/next/model.toml" --format csv
