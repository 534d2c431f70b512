#!/usr/bin/env bash
# A/B over HTTP: starts one JVM per variant at once and loads them in alternating wrk rounds, so that
# every variant sees the same machine state (this machine is shared; separate runs swing with it).
# Prints req/s, p99, non-2xx answers and the JVM's CPU time per request for each round.
#
#   bench/ab.sh "JAR|JVM OPTIONS[|PATH]" "JAR|JVM OPTIONS[|PATH]" ...
#   bench/ab.sh "old.jar|" "new.jar|" "bench/bare/target/bare-web-stack-0.1.0-SNAPSHOT.jar||/echo"  # with the bare app
#   bench/ab.sh "old.jar|" "target/llm-strategy-decision-0.1.0-SNAPSHOT.jar|"     # two builds
#   bench/ab.sh "$J|-Dserver.tomcat.threads.max=200" "$J|-Dserver.tomcat.threads.max=8"
#
# Settings (environment): ROUNDS=3 DURATION=15s WARMUP=settled CONNECTIONS=32 HEAP=-Xmx256m
# URL_PATH=/recommend (the bare app in bench/bare answers /echo)
#
# WARMUP=settled (the default) loads each JVM in 10 s steps until its JIT compiler has settled: a step
# in which compilation took under SETTLED_MS (default 300 ms of 10 s, jstat -compiler), at most
# WARMUP_MAX steps (default 30). The service has far more code to compile than the bare app (Drools,
# one class per rule lambda): at 32 connections its compiler thread stayed busy for about 90 s and
# its throughput rose from 190 to 2,200 req/s meanwhile (2026-12-08), so a fixed 15-30 s warm-up
# compared a JIT still at work with a settled bare app. WARMUP=30s keeps the old fixed warm-up.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-settled}
SETTLED_MS=${SETTLED_MS:-300}
WARMUP_MAX=${WARMUP_MAX:-30}
CONNECTIONS=${CONNECTIONS:-32}
HEAP=${HEAP:--Xmx256m}
URL_PATH=${URL_PATH:-/recommend}
BODIES=(bench/requests/*.json)
command -v wrk >/dev/null || { echo "wrk is needed (bench/http.sh installs it)" >&2; exit 1; }

VARIANTS=("$@") PORTS=() PIDS=() PATHS=()
HZ=$(getconf CLK_TCK)
trap 'kill "${PIDS[@]}" 2>/dev/null || true; wait 2>/dev/null || true' EXIT
n=0
for variant in "$@"; do
  jar=${variant%%|*} rest=${variant#*|} port=$((18400 + n))
  opts=${rest%%|*} path=$URL_PATH
  [[ $rest == *"|"* ]] && path=${rest#*|}
  # shellcheck disable=SC2086 # the options are a list
  java $HEAP $opts -jar "$jar" --server.port=$port >"/tmp/bench-ab-$port.log" 2>&1 &
  PIDS+=($!) PORTS+=($port) PATHS+=("$path") n=$((n + 1))
done
for port in "${PORTS[@]}"; do
  until curl -sf "localhost:$port/actuator/health" >/dev/null; do sleep 0.2; done
done
load() { wrk -t2 -c"$CONNECTIONS" -d"$2" -s bench/wrk/post.lua "http://127.0.0.1:$1$3" -- "${BODIES[@]}"; }
# milliseconds the JVM has spent compiling (jstat -compiler: the fourth column is seconds)
jit_ms() { jstat -compiler "$1" | awk 'NR == 2 { printf "%d", $4 * 1000 }'; }
warm() { # PORT PATH PID
  if [[ $WARMUP != settled ]]; then load "$1" "$WARMUP" "$2" >/dev/null; return; fi
  local step before after
  for step in $(seq "$WARMUP_MAX"); do
    before=$(jit_ms "$3")
    load "$1" 10s "$2" >/dev/null
    after=$(jit_ms "$3")
    if ((after - before < SETTLED_MS)); then
      echo "warm-up [port $1]: JIT settled after ${step}0 s (last step compiled $((after - before)) ms)"
      return
    fi
  done
  echo "warm-up [port $1]: JIT still compiling after ${WARMUP_MAX}0 s (last step $((after - before)) ms)"
}
for k in "${!PORTS[@]}"; do warm "${PORTS[$k]}" "${PATHS[$k]}" "${PIDS[$k]}"; done
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
for round in $(seq "$ROUNDS"); do
  for k in "${!PORTS[@]}"; do
    t0=$(cpu_ticks "${PIDS[$k]}")
    result=$(load "${PORTS[$k]}" "$DURATION" "${PATHS[$k]}" | grep RESULT)
    t1=$(cpu_ticks "${PIDS[$k]}")
    requests=$(grep -oP 'requests=\K\d+' <<<"$result")
    printf 'round %s [%s] %s cpu_us_per_req=%s\n' "$round" "${VARIANTS[$k]}" \
      "$(grep -oP 'rps=\S+|p99_ms=\S+|non2xx=\S+' <<<"$result" | tr '\n' ' ')" \
      $(((t1 - t0) * 1000000 / HZ / requests))
  done
done
