#!/usr/bin/env bash
# A live catalog edit (one price) and a rules edit (one matrix reason) on a running service
# (-Xmx256m), each timed from the save to the new rules version on GET /rules.
#   bench/catalog-reload.sh <rules folder, a copy: it is edited> [port]
set -u
cd "$(dirname "$0")/.."
dir=$1; port=${2:-18721}
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null
java -Xmx256m -jar target/llm-strategy-decision-0.1.0-SNAPSHOT.jar --server.port=$port --decision.rules-dir=$dir > /tmp/catalog-reload-$port.log 2>&1 & pid=$!
until curl -sf localhost:$port/actuator/health >/dev/null; do kill -0 $pid || exit 1; sleep 0.2; done
version() { curl -s localhost:$port/rules | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["active"]["rulesVersion"], (d.get("lastAttempt") or {}).get("outcome"))'; }
for edit in "models/ModelCatalog.drl.xlsx H12 3.60" "deployment/DeploymentMatrix.drl.xlsx R23 A reworded reason"; do
  set -- $edit; f=$1; cell=$2; shift 2
  before=$(version); before=${before%% *}
  java -cp "$(cat target/bench-cp.txt)" bench/SetCell.java "$dir/$f" /tmp/catalog-edit.xlsx "$cell" "$*" \
    && mv /tmp/catalog-edit.xlsx "$dir/$f"
  t0=$(date +%s%N)
  for i in $(seq 1 600); do v=$(version); [ "${v%% *}" != "$before" ] && break; sleep 0.1; done
  echo "$f!$cell: live after $(( ($(date +%s%N)-t0)/1000000 )) ms ($v), load $(cut -d' ' -f1 /proc/loadavg)"
  sleep 3
done
kill $pid; wait $pid 2>/dev/null
