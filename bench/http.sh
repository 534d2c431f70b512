#!/usr/bin/env bash
# HTTP benchmark: POST /recommend under wrk, side by side with a bare Spring Boot app (bench/bare:
# same Boot version, one trivial JSON POST endpoint), both started by this script, measured in the
# same invocation in alternating rounds. Reports requests/s of both and their ratio, p50/p99
# latency, errors (socket errors and every non-2xx answer), launch-to-ready time (first UP from
# /actuator/health), resident memory after load, and GC activity under load.
#
#   bench/http.sh                      # defaults below; results also in target/bench/http-<time>/
#   ROUNDS=5 DURATION=30s bench/http.sh
#   RULES_DIR=target/growth/x10 bench/http.sh   # the service on another rules folder
#
# Settings (environment): ROUNDS=3 DURATION=15s WARMUP=settled (bench/warm.sh; or a fixed 20s) CONNECTIONS=32 THREADS=2 STARTS=3
# LAUNCH_MODES="jar cds" (start-up is timed for each; see prepare_cds) HEAP=-Xmx256m
# SERVICE_PORT=18080 BARE_PORT=18081 SKIP_BUILD=0 RULES_DIR= JAVA=$JAVA_HOME/bin/java
# SERVICE_JAR=target/llm-strategy-decision-0.1.0-SNAPSHOT.jar (with SKIP_BUILD=1: an older build)
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15s}
# shellcheck source=bench/warm.sh
source bench/warm.sh
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
STARTS=${STARTS:-3}
LAUNCH_MODES=${LAUNCH_MODES:-jar cds}
HEAP=${HEAP:--Xmx256m}
SERVICE_PORT=${SERVICE_PORT:-18080}
BARE_PORT=${BARE_PORT:-18081}
SKIP_BUILD=${SKIP_BUILD:-0}
RULES_DIR=${RULES_DIR:-}
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
OUT=${OUT:-target/bench/http-$(date +%Y%m%d-%H%M%S)}
SERVICE_JAR=${SERVICE_JAR:-target/llm-strategy-decision-0.1.0-SNAPSHOT.jar}
BARE_JAR=bench/bare/target/bare-web-stack-0.1.0-SNAPSHOT.jar
BODIES=(bench/requests/*.json)
mkdir -p "$OUT"

log() { printf '%s\n' "$*" | tee -a "$OUT/summary.txt"; }

# --- tools --------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  echo "wrk not found: installing the Debian package" >&2
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi
for tool in curl jstat; do
  command -v $tool >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done

# --- build --------------------------------------------------------------------------------------
if [ "$SKIP_BUILD" != 1 ]; then
  ./mvnw -B -q -DskipTests package
  ./mvnw -B -q -f bench/bare/pom.xml -DskipTests package
fi

# --- start, and time launch to ready --------------------------------------------------------------
declare -A PID
STARTED=()
stop_all() {
  for p in "${STARTED[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${STARTED[@]}"; do wait "$p" 2>/dev/null || true; done
  STARTED=()
}
trap stop_all EXIT

# How each JVM is launched. jar: `java -jar app.jar`. cds: the jar extracted with Boot's
# `-Djarmode=tools extract` and started with a class-data-sharing archive recorded by one training
# run (`-XX:ArchiveClassesAtExit` with `-Dspring.context.exit=onRefresh`), as Spring Boot documents.
prepare_cds() { # name jar
  local dir="$OUT/cds-$1" t0
  rm -rf "$dir"
  "$JAVA" -Djarmode=tools -jar "$2" extract --destination "$dir" >/dev/null
  t0=$(date +%s%N)
  if env ${RULES_DIR:+DECISION_RULES_DIR=$RULES_DIR} "$JAVA" $HEAP -XX:ArchiveClassesAtExit="$dir/app.jsa" \
    -XX:ErrorFile="$dir/hs_err_%p.log" -Dspring.context.exit=onRefresh -jar "$dir/$(basename "$2")" \
    --server.port=0 >"$dir/training.log" 2>&1 && [ -s "$dir/app.jsa" ]; then
    log "cds: $1 extracted into $dir, archive recorded in $((($(date +%s%N) - t0) / 1000000)) ms ($(du -m "$dir/app.jsa" | cut -f1) MiB)"
  else
    log "cds: the training run of $1 failed (see $dir/training.log); no cds start-up for it"
    rm -f "$dir/app.jsa"
  fi
}

# start NAME MODE: launches the app, waits for UP on /actuator/health;
# LAST_MS = milliseconds from launch to ready, LAST_CPU_MS = CPU time the JVM used by then
start() {
  local name=$1 mode=${2:-jar} port jar launch=()
  if [ "$name" = service ]; then port=$SERVICE_PORT; jar=$SERVICE_JAR; else port=$BARE_PORT; jar=$BARE_JAR; fi
  if [ "$mode" = cds ]; then
    launch=(-XX:SharedArchiveFile="$OUT/cds-$name/app.jsa" -jar "$OUT/cds-$name/$(basename "$jar")")
  else
    launch=(-jar "$jar")
  fi
  local t0 t1
  t0=$(date +%s%N)
  env ${RULES_DIR:+DECISION_RULES_DIR=$RULES_DIR} "$JAVA" $HEAP "-Xlog:gc:file=$OUT/$name-gc.log:uptime,level,tags" \
    "${launch[@]}" --server.port="$port" >"$OUT/$name.log" 2>&1 &
  PID[$name]=$!
  STARTED+=("${PID[$name]}")
  until curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "${PID[$name]}" 2>/dev/null; then
      echo "$name died while starting; see $OUT/$name.log" >&2
      tail -20 "$OUT/$name.log" >&2
      exit 1
    fi
    sleep 0.02
  done
  t1=$(date +%s%N)
  LAST_MS=$(((t1 - t0) / 1000000))
  LAST_CPU_MS=$(($(awk '{print $14 + $15}' "/proc/${PID[$name]}/stat") * 1000 / $(getconf CLK_TCK)))
}

stop() {
  local p=${PID[$1]} rest=()
  kill "$p" 2>/dev/null || true
  wait "$p" 2>/dev/null || true
  for q in "${STARTED[@]}"; do [ "$q" = "$p" ] || rest+=("$q"); done
  STARTED=("${rest[@]}")
}

log "# bench/http.sh $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(hostname): $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
log "java: $("$JAVA" -version 2>&1 | head -1); heap $HEAP; wrk -t$THREADS -c$CONNECTIONS, $ROUNDS rounds of $DURATION after $WARMUP warm-up each"
log "rules: ${RULES_DIR:-the copy in the jar}; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# launch to ready, alternating the apps, for each launch mode; the load runs on a `java -jar` start
for name in service bare; do
  case " $LAUNCH_MODES " in *" cds "*) prepare_cds $name "$([ $name = service ] && echo $SERVICE_JAR || echo $BARE_JAR)" ;; esac
done
declare -A READY READY_CPU
for mode in $LAUNCH_MODES; do
  for i in $(seq 1 "$STARTS"); do
    for name in service bare; do
      if [ "$mode" = cds ] && [ ! -s "$OUT/cds-$name/app.jsa" ]; then continue; fi
      start $name "$mode"
      READY[$name]="${READY[$name]:-}${READY[$name]:+ }$LAST_MS"
      READY_CPU[$name]="${READY_CPU[$name]:-}${READY_CPU[$name]:+ }$LAST_CPU_MS"
      stop "$name"
    done
  done
  log "launch to ready, $mode (ms, $STARTS starts each): service ${READY[service]:-none}; bare ${READY[bare]:-none}"
  log "  CPU time used by then (ms, user+system, all threads): service ${READY_CPU[service]:-none}; bare ${READY_CPU[bare]:-none}"
  READY=(); READY_CPU=()
done
for name in service bare; do start $name jar; done
log "service log says: $(grep -ho 'Started Application in [0-9.]* seconds' "$OUT/service.log" || true)"

# --- load -----------------------------------------------------------------------------------------
url() { if [ "$1" = service ]; then echo "http://127.0.0.1:$SERVICE_PORT/recommend"; else echo "http://127.0.0.1:$BARE_PORT/echo"; fi; }

for name in service bare; do
  status=$(curl -s -o "$OUT/$name-answer.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    --data-binary @"${BODIES[0]}" "$(url $name)")
  [ "$status" = 200 ] || { echo "$name answered $status to ${BODIES[0]}" >&2; cat "$OUT/$name-answer.json" >&2; exit 1; }
done
log "answer size for ${BODIES[0]##*/}: service $(wc -c <"$OUT/service-answer.json") bytes, bare $(wc -c <"$OUT/bare-answer.json") bytes"

# CPU time the JVM has used so far, in clock ticks (user + system, from /proc)
cputicks() { awk '{print $14 + $15}' "/proc/${PID[$1]}/stat"; }
TICK_US=$((1000000 / $(getconf CLK_TCK)))

run_wrk() { # name duration label; appends the JVM's CPU time per request (us) to wrk's RESULT line
  local c0 c1 n
  c0=$(cputicks "$1")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency -s bench/wrk/post.lua "$(url $1)" -- "${BODIES[@]}" \
    >"$OUT/$1-$3.txt" 2>&1
  c1=$(cputicks "$1")
  n=$(sed -n 's/^RESULT requests=\([0-9]*\).*/\1/p' "$OUT/$1-$3.txt")
  grep '^RESULT' "$OUT/$1-$3.txt" | sed "s/^RESULT/$1 $3/; s/\$/ cpu_us_per_req=$(((c1 - c0) * TICK_US / (n > 0 ? n : 1)))/"
}

# run_wrk with the duration last, for warm_jvm
warm_load() { run_wrk "$1" "$2" warmup; }
for name in service bare; do warm_jvm "${PID[$name]}" warm_load $name; done

# one column of `jstat -gc`, by name (the columns differ between JDKs)
gcfield() { jstat -gc "${PID[$1]}" | awk -v f="$2" 'NR==1{for(i=1;i<=NF;i++) if($i==f) c=i} NR==2{print $c}'; }
declare -A YGC0 YGCT0 FGC0 FGCT0
for name in service bare; do
  YGC0[$name]=$(gcfield $name YGC); YGCT0[$name]=$(gcfield $name YGCT)
  FGC0[$name]=$(gcfield $name FGC); FGCT0[$name]=$(gcfield $name FGCT)
done

: >"$OUT/rounds.txt"
for r in $(seq 1 "$ROUNDS"); do
  if [ $((r % 2)) = 1 ]; then order="service bare"; else order="bare service"; fi
  for name in $order; do run_wrk $name "$DURATION" "round$r" | tee -a "$OUT/rounds.txt"; done
done

# --- after load -----------------------------------------------------------------------------------
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }
# errors of one RESULT line: non-2xx answers plus socket errors
errs() { echo "$1" | awk '{n=0; for(i=1;i<=NF;i++) if($i ~ /^(non2xx|connect|read|write|timeout)=/){split($i,a,"="); n+=a[2]} print n}'; }
summary_for() {
  local name=$1 lines req secs
  lines=$(grep "^$name round" "$OUT/rounds.txt")
  req=$(echo "$lines" | field requests | paste -sd+ | bc)
  secs=$(echo "$lines" | field seconds | paste -sd+ | bc)
  echo "$req $secs"
}
read -r SREQ SSECS <<<"$(summary_for service)"
read -r BREQ BSECS <<<"$(summary_for bare)"
SRPS=$(echo "scale=1; $SREQ / $SSECS" | bc)
BRPS=$(echo "scale=1; $BREQ / $BSECS" | bc)
RATIO=$(echo "scale=3; $SRPS / $BRPS" | bc)

log ""
log "| round | service req/s | bare req/s | ratio | service p50 / p99 ms | bare p50 / p99 ms | service errors | bare errors |"
log "|---|---|---|---|---|---|---|---|"
for r in $(seq 1 "$ROUNDS"); do
  s=$(grep "^service round$r " "$OUT/rounds.txt"); b=$(grep "^bare round$r " "$OUT/rounds.txt")
  sr=$(echo "$s" | field rps); br=$(echo "$b" | field rps)
  log "| $r | $sr | $br | $(echo "scale=3; $sr / $br" | bc) | $(echo "$s" | field p50_ms) / $(echo "$s" | field p99_ms) | $(echo "$b" | field p50_ms) / $(echo "$b" | field p99_ms) | $(errs "$s") | $(errs "$b") |"
done
log ""
log "all rounds: service $SRPS req/s, bare $BRPS req/s, ratio $RATIO"
cpu_per_req() { grep "^$1 round" "$OUT/rounds.txt" | field cpu_us_per_req | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
log "JVM CPU time per request (median of rounds, user+system): service $(cpu_per_req service) us, bare $(cpu_per_req bare) us"

for name in service bare; do
  rss=$(awk '/VmRSS/{print int($2/1024)}' "/proc/${PID[$name]}/status")
  hwm=$(awk '/VmHWM/{print int($2/1024)}' "/proc/${PID[$name]}/status")
  ygc=$(($(gcfield $name YGC) - YGC0[$name]))
  fgc=$(($(gcfield $name FGC) - FGC0[$name]))
  gct=$(echo "($(gcfield $name YGCT) - ${YGCT0[$name]}) + ($(gcfield $name FGCT) - ${FGCT0[$name]})" | bc)
  if [ "$name" = service ]; then secs=$SSECS; else secs=$BSECS; fi
  share=$(echo "scale=2; 100 * $gct / $secs" | bc)
  old=$(echo "scale=1; $(gcfield $name OU) / 1024" | bc)
  full=$(grep -c 'Pause Full' "$OUT/$name-gc.log" || true)
  log "$name after load: RSS $rss MiB (peak $hwm MiB); under load: $ygc young GCs, $fgc full GCs," \
    "${gct}s in GC over ${secs}s of load (${share}%); old gen ${old} MiB; 'Pause Full' in the whole GC log: $full"
done
log "load average at end: $(cut -d' ' -f1-3 /proc/loadavg); raw output in $OUT"
