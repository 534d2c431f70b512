#!/usr/bin/env bash
# /recommend on one rules folder (issue 13's catalog-scale figures): the packaged jar with -Xmx256m,
# launch to ready, 15 s of warm-up, then 20 s of wrk at 32 connections over bench/requests/.
#   bench/catalog-http.sh <rules folder> [port]     e.g. a bench/catalog-scale.sh folder, scenarios removed
set -u
cd "$(dirname "$0")/.."
dir=$1; port=${2:-18711}
t0=$(date +%s%N)
java -Xmx256m -jar target/llm-strategy-decision-0.1.0-SNAPSHOT.jar --server.port=$port --decision.rules-dir=$dir > /tmp/catalog-http-$port.log 2>&1 & pid=$!
until curl -sf localhost:$port/actuator/health >/dev/null; do
  kill -0 $pid 2>/dev/null || { echo "did not start"; tail -3 /tmp/catalog-http-$port.log; exit 1; }; sleep 0.2
done
t1=$(date +%s%N); echo "$dir: ready in $(( (t1-t0)/1000000 )) ms (load $(cut -d' ' -f1 /proc/loadavg))"
wrk -t2 -c32 -d15s -s bench/wrk/post.lua http://localhost:$port/recommend -- bench/requests/*.json > /dev/null
wrk -t2 -c32 -d20s --latency -s bench/wrk/post.lua http://localhost:$port/recommend -- bench/requests/*.json \
  | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors|requests in"
echo "  RSS $(ps -o rss= -p $pid) KiB; load $(cut -d' ' -f1 /proc/loadavg)"
kill $pid; wait $pid 2>/dev/null
