# usage (from the worktree root): python3 bench/add_scenarios_v2.py [rules/scenarios/Scenarios.xlsx], then re-save through LibreOffice and run tidy (rules/README.md)
"""V2's scenario rows (issue 24 items 2, 3, 7): re-applied to main's workbook after a rebase.
Finds columns by header (adds missing ones at the end), updates rows by name, appends new rows
(replacing a row of the same name). Then re-save through LibreOffice and run tidy."""
import datetime, sys, openpyxl

PATH = sys.argv[1] if len(sys.argv) > 1 else 'rules/scenarios/Scenarios.xlsx'
wb = openpyxl.load_workbook(PATH)
ws = wb.worksheets[0]

def col(header):
    for c in ws[1]:
        if c.value == header:
            return c.column
    c = ws.max_column + 1
    ws.cell(1, c, header)
    return c

def row_named(name):
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value == name:
            return r
    return None

def setrow(r, values):
    for k, v in values.items():
        ws.cell(r, col(k)).value = v

def update(name, values, rename=None):
    r = row_named(name) or row_named(rename)
    if r is None:
        raise SystemExit('no scenario named ' + name)
    if rename:
        ws.cell(r, 1, rename)
    setrow(r, values)

def add(name, values):
    r = row_named(name)
    if r is None:
        r = ws.max_row + 1
        while r > 2 and ws.cell(r - 1, 1).value is None:
            r -= 1
        ws.cell(r, 1, name)
    setrow(r, values)

BASE = {'timeToProduction': 'MONTHS', 'upfrontBudgetUsd': 1000000, 'mlEngineers': 3, 'infraEngineers': 3}

# existing rows whose answers change, and why (issue 24)
update('A 1M-token context with confidential data: no model, and which filter excluded which', {
    'expect deployment.recommendation': 'API',
    'expect modelExclusions.filter': 'retired: past its retirement date',
    'expect cost.referenceModel': 'Gemini 2.0 Pro',
    'expect deployment.options[2].eligible': False,
}, rename='A 1M-token context with confidential data: no open model holds it, so self-hosting is blocked and the API runs on Gemini 2.0 Pro')
update('Batch-heavy workload: output, cache and batch priced', {'expect cost.cheapestApi.model': 'GPT-5'})
update('A 405B candidate costs more to self-host than a 70B', {
    'expect models[9].name': None, 'expect models[9].monthlyUsd': None,
    'expect models[1].name': 'Llama 3.1 405B', 'expect models[1].monthlyUsd': 16000})
update('A cheaper API than self-hosting is named', {'decided on': datetime.datetime(2026, 3, 1)})
update('Full TCO over 24 months: fine-tuning priced and compared', {
    'expect deployment.costPremium.monthlyUsd': 85139.9, 'expect cost.options[1].horizonUsd': 448642.4})

# one scenario per case of issue 24 this branch answers
add('minQuality HIGH: self-hosting is priced on DeepSeek-V3, the cheapest open model rated HIGH, not the 70B', dict(BASE, **{
    'dataSensitivity': 'CONFIDENTIAL', 'monthlyTokens': 5000000000, 'minQuality': 'HIGH',
    'expect cost.selfHostMonthlyUsd': 32000, 'expect cost.selfHostSetup': '16 GPUs (671B)',
    'expect cost.cheaperOption': 'API', 'expect cost.breakEvenMonthlyTokens': 'null'}))
add('minQuality VERY_HIGH: no open model qualifies, so self-hosting and fine-tuning are blocked', dict(BASE, **{
    'dataSensitivity': 'CONFIDENTIAL', 'monthlyTokens': 5000000000, 'minQuality': 'VERY_HIGH',
    'expect deployment.recommendation': 'API', 'expect deployment.options[2].eligible': False,
    'expect deployment.options[1].eligible': False, 'expect cost.selfHostMonthlyUsd': 'null'}))
add('A 200K minimum context prices the API on GPT-5, not on the 128K GPT-4o', dict(BASE, **{
    'dataSensitivity': 'PUBLIC', 'monthlyTokens': 1000000000, 'minContextWindowTokens': 200000,
    'expect cost.referenceModel': 'GPT-5', 'expect cost.apiMonthlyUsd': 1250}))
add('Fine-tuning lists only models that can be fine-tuned, each at the price cost.options gives', {
    'dataSensitivity': 'INTERNAL', 'monthlyTokens': 100000000, 'timeToProduction': 'WEEKS',
    'upfrontBudgetUsd': 80000, 'mlEngineers': 2, 'customization': 'DOMAIN_ADAPTATION',
    'expect deployment.recommendation': 'FINE_TUNE', 'expect models.name': 'DeepSeek-V3, Mistral Large',
    'expect models[0].monthlyUsd': 40.5, 'expect cost.options[1].monthlyUsd': 40.5})
add('An 80 % output share: Gemini 2.0 Pro has no output price, so it is not compared', {
    'dataSensitivity': 'PUBLIC', 'monthlyTokens': 100000000, 'timeToProduction': 'DAYS',
    'upfrontBudgetUsd': 0, 'outputTokenShare': 0.8,
    'expect cost.cheapestApi.model': 'GPT-5', 'expect cost.cheapestApi.monthlyUsd': 825,
    'expect modelExclusions[0].models': 'Gemini 2.0 Pro'})
add('Sending the documented defaults (0 shares, GPT-4o) answers as leaving them out', {
    'dataSensitivity': 'PUBLIC', 'monthlyTokens': 1000000, 'timeToProduction': 'WEEKS',
    'upfrontBudgetUsd': 80000, 'mlEngineers': 2, 'customization': 'DOMAIN_ADAPTATION',
    'referenceModel': 'GPT-4o', 'outputTokenShare': 0, 'cachedInputShare': 0, 'batchShare': 0,
    'expect deployment.recommendation': 'FINE_TUNE', 'expect deployment.costPremium': 'null',
    'expect cost.assumptions[0]': "Every token is priced at GPT-4o's input price (the article's arithmetic): send outputTokenShare, cachedInputShare and batchShare to price output, cached and batch tokens."})
wb.save(PATH)
print('ok', ws.max_row, 'rows')
