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
# WARMUP=settled (the default) warms each JVM until its JIT has settled (bench/warm.sh says how);
# WARMUP=30s keeps a fixed warm-up.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-32}
HEAP=${HEAP:--Xmx256m}
URL_PATH=${URL_PATH:-/recommend}
# shellcheck source=bench/warm.sh
source bench/warm.sh
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
# load PORT PATH DURATION
load() { wrk -t2 -c"$CONNECTIONS" -d"$3" -s bench/wrk/post.lua "http://127.0.0.1:$1$2" -- "${BODIES[@]}"; }
for k in "${!PORTS[@]}"; do warm_jvm "${PIDS[$k]}" load "${PORTS[$k]}" "${PATHS[$k]}"; done
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
for round in $(seq "$ROUNDS"); do
  for k in "${!PORTS[@]}"; do
    t0=$(cpu_ticks "${PIDS[$k]}")
    result=$(load "${PORTS[$k]}" "${PATHS[$k]}" "$DURATION" | grep RESULT)
    t1=$(cpu_ticks "${PIDS[$k]}")
    requests=$(grep -oP 'requests=\K\d+' <<<"$result")
    printf 'round %s [%s] %s cpu_us_per_req=%s\n' "$round" "${VARIANTS[$k]}" \
      "$(grep -oP 'rps=\S+|p99_ms=\S+|non2xx=\S+' <<<"$result" | tr '\n' ' ')" \
      $(((t1 - t0) * 1000000 / HZ / requests))
  done
done
