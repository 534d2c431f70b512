#!/usr/bin/env bash
# Soak: mixed load against the running jar while an analyst's edits are taken live over and over.
#
#   bench/soak.sh                 # 5 minutes, -Xmx256m, port 18090
#   SOAK_SECONDS=900 bench/soak.sh
#   SOAK_RULES=/tmp/catalog-scale.X/rules bench/soak.sh   # on another rules folder
#
# Runs the packaged jar (rebuilt first unless SOAK_SKIP_BUILD=1) with DECISION_RULES_DIR on a temporary copy of rules/,
# drives it with wrk (Debian package `wrk`) using bench/soak-mix.lua: decisions of every kind, an
# invalid request, GET /models, GET /rules, health. Meanwhile, every EDIT_SECONDS, it swaps
# deployment/DeploymentMatrix.drl.xlsx between three copies: a reworded reason (taken live), the
# original (taken live) and one with a broken cell (refused; the active rules keep serving).
# Every SAMPLE_SECONDS it records the heap, metaspace and loaded classes from /actuator/prometheus;
# every GC_SECONDS it forces a full GC first (jcmd GC.run) so that the retained heap shows.
# Passes when no request failed (no 5xx, no unexpected status, no socket error), the good edits went
# live (at least as many reloads activated as refused), and the retained heap at the end is within
# HEAP_SLACK_MB of the first retained sample under load.
set -euo pipefail
cd "$(dirname "$0")/.."

SOAK_SECONDS=${SOAK_SECONDS:-300}
EDIT_SECONDS=${EDIT_SECONDS:-4}
SAMPLE_SECONDS=${SAMPLE_SECONDS:-10}
GC_SECONDS=${GC_SECONDS:-60}
HEAP=${HEAP:-256m}
PORT=${PORT:-18090}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
HEAP_SLACK_MB=${HEAP_SLACK_MB:-16}

if [[ -z "${SOAK_SKIP_BUILD:-}" ]]; then
  ./mvnw -B -q package -DskipTests
fi
JAR=$(ls target/llm-strategy-decision-*.jar | grep -v original | head -1)
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }

WORK=$(mktemp -d /tmp/soak.XXXXXX)
cp -r "${SOAK_RULES:-rules}" "$WORK/rules"   # SOAK_RULES: another folder, e.g. a 3,000-model catalog
MATRIX=deployment/DeploymentMatrix.drl.xlsx

# The three copies of the workbook, made with POI from the jar itself.
mkdir -p "$WORK/lib" "$WORK/variants"
unzip -q -j -o "$JAR" 'BOOT-INF/lib/poi-*.jar' 'BOOT-INF/lib/xmlbeans-*.jar' \
  'BOOT-INF/lib/commons-*.jar' 'BOOT-INF/lib/log4j-api-*.jar' 'BOOT-INF/lib/SparseBitSet-*.jar' \
  -d "$WORK/lib"
cp "rules/$MATRIX" "$WORK/variants/original.xlsx"
java -Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory \
  -cp "$WORK/lib/*" bench/SetCell.java "rules/$MATRIX" "$WORK/variants/reworded.xlsx" R23 \
  "Default to API-first (soak edit): days to production, no upfront cost, updates handled"
java -Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory \
  -cp "$WORK/lib/*" bench/SetCell.java "rules/$MATRIX" "$WORK/variants/broken.xlsx" F12 fast

LOG="$WORK/service.log"
java -Xmx"$HEAP" -jar "$JAR" --server.port="$PORT" --decision.rules-dir="$WORK/rules" >"$LOG" 2>&1 &
PID=$!
cleanup() {
  kill "$EDITOR_PID" "$SAMPLER_PID" 2>/dev/null || true
  kill "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
}
EDITOR_PID=""
SAMPLER_PID=""
trap cleanup EXIT
for _ in $(seq 120); do
  curl -sf "localhost:$PORT/actuator/health" >/dev/null && break
  sleep 1
done
echo "service pid $PID on :$PORT, -Xmx$HEAP, rules in $WORK/rules"

metric() { # metric <prometheus text> <name{labels} prefix>: sum of matching samples
  awk -v m="$2" 'index($0, m) == 1 { s += $NF } END { printf "%.0f", s }' <<<"$1"
}

sample() {
  local text
  text=$(curl -s "localhost:$PORT/actuator/prometheus")
  printf '%s heap_mb=%d metaspace_mb=%d classes=%d reloads_activated=%d reloads_refused=%d decisions=%d %s\n' \
    "$(date +%T)" \
    "$(($(metric "$text" 'jvm_memory_used_bytes{area="heap"') / 1048576))" \
    "$(($(metric "$text" 'jvm_memory_used_bytes{area="nonheap",id="Metaspace"') / 1048576))" \
    "$(metric "$text" 'jvm_classes_loaded_classes')" \
    "$(metric "$text" 'decision_rules_reloads_total{outcome="ACTIVATED"')" \
    "$(metric "$text" 'decision_rules_reloads_total{outcome="REFUSED"')" \
    "$(metric "$text" 'decision_decisions_total')" \
    "$1"
}

# warm up, then the first retained sample
wrk -t1 -c2 -d10s -s bench/soak-mix.lua "http://localhost:$PORT" -- src/test/resources/examples/recommend-request.json >/dev/null
jcmd "$PID" GC.run >/dev/null
sample "retained (after full GC), before the soak" | tee "$WORK/samples.txt"

(
  i=0
  while true; do
    case $((i % 4)) in
      0) v=reworded ;; 1) v=original ;; 2) v=broken ;; 3) v=original ;;
    esac
    cp "$WORK/variants/$v.xlsx" "$WORK/rules/$MATRIX.partial"
    mv "$WORK/rules/$MATRIX.partial" "$WORK/rules/$MATRIX"
    i=$((i + 1))
    sleep "$EDIT_SECONDS"
  done
) &
EDITOR_PID=$!

(
  elapsed=0
  while true; do
    sleep "$SAMPLE_SECONDS"
    elapsed=$((elapsed + SAMPLE_SECONDS))
    if ((elapsed % GC_SECONDS == 0)); then
      jcmd "$PID" GC.run >/dev/null
      sample retained
    else
      sample ""
    fi
  done
) >>"$WORK/samples.txt" &
SAMPLER_PID=$!

wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SOAK_SECONDS}s" --timeout 10s --latency -s bench/soak-mix.lua \
  "http://localhost:$PORT" -- src/test/resources/examples/recommend-request.json | tee "$WORK/wrk.txt"

kill "$EDITOR_PID" "$SAMPLER_PID" 2>/dev/null || true
sleep 2
jcmd "$PID" GC.run >/dev/null
sample "retained (after full GC), after the soak" >>"$WORK/samples.txt"
cat "$WORK/samples.txt"

failed=$(sed -n 's/.*FAILED=\([0-9]*\).*/\1/p' "$WORK/wrk.txt")
# Growth is judged from the first retained sample under load: by then the service holds its steady
# state (up to three prepared rule sets: the active one, a candidate, one to spare), which the sample
# before the soak, taken before any reload, does not. A soak shorter than GC_SECONDS has no such
# sample and is judged from the one before.
heap() { sed 's/.*heap_mb=\([0-9]*\).*/\1/'; }
before=$(grep -m1 retained "$WORK/samples.txt" | heap)
first=$(grep retained "$WORK/samples.txt" | sed -n 2p | grep -v 'after the soak' | heap)
first=${first:-$before}
last=$(grep retained "$WORK/samples.txt" | tail -1 | heap)
# two of every three edits are good ones, which must go live
activated=$(tail -1 "$WORK/samples.txt" | sed 's/.*reloads_activated=\([0-9]*\).*/\1/')
refused_reloads=$(tail -1 "$WORK/samples.txt" | sed 's/.*reloads_refused=\([0-9]*\).*/\1/')
# Drools logs an ERROR for each refused (broken) edit; what counts is a request that failed inside
# the service, a reload that broke the watcher, or memory running out
errors=$(grep -c -E 'OutOfMemory|Unexpected failure while answering|Reload of .* failed' "$LOG" || true)
refused=$(grep -c 'Unable to build KieBaseModel' "$LOG" || true)
echo "SOAK RESULT: failed requests=$failed, retained heap ${before} MiB before, ${first} MiB under" \
  "load -> ${last} MiB at the end, reloads activated=$activated refused=$refused_reloads," \
  "service failures logged=$errors, refused edits logged by Drools=$refused (log: $LOG)"
if [[ "$failed" != 0 || $((last - first)) -gt "$HEAP_SLACK_MB" || "$errors" != 0 ]] ||
  ((activated == 0 || activated < refused_reloads)); then
  exit 1
fi
