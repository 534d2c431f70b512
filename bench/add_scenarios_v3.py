"""Issue 24 items 5 and 6: the scenario rows for "More data makes it worse" and "Flips say how to
break the answer". Re-applied after a rebase onto main's workbook (it is binary and several people
add rows): python3 bench/add_scenarios_v3.py, then re-save through LibreOffice and run tidy (the
COMMON brief says how). A row already present (same name) is replaced, never doubled."""
import openpyxl

PATH = 'rules/scenarios/Scenarios.xlsx'
ROWS = [
    {
        'name': 'More data never makes it worse: 3,000 labeled examples and no ML engineer still give'
                ' the API, fine-tuning out of reach (issue 24)',
        'dataSensitivity': 'INTERNAL', 'monthlyTokens': 10000000, 'timeToProduction': 'WEEKS',
        'upfrontBudgetUsd': 100000, 'mlEngineers': 0, 'infraEngineers': 0,
        'taskType': 'STYLE_FORMAT', 'labeledExamples': 3000,
        'expect deployment.recommendation': 'API', 'expect deployment.feasible': 'true',
        'expect knowledge.recommendation': 'RAG',
    },
    {
        'name': 'What it would take at 50B tokens a month names levers only: the flip that changes'
                ' the winner comes first; no lever makes another option win, since months and'
                ' $500,000 make self-hosting eligible but its 70B model is rated below GPT-4o, so'
                ' its saving is not weighed, and fine-tuning needs a customization (issue 24)',
        'dataSensitivity': 'INTERNAL', 'monthlyTokens': 50000000000, 'timeToProduction': 'WEEKS',
        'upfrontBudgetUsd': 100000, 'mlEngineers': 3, 'infraEngineers': 3, 'horizonMonths': 12,
        'expect deployment.recommendation': 'API',
        'expect deployment.flips[0].recommendation': 'FINE_TUNE',
        'expect deployment.whatItWouldTake[0].option': 'null',
    },
]

# rows renamed in place (their old names said what no longer holds): old name -> index in ROWS
RENAMED = {
    'What it would take at 50B tokens a month: the flip that changes the winner comes first, and'
    ' each option that did not win says what it would take (issue 24)': 1,
}

wb = openpyxl.load_workbook(PATH)
ws = wb.worksheets[0]
header = [c.value for c in ws[1]]
for row in ROWS:
    for key in row:
        if key not in header:
            header.append(key)
            ws.cell(row=1, column=len(header), value=key)
for r in range(2, ws.max_row + 1):
    old = ws.cell(row=r, column=1).value
    if old in RENAMED:
        ws.cell(row=r, column=1, value=ROWS[RENAMED[old]]['name'])
names = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
for row in ROWS:
    r = names.get(row['name'])
    if r is None:
        r = ws.max_row + 1
    for i, key in enumerate(header, start=1):
        ws.cell(row=r, column=i).value = row.get(key)  # None clears (ws.cell(value=None) would not)
wb.save(PATH)
print('rows', [r['name'][:40] for r in ROWS], 'in', PATH)
