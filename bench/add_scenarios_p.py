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

ROWS = []

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
