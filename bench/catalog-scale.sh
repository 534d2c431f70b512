#!/usr/bin/env bash
# Catalog at scale (issue 13): a LiteLLM-format price file of the hand-made test entries plus N
# synthetic chat models (default 3000), imported into a copy of rules/ in a temp folder, then
# measured on that copy and on the shipped rules, in the same run. Nothing is committed: the
# 3,000-row workbook lives in the temp folder only. Needs python3, wrk and a built jar.
#
#   bench/catalog-scale.sh 3000                 # import, validate (both catalogs), re-import
#   STEPS="jmh footprint http soak" bench/catalog-scale.sh 3000   # and the rest (~20 min)
#
# jmh: DecisionBenchmark.decide and RuleBuildBenchmark.reload, -p scale=1,0 (0 = the imported
# folder, via BENCH_RULES); footprint: retained heap per rule set; http: bench/http.sh on each
# folder (32 connections, -Xmx256m, launch to ready); soak: bench/soak.sh on the imported folder
# (-Xmx256m, a workbook swapped every 4 s under load: two rule sets alive at once).
set -euo pipefail
N=${1:-3000}
JAR=${JAR:-target/llm-strategy-decision-0.1.0-SNAPSHOT.jar}
WORK=$(mktemp -d /tmp/catalog-scale.XXXXXX)
python3 - "$N" "$WORK/model_prices_and_context_window.json" <<'PY'
import json, random, sys
n, out = int(sys.argv[1]), sys.argv[2]
random.seed(13)
d = json.load(open('src/test/resources/prices/model_prices_and_context_window.json'))
providers = ['openai', 'anthropic', 'bedrock', 'together_ai', 'fireworks_ai', 'deepinfra',
             'vertex_ai', 'mistral', 'groq', 'azure']
for i in range(n):
    p = random.choice(providers)
    usd = random.choice([1, 15, 25, 30, 88, 150, 250, 500, 1000, 3000, 15000])  # per 1B tokens
    e = {"litellm_provider": p, "mode": "chat", "input_cost_per_token": float(f"{usd}e-9"),
         "output_cost_per_token": float(f"{usd * 4}e-9"),
         "max_input_tokens": random.choice([8192, 32000, 128000, 200000, 1000000])}
    if i % 4 == 0: e["cache_read_input_token_cost"] = float(f"{usd}e-10")
    if i % 10 == 0: e["input_cost_per_token_batches"] = float(f"{usd / 2}e-9")
    if i % 30 == 0: e["deprecation_date"] = random.choice(["2026-03-01", "2027-02-01", "2027-09-30"])
    d[f"{p}/synthetic-model-{i:04d}"] = e
json.dump(d, open(out, 'w'), indent=4)
PY
cp -r rules "$WORK/rules"
t() { local label=$1; shift; echo "== $label (load $(cut -d' ' -f1-3 /proc/loadavg))"
  /usr/bin/time -f "   wall %es, max RSS %M KiB" "$@" 2>&1 | grep -E "^(OK|REFUSED|Catalog|   wall)" || true; }
STEPS=${STEPS:-}
has() { [[ " $STEPS " == *" $1 "* ]]; }
t "import-prices, $N synthetic + test entries" java -jar "$JAR" import-prices \
  "$WORK/model_prices_and_context_window.json" --into "$WORK/rules/models/ModelCatalog.drl.xlsx"
t "validate, the imported catalog" java -jar "$JAR" validate "$WORK/rules"
t "validate, the shipped catalog" java -jar "$JAR" validate rules
t "import-prices again (must change nothing)" java -jar "$JAR" import-prices \
  "$WORK/model_prices_and_context_window.json" --into "$WORK/rules/models/ModelCatalog.drl.xlsx"
if has jmh; then
  BENCH_RULES="$WORK/rules" ./mvnw -B -q -Pjmh test \
    -Djmh.args="DecisionBenchmark.decide RuleBuildBenchmark.reload -p scale=1,0 -f 1 -wi 3 -i 5" \
    2>&1 | grep -E "^(Benchmark|Decision|RuleBuild)|p0.99|p0.50" || true
fi
if has footprint; then
  for scale in 1 0; do
    BENCH_RULES="$WORK/rules" ./mvnw -B -q -Pjmh test -Djmh.main=org.llmstrategy.bench.Footprint \
      -Djmh.args=$scale 2>&1 | grep -E "^scale" || true
  done
fi
if has http; then
  for dir in "$WORK/rules" rules; do
    echo "== bench/http.sh on $dir"
    RULES_DIR="$dir" SKIP_BUILD=1 LAUNCH_MODES=jar STARTS=1 ROUNDS=2 bench/http.sh 2>&1 \
      | grep -E "req/s|p99|error|ready|RSS|GC" || true
  done
fi
if has soak; then
  SOAK_RULES="$WORK/rules" SOAK_SKIP_BUILD=1 SOAK_SECONDS=${SOAK_SECONDS:-90} bench/soak.sh 2>&1 | tail -15
fi
echo "(left in $WORK)"
