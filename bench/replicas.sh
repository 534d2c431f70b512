#!/usr/bin/env bash
# Replicas: N copies of the jar following one Git branch behind nginx (round-robin, no retries),
# loaded with wrk while an analyst's commits land: a good edit, a broken one, and the revert of the
# broken one. Prints how long each commit took to reach every replica (push to the last replica's
# GET /rules naming it), the versions each replica answered with, and wrk's failed requests.
#
#   bench/replicas.sh                          # 3 replicas, poll 10s (the default)
#   REPLICAS=2 POLL=2s SETTLE=5 bench/replicas.sh   # SETTLE: seconds of load between the steps
#   SKIP_BUILD=1 bench/replicas.sh             # use the jar in target/
#
# Needs wrk, nginx, jq and curl (Debian packages; installed when missing) and the git program,
# which here plays the analysts' side only: the service itself reads the repository with JGit.
# Fails when any request failed, a replica did not converge, or a broken commit went live.
set -euo pipefail
cd "$(dirname "$0")/.."

REPLICAS=${REPLICAS:-3}
POLL=${POLL:-10s}
SETTLE=${SETTLE:-10}
HEAP=${HEAP:-256m}
BASE_PORT=${BASE_PORT:-18310}
PROXY_PORT=${PROXY_PORT:-18300}
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-8}
WAIT_SECONDS=${WAIT_SECONDS:-300}

for tool in wrk nginx jq curl; do
  if ! command -v "$tool" >/dev/null; then
    echo "$tool not found: installing the Debian package" >&2
    package=$tool; [[ $tool == nginx ]] && package=nginx-light
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  fi
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

if [[ -z "${SKIP_BUILD:-}" ]]; then
  ./mvnw -B -q package -DskipTests
fi
JAR=$(ls target/llm-strategy-decision-*.jar | grep -v original | head -1)
WORK=$(mktemp -d /tmp/replicas.XXXXXX)
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
now_ms() { date +%s%3N; }

PIDS=()
cleanup() {
  [[ -f "$WORK/nginx.pid" ]] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# --- the analysts' repository: a bare one, and a work tree holding rules/ as in this project
export GIT_AUTHOR_NAME="An Analyst" GIT_AUTHOR_EMAIL=analyst@example.org
export GIT_COMMITTER_NAME="An Analyst" GIT_COMMITTER_EMAIL=analyst@example.org
git init -q --bare -b main "$WORK/remote.git"
git init -q -b main "$WORK/work"
cp -r rules "$WORK/work/rules"
commit() { # message -> prints the commit id
  git -C "$WORK/work" add -A
  git -C "$WORK/work" -c commit.gpgsign=false commit -q -m "$1"
  git -C "$WORK/work" push -q "$WORK/remote.git" main
  git -C "$WORK/work" rev-parse HEAD
}
FIRST=$(commit "The shipped rules")

# --- the edits, made with POI from the jar itself (bench/SetCell.java)
mkdir -p "$WORK/lib"
unzip -q -j -o "$JAR" 'BOOT-INF/lib/poi-*.jar' 'BOOT-INF/lib/xmlbeans-*.jar' \
  'BOOT-INF/lib/commons-*.jar' 'BOOT-INF/lib/log4j-api-*.jar' 'BOOT-INF/lib/SparseBitSet-*.jar' \
  -d "$WORK/lib"
edit() { # workbook cell text variant: a copy of the workbook with one cell changed, made now
  java -Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory \
    -cp "$WORK/lib/*" bench/SetCell.java "rules/$1" "$WORK/$4.xlsx" "$2" "$3"
}
CATALOG=models/ModelCatalog.drl.xlsx
MATRIX=deployment/DeploymentMatrix.drl.xlsx
edit "$CATALOG" H12 3.50 good
edit "$MATRIX" C10 SECRET broken

# --- the replicas
ports=()
for i in $(seq 1 "$REPLICAS"); do
  port=$((BASE_PORT + i))
  ports+=("$port")
  java -Xmx"$HEAP" -jar "$JAR" --server.port="$port" \
    --decision.rules-git-uri="file://$WORK/remote.git" --decision.rules-git-path=rules \
    --decision.rules-git-poll="$POLL" >"$WORK/replica-$i.log" 2>&1 &
  PIDS+=($!)
done
for port in "${ports[@]}"; do
  for _ in $(seq 1 300); do
    curl -sf "localhost:$port/actuator/health/readiness" >/dev/null && break
    sleep 0.2
  done
  curl -sf "localhost:$port/actuator/health/readiness" >/dev/null || { echo "replica on $port not ready" >&2; exit 1; }
done
log "$REPLICAS replicas ready on ports ${ports[*]}, following main of $WORK/remote.git every $POLL"

# --- nginx on loopback: round-robin, keep-alive, and no retry on another replica (a failure counts)
mkdir -p "$WORK/nginx"
{
  echo "worker_processes 1; pid $WORK/nginx.pid; error_log $WORK/nginx/error.log warn;"
  echo "events { worker_connections 1024; }"
  echo "http { access_log off;"
  echo "  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;"
  echo "  fastcgi_temp_path $WORK/nginx/fastcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;"
  echo "  upstream replicas {"
  for port in "${ports[@]}"; do echo "    server 127.0.0.1:$port;"; done
  echo "    keepalive 32; }"
  echo "  server { listen 127.0.0.1:$PROXY_PORT;"
  echo "    location / { proxy_pass http://replicas; proxy_http_version 1.1;"
  echo "      proxy_set_header Connection \"\"; proxy_next_upstream off; } } }"
} >"$WORK/nginx.conf"
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx.conf"
sleep 0.5

active_commit() { curl -s "localhost:$1/rules" | jq -r '.active.commit.id // ""'; }
attempt_of() { curl -s "localhost:$1/rules" | jq -r '"\(.lastAttempt.commit.id // "") \(.lastAttempt.outcome)"'; }
versions() { # the X-Rules-Version each replica answers with, through itself
  for port in "${ports[@]}"; do
    curl -s -o /dev/null -D - -H 'Content-Type: application/json' \
      -d @bench/requests/api-light-days-zero.json "localhost:$port/recommend" |
      tr -d '\r' | awk -F': ' 'tolower($1)=="x-rules-version" {print $2}'
  done | sort | uniq -c | awk '{printf "%s on %s replica(s); ", $2, $1}'
}
# waits until every replica satisfies "$@" with its port appended; prints the ms since $start
await_all() {
  local start=$1; shift
  local deadline=$(( $(now_ms) + WAIT_SECONDS * 1000 ))
  local pending=("${ports[@]}") last=0
  while ((${#pending[@]} > 0)); do
    local still=()
    for port in "${pending[@]}"; do
      if "$@" "$port"; then last=$(( $(now_ms) - start )); else still+=("$port"); fi
    done
    pending=("${still[@]+"${still[@]}"}")
    if (( $(now_ms) > deadline )); then echo "timeout"; return 1; fi
    ((${#pending[@]} > 0)) && sleep 0.1
  done
  echo "$last"
}
serves() { [[ "$(active_commit "$2")" == "$1" ]]; }
refused() { [[ "$(attempt_of "$2")" == "$1 REFUSED" ]]; }

log "before: $(versions)"
# load for the whole sequence: wrk runs until it is interrupted, then prints its figures
wrk -t"$THREADS" -c"$CONNECTIONS" -d3600s --latency -s bench/wrk/post.lua \
  "http://127.0.0.1:$PROXY_PORT/recommend" -- bench/requests/*.json >"$WORK/wrk.out" 2>&1 &
WRK=$!
load_started=$(now_ms)
sleep "$SETTLE"

cp "$WORK/good.xlsx" "$WORK/work/rules/$CATALOG"
start=$(now_ms); GOOD=$(commit "Claude Sonnet 4 at \$3.50")
good_ms=$(await_all "$start" serves "$GOOD") || true
log "good commit ${GOOD:0:12}: on all $REPLICAS replicas after $good_ms ms (poll $POLL); $(versions)"

sleep "$SETTLE"
cp "$WORK/broken.xlsx" "$WORK/work/rules/$MATRIX"
start=$(now_ms); BROKEN=$(commit "A typo in the matrix")
broken_ms=$(await_all "$start" refused "$BROKEN") || true
still_good=$(await_all "$(now_ms)" serves "$GOOD") || true
log "broken commit ${BROKEN:0:12}: refused by all $REPLICAS after $broken_ms ms; good commit still served: $([[ $still_good != timeout ]] && echo yes || echo NO); $(versions)"

sleep "$SETTLE"
git -C "$WORK/work" -c commit.gpgsign=false revert --no-edit HEAD >/dev/null
git -C "$WORK/work" push -q "$WORK/remote.git" main
start=$(now_ms); REVERT=$(git -C "$WORK/work" rev-parse HEAD)
revert_ms=$(await_all "$start" serves "$REVERT") || true
log "revert ${REVERT:0:12} (the good rules again, no build): on all $REPLICAS after $revert_ms ms; $(versions)"

sleep "$SETTLE"
kill -INT "$WRK" 2>/dev/null || true
wait "$WRK" || true
result=$(grep '^RESULT' "$WORK/wrk.out" || true)
log "wrk -t$THREADS -c$CONNECTIONS through nginx for $(( ($(now_ms) - load_started) / 1000 )) s, all three commits: ${result:-no RESULT line, see $WORK/wrk.out}"
curl -s "localhost:${ports[0]}/rules/history" | jq -c '.activations[] | [.outcome, (.commit.id // "" | .[0:12]), .rulesVersion]' | sed 's/^/  history: /'

failed=0
[[ "$good_ms" == timeout || "$revert_ms" == timeout || "$broken_ms" == timeout || "$still_good" == timeout ]] && failed=1
if [[ -n "$result" ]]; then
  eval "$(echo "$result" | tr ' ' '\n' | grep -E '^(non2xx|connect|read|write|timeout|requests)=' | sed 's/^/wrk_/')"
  (( wrk_non2xx + wrk_connect + wrk_read + wrk_write + wrk_timeout > 0 )) && failed=1
else
  failed=1
fi
log "raw output in $WORK"
if ((failed)); then log "FAILED"; exit 1; fi
log "OK: converged, the broken commit refused everywhere, no failed request"
