#!/usr/bin/env bash
# Where the CPU goes in the running service: async-profiler (tools.profiler:async-profiler from
# Maven Central, fetched by the wrapper into target/bench/) attached after a warm-up, CPU samples
# every millisecond while wrk loads POST /recommend, written as a flame graph (flame.html, open it
# in a browser), as collapsed stacks (one line per stack, for other flame-graph tools or grep) and
# as a short summary of the hottest frames. bench/PROFILE.md reads one such run.
#
#   bench/profile.sh                   # the jar in target/, warmed until its JIT settles, 20 s profiled
#   START=1 bench/profile.sh           # from launch to the first UP instead: start-up
#
# Settings (environment): JAR=target/llm-strategy-decision-0.1.0-SNAPSHOT.jar WARMUP=settled (bench/warm.sh)
# DURATION=20s CONNECTIONS=32 HEAP=-Xmx256m PORT=18500 AP_VERSION=4.2 START=0
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/llm-strategy-decision-0.1.0-SNAPSHOT.jar}
# shellcheck source=bench/warm.sh
source bench/warm.sh
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
HEAP=${HEAP:--Xmx256m}
PORT=${PORT:-18500}
AP_VERSION=${AP_VERSION:-4.2}
START=${START:-0}
OUT=target/bench/profile-$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"

AP=target/bench/async-profiler-$AP_VERSION
if [ ! -f "$AP/linux-x64/libasyncProfiler.so" ]; then
  ./mvnw -B -q dependency:copy -Dartifact="tools.profiler:async-profiler:$AP_VERSION:jar" \
    -DoutputDirectory="$AP"
  (cd "$AP" && unzip -oq "async-profiler-$AP_VERSION.jar" 'linux-x64/*')
fi
LIB=$(realpath "$AP/linux-x64/libasyncProfiler.so")
STACKS=$(realpath "$OUT")/stacks.collapsed
FLAME=$(realpath "$OUT")/flame.html
BODIES=(bench/requests/*.json)
load() { wrk -t2 -c"$CONNECTIONS" -d"$1" -s bench/wrk/post.lua "http://127.0.0.1:$PORT/recommend" -- "${BODIES[@]}"; }

if [ "$START" = 1 ]; then
  t0=$(date +%s%N)
  java "-agentpath:$LIB=start,event=cpu,interval=1000000,threads,file=$STACKS,collapsed" $HEAP \
    -jar "$JAR" --server.port="$PORT" >"$OUT/service.log" 2>&1 &
  pid=$!
  until curl -sf "localhost:$PORT/actuator/health" >/dev/null; do sleep 0.05; done
  echo "ready in $((($(date +%s%N) - t0) / 1000000)) ms" | tee "$OUT/summary.txt"
  kill "$pid"
  wait "$pid" || true
else
  java $HEAP -jar "$JAR" --server.port="$PORT" >"$OUT/service.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  until curl -sf "localhost:$PORT/actuator/health" >/dev/null; do sleep 0.2; done
  warm_jvm "$pid" load
  # jcmd splits its arguments at '=': the agent's options go in quotes
  jcmd "$pid" JVMTI.agent_load "$LIB" "\"start,event=cpu,interval=1000000\"" >/dev/null
  load "$DURATION" | grep RESULT | tee "$OUT/summary.txt"
  jcmd "$pid" JVMTI.agent_load "$LIB" "\"dump,file=$FLAME\"" >/dev/null
  jcmd "$pid" JVMTI.agent_load "$LIB" "\"stop,file=$STACKS,collapsed\"" >/dev/null
fi

# the frames most often on the stack (inclusive), then most often on top (self)
awk '{ n = $NF; $NF = ""; split($0, f, ";"); delete seen;
       for (i in f) { if (!(f[i] in seen)) { seen[f[i]] = 1; inc[f[i]] += n } }
       self[f[length(f)]] += n; total += n }
     END { printf "samples %d\n", total;
           for (k in inc) printf "inclusive %5.1f%% %s\n", 100 * inc[k] / total, k;
           for (k in self) printf "self      %5.1f%% %s\n", 100 * self[k] / total, k }' "$STACKS" |
  sort -k1,1 -k2,2nr | awk '/^samples/ || ($1 == "inclusive" && ++i <= 60) || ($1 == "self" && ++s <= 30)' \
    >>"$OUT/summary.txt"
echo "flame graph: $FLAME; stacks: $STACKS; summary: $OUT/summary.txt"
