#!/bin/bash
# V1: re-apply the workbook edits and scenario rows onto the worktree's rules (after a rebase:
# take main's workbooks first), re-save through LibreOffice, tidy, validate.
set -e
cd "$(dirname "$0")/../.."
python3 bench/v1/edit_workbooks.py rules 2>&1 | grep -v -i warn || true
python3 bench/v1/add_scenarios.py rules 2>&1 | grep -v -i warn || true
mkdir -p /tmp/lo-v1 && rm -f /tmp/lo-v1/*.xlsx
for f in deployment/DeploymentMatrix settings/Constants scenarios/Scenarios; do
  src=rules/$f.drl.xlsx; [ -f "$src" ] || src=rules/$f.xlsx
  soffice --headless --calc --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir /tmp/lo-v1 "$src" >/dev/null 2>&1
  cp /tmp/lo-v1/$(basename "$src") "$src"
done
# tidy a copy, take back only V1's workbooks (the others are their owners')
rm -rf /tmp/v1-tidy && cp -r rules /tmp/v1-tidy
java -cp target/classes:$(cat /tmp/cp-v1) org.llmstrategy.Application tidy /tmp/v1-tidy | tail -1
for f in deployment/DeploymentMatrix.drl.xlsx settings/Constants.drl.xlsx scenarios/Scenarios.xlsx; do
  cp /tmp/v1-tidy/$f rules/$f
done
java -cp target/classes:$(cat /tmp/cp-v1) org.llmstrategy.Application validate rules | tail -5
