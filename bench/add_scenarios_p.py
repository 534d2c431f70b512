"""Issue 24 (session 9, helper P): every option priced at the same quality floor, the default
horizon applied everywhere it is claimed, reasons in words. Re-applied after a rebase onto main's
workbook (it is binary and several people add rows): python3 bench/add_scenarios_p.py, then re-save
through LibreOffice and run tidy (COMMON9 says how). A row of the same name is replaced, never
doubled; RENAMED rows are first renamed (their expectations follow the default horizon)."""
import openpyxl

PATH = 'rules/scenarios/Scenarios.xlsx'

# rows whose expectations change with the default horizon (upfront over 36 months counted in
# cheaperOption and break-even): old name -> (new name, {column: new value})
CHANGED = {
    'Self-hosting $500 a month cheaper at 1B tokens, not with its upfront over 36 months: API': (
        'Self-hosting $500 a month cheaper at 1B tokens, not with its upfront over 36 months: API,'
        ' and cheaperOption says so', {'expect cost.cheaperOption': 'API'}),
    'Light tier': ('Light tier', {'expect cost.breakEvenMonthlyTokens': 8755555556}),
    'Heavy tier': ('Heavy tier', {'expect cost.cheaperOption': 'API'}),
    'Labour counted: the team of five moves break-even to 46B tokens': (
        'Labour counted: the team of five and the upfront over 36 months move break-even to 51.6B'
        ' tokens', {'expect cost.breakEvenMonthlyTokens': 51555555556}),
    'A cheaper API than self-hosting is named': (
        'A cheaper API than self-hosting is named', {'expect cost.cheaperOption': 'API'}),
}

ROWS = [
    {
        'name': 'minQuality HIGH, 5B tokens, retrieval, no labeled examples: the API is priced on'
                ' DeepSeek-V3, the cheapest API meeting it, not on GPT-4o, so fine-tuning DeepSeek-V3'
                ' does not win on cost (issue 24)',
        'dataSensitivity': 'INTERNAL', 'monthlyTokens': 5000000000, 'timeToProduction': 'WEEKS',
        'upfrontBudgetUsd': 100000, 'mlEngineers': 2, 'infraEngineers': 1, 'minQuality': 'HIGH',
        'expect deployment.recommendation': 'API', 'expect cost.referenceModel': 'DeepSeek-V3',
        'expect cost.apiMonthlyUsd': 1350, 'expect cost.cheapestApi.model': 'DeepSeek-V3',
    },
    {
        'name': 'Confidential data, minQuality HIGH, no labeled examples: the API on DeepSeek-V3,'
                ' not fine-tuning that sends the data for training and was priced against GPT-4o'
                ' (issue 24)',
        'dataSensitivity': 'CONFIDENTIAL', 'monthlyTokens': 2000000000, 'timeToProduction': 'MONTHS',
        'upfrontBudgetUsd': 750000, 'mlEngineers': 3, 'infraEngineers': 3, 'minQuality': 'HIGH',
        'expect deployment.recommendation': 'API', 'expect cost.referenceModel': 'DeepSeek-V3',
        'expect cost.apiMonthlyUsd': 540,
    },
    {
        'name': 'A minimum context of 100,000 that GPT-4o meets: the API is priced on GPT-5, rated as'
                ' high and cheaper, the cheapest API meeting the filter (issue 24)',
        'dataSensitivity': 'INTERNAL', 'monthlyTokens': 3000000000, 'timeToProduction': 'WEEKS',
        'upfrontBudgetUsd': 100000, 'mlEngineers': 2, 'minContextWindowTokens': 100000,
        'expect deployment.recommendation': 'API', 'expect cost.referenceModel': 'GPT-5',
        'expect cost.apiMonthlyUsd': 3750,
    },
    {
        'name': 'No horizon sent: every option is totalled over the default 36 months, upfront'
                ' included, and cheaperOption says what the comparison says (issue 24)',
        'dataSensitivity': 'INTERNAL', 'monthlyTokens': 900000000, 'timeToProduction': 'MONTHS',
        'upfrontBudgetUsd': 750000, 'mlEngineers': 3, 'infraEngineers': 3,
        'expect deployment.recommendation': 'API', 'expect cost.cheaperOption': 'API',
        'expect cost.options[0].horizonUsd': 81000, 'expect cost.options[2].horizonUsd': 572000,
        'expect cost.breakEvenMonthlyTokens': 8755555556,
    },
    {
        'name': 'Reasons in words: self-hosting beyond what its reasons are worth says the API wins'
                ' instead, not API or SELF_HOST (issue 24)',
        'dataSensitivity': 'CONFIDENTIAL', 'monthlyTokens': 5000000000, 'timeToProduction': 'MONTHS',
        'upfrontBudgetUsd': 750000, 'mlEngineers': 3, 'infraEngineers': 3, 'horizonMonths': 3,
        'expect deployment.recommendation': 'API',
        'expect deployment.options[2].reasons[1]': '(0) Costs $486,500.00 more than the API over 3'
            ' months, beyond the $37,500.00 its reasons are worth (the worth cells beside them in'
            ' the matrix): the API wins instead',
    },
]

wb = openpyxl.load_workbook(PATH)
ws = wb.worksheets[0]
header = [c.value for c in ws[1]]
for row in ROWS:
    for key in row:
        if key not in header:
            header.append(key)
            ws.cell(row=1, column=len(header), value=key)
names = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
for old, (new, cells) in CHANGED.items():
    r = names.get(old, names.get(new))
    if r is None:
        raise SystemExit('no row named ' + old)
    ws.cell(row=r, column=1, value=new)
    for key, value in cells.items():
        ws.cell(row=r, column=header.index(key) + 1, value=value)
names = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
for row in ROWS:
    r = names.get(row['name'])
    if r is None:
        r = ws.max_row + 1
    for i, key in enumerate(header, start=1):
        ws.cell(row=r, column=i, value=row.get(key))
wb.save(PATH)
print('changed', len(CHANGED), 'rows', [r['name'][:40] for r in ROWS], 'in', PATH)
