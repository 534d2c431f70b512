#!/usr/bin/env bash
# Round-trips every workbook of rules/ through a real LibreOffice Calc (open, save in place as .xlsx,
# as an analyst's File > Save does), then runs `validate` on the copy: the rules must still go live
# with the same rules version. Then makes analysts' edits through LibreOffice and validates each:
#   1. a price typed as a number in the catalog, and typed as $2.50 (Calc stores a number shown as
#      currency): both read as meant, the rules still go live;
#   2. a price typed as the text "2.50 USD": refused at its cell, in words.
# Needs: apt-get install libreoffice-calc-nogui python3-uno; a built jar (./mvnw -B package -DskipTests).
# Usage: bench/libreoffice-roundtrip.sh [RULES_DIR]   (default: rules)
set -euo pipefail
cd "$(dirname "$0")/.."
RULES=${1:-rules}
JAR=$(ls target/llm-strategy-decision-*.jar | grep -v original | head -1)
WORK=$(mktemp -d)
PORT=$((20000 + RANDOM % 5000))
trap 'kill $LO 2>/dev/null || true; rm -rf "$WORK"' EXIT
command -v soffice >/dev/null || { echo "needs soffice: apt-get install libreoffice-calc-nogui python3-uno"; exit 2; }

soffice --headless --invisible --norestore --nologo "-env:UserInstallation=file://$WORK/profile" \
  "--accept=socket,host=127.0.0.1,port=$PORT;urp;" >/dev/null 2>&1 &
LO=$!
validate() { java -jar "$JAR" validate "$1"; }
version() { sed -n 's/.*rules version \([0-9a-f]*\).*/\1/p'; }

cp -r "$RULES" "$WORK/rules"
before=$(validate "$WORK/rules" | tee /dev/stderr | version)
while IFS= read -r f; do
  /usr/bin/python3 bench/lo_calc.py "$PORT" "$f"
done < <(find "$WORK/rules" -name '*.xlsx' | sort)
after=$(validate "$WORK/rules" | tee /dev/stderr | version)
echo "round trip: rules version $before before, ${after:-none} after LibreOffice saved every workbook"
status=0
[ -n "$after" ] || { echo "FAIL: the rules saved by LibreOffice are refused"; status=1; }
[ "$before" = "$after" ] || { echo "FAIL: saving unchanged workbooks moved the rules version"; status=1; }

CATALOG="$WORK/rules/models/ModelCatalog.drl.xlsx"
PRICE_CELL=${PRICE_CELL:-H12}
cp "$CATALOG" "$WORK/catalog.orig"
for typed in "3.5" "\$2.50"; do
  /usr/bin/python3 bench/lo_calc.py "$PORT" "$CATALOG" "$PRICE_CELL=$typed"
  validate "$WORK/rules" || { echo "FAIL: $typed typed in $PRICE_CELL was not read as meant"; status=1; }
done
/usr/bin/python3 bench/lo_calc.py "$PORT" "$CATALOG" "$PRICE_CELL='2.50 USD"
validate "$WORK/rules" > "$WORK/out" || true
if grep -q "ModelCatalog.drl.xlsx!Models!$PRICE_CELL: " "$WORK/out"; then
  cat "$WORK/out"; echo "the typing mistake is refused at its cell"
else
  cat "$WORK/out"; echo "FAIL: the text 2.50 USD in $PRICE_CELL was not refused at its cell"; status=1
fi
cp "$WORK/catalog.orig" "$CATALOG"
exit $status
