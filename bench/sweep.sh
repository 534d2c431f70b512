#!/usr/bin/env bash
# Times POST /recommend/sweep: a 100-point sweep over monthlyTokens (the README example's criteria,
# 10^6 … 10^11 tokens, log scale), N times with curl against a running service, after a warm-up.
#   bench/sweep.sh [BASE_URL] [N] [PID]  default http://localhost:8080, 30; with the server's PID it
#   also prints the server's CPU time per sweep (from /proc), which moves less with the machine's load
set -euo pipefail
BASE=${1:-http://localhost:8080}
N=${2:-30}
PID=${3:-}
cpu() { [ -n "$PID" ] && awk '{print $14 + $15}' "/proc/$PID/stat" || echo 0; }
cd "$(dirname "$0")/.."
BODY=$(python3 - <<'PY'
import json
criteria = json.load(open("src/test/resources/examples/recommend-request.json"))
print(json.dumps({"criteria": criteria, "field": "monthlyTokens", "from": 1000000,
                  "to": 100000000000, "points": 100}))
PY
)
post() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST "$BASE/recommend/sweep" \
           -H 'Content-Type: application/json' -d "$BODY"; }
for _ in $(seq 1 20); do post >/dev/null; done   # warm-up: JIT, pooled sessions
post_changes=$(curl -s -X POST "$BASE/recommend/sweep" -H 'Content-Type: application/json' -d "$BODY" \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["points"]), "points,", len(d["changes"]), "changes")')
echo "answer: $post_changes"
before=$(cpu)
for _ in $(seq 1 "$N"); do post; done > /tmp/sweep-times.$$
after=$(cpu)
if [ -n "$PID" ]; then
  echo "server CPU: $(( (after - before) * 1000 / $(getconf CLK_TCK) / N )) ms per sweep"
fi
python3 -c '
import sys
rows = [l.split() for l in sys.stdin]
bad = [r for r in rows if r[0] != "200"]
t = sorted(float(r[1]) * 1000 for r in rows)
print(f"{len(t)} sweeps, {len(bad)} not 200: min {t[0]:.1f} ms, median {t[len(t)//2]:.1f} ms, "
      f"p90 {t[int(len(t)*0.9)-1]:.1f} ms, max {t[-1]:.1f} ms")' < /tmp/sweep-times.$$
rm -f /tmp/sweep-times.$$
