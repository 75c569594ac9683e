#!/usr/bin/env bash
# The coursework page's API, the way a teacher prepares a scenario: start `planner serve`,
# ask it about the First Five-Year Plan's stated goals with curl, change numbers as a student
# would with the page's sliders, download the edited plan and solve it with `planner solve`,
# then stop the server. Run from the repository root:
#   examples/serve-coursework/run.sh            (uses build/planner)
#   PLANNER=build-ex/planner examples/serve-coursework/run.sh
set -euo pipefail
PLANNER=${PLANNER:-build/planner}
case $PLANNER in /*) ;; */*) PLANNER="$PWD/$PLANNER" ;; esac   # keep a relative path valid after cd
cd "$(dirname "$0")/../.."
work=$(mktemp -d)

# Any free port on 127.0.0.1; the server prints its URL as its one line on standard output.
"$PLANNER" serve --port 0 > "$work/url" 2> "$work/log" &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 300); do [ -s "$work/url" ] && break; sleep 0.1; done
URL=$(head -1 "$work/url")

# POST /api/plans/<id>/<action> with a body; prints the answer.
post() { curl -sS --fail-with-body -X POST -H 'Content-Type: application/json' -d "$2" "${URL}api/plans/fyp1-stated-goals/$1"; }
# A few fields of a solve answer, one JSON object a line (python3 only reads the JSON).
brief() { python3 -c 'import json, sys
a = json.load(sys.stdin)
rows = {r["row"]: r["shadow_price"] for r in a["binding_rows"]}
print(json.dumps({"status": a["status"], "fulfilment": a.get("fulfilment"),
                  "shadow_capacity_electricity_1933": rows.get("capacity[electricity,5]"),
                  "electricity": next(p for p in a["products"] if p["id"] == "electricity").get("feasible")}))
for b in a["binding"][:4]: print(b["text"])
if "diagnosis" in a: print(a["diagnosis"]["text"])'; }
step() { printf '\n== %s\n' "$1"; }

step plans
curl -sS "${URL}api/plans" | python3 -c 'import json, sys; [print(p["id"], "-", p["name"]) for p in json.load(sys.stdin)["plans"]]'

step as-filed
# The stated goals as their file says: λ is the share of every goal reachable at once.
post solve '{"edits": []}' | brief

step electricity-capacity
# 0.05 bn kWh more electricity capacity in 1928: λ rises by the 1933 capacity row's shadow
# price times what is left of the 0.05 after five years of 3 % depreciation.
post solve '{"edits": [{"id": "capacity.electricity", "value": 5.59}]}' | brief

step electricity-goal
# The student's slider: electricity ×6 → ×4.36 (what Gosplan's 1929 table implies).
post solve '{"edits": [{"id": "goal.electricity", "value": 4.36}]}' | brief

step grain-floor
# Too much grain eaten: no plan meets the floor; the answer says which rows must give way.
post solve '{"edits": [{"id": "demand.grain", "value": 90}]}' | brief

step download
# The edited plan as a file, solved by the command line: the same λ.
post toml '{"edits": [{"id": "goal.electricity", "value": 4.36}]}' > "$work/edited.toml"
grep '^# edit' "$work/edited.toml"
"$PLANNER" solve "$work/edited.toml" --format json | python3 -c 'import json, sys; print(json.dumps({"fulfilment": json.load(sys.stdin)["fulfilment"]}))'

step stop
kill $server
wait $server || true
cat "$work/log"
