# Sourced by bench/ab.sh, bench/http.sh and bench/profile.sh: warm a JVM under load until its JIT
# compiler has settled, rather than for a fixed time.
#
# The service has far more code to compile than the bare app (Drools' network, one class per rule
# lambda, Spring, Jackson; H2 and Flyway with records on). Under wrk -t2 -c32 on this 2-core machine
# its compiler stayed busy for about 90 s and its throughput rose from 190 to 2,200 req/s meanwhile
# (BENCHMARKS.md, "The JIT had not settled"), so a fixed 15-30 s warm-up compared a JIT still at
# work with a bare app that had settled in seconds.
#
# Settings (environment): WARMUP=settled (the default: 10 s steps until one compiles for under
# SETTLED_MS, default 300 ms, at most WARMUP_MAX steps, default 30); any wrk duration (WARMUP=30s)
# keeps a fixed warm-up.
WARMUP=${WARMUP:-settled}
SETTLED_MS=${SETTLED_MS:-300}
WARMUP_MAX=${WARMUP_MAX:-30}

# milliseconds PID has spent compiling (jstat -compiler: the fourth column is seconds)
jit_ms() { jstat -compiler "$1" | awk 'NR == 2 { printf "%d", $4 * 1000 }'; }

# warm_jvm PID LOAD_COMMAND...: runs LOAD_COMMAND with the duration as its last argument, either
# once for $WARMUP or in 10 s steps until the JIT of PID has settled; says how it ended on stderr
warm_jvm() {
  local pid=$1 step before after
  shift
  if [[ $WARMUP != settled ]]; then "$@" "$WARMUP" >/dev/null; return; fi
  for step in $(seq "$WARMUP_MAX"); do
    before=$(jit_ms "$pid")
    "$@" 10s >/dev/null
    after=$(jit_ms "$pid")
    if ((after - before < SETTLED_MS)); then
      echo "warm-up [pid $pid]: JIT settled after ${step}0 s (last step compiled $((after - before)) ms)" >&2
      return
    fi
  done
  echo "warm-up [pid $pid]: JIT still compiling after ${WARMUP_MAX}0 s (last step $((after - before)) ms)" >&2
}
