# Writes rules/settings/Levers.drl.xlsx from the constants workbook's layout (issue 24 item 6:
# what it would take names levers only). openpyxl writes inline strings: re-save it through
# LibreOffice afterwards, then run the tidy command (COMMON9.md).
import copy, sys
import openpyxl

src = 'rules/settings/Constants.drl.xlsx'
out = sys.argv[1] if len(sys.argv) > 1 else '/tmp/lo-w/Levers.drl.xlsx'
wb = openpyxl.load_workbook(src)
ws = wb.worksheets[0]
ws.title = 'Levers'
ws.data_validations.dataValidation = []
ws['B1'] = 'settings'
ws['B3'] = ('Which request fields an organisation can change to reach an option (a lever), and which way '
            'helps it. What it would take (deployment.whatItWouldTake, with ?explain=flips) proposes only '
            'levers, each moved the way this table says: a CTO reads it as "what we could change". The '
            'flips, which say how the answer could break, still move every field either way. MORE is towards '
            'larger numbers, or the later values of a list as the contract lists them (DAYS, WEEKS, MONTHS); '
            'LESS the other way; NOT_A_LEVER: a circumstance, never proposed. A field without a row is no lever.')
ws['B4'] = ('One row is one request field (read as data): pick it in the Input column, pick how it improves, '
            'and say why. Each field once. The grouped rows above the header are the table\'s machinery. '
            'Then run: java -jar llm-strategy-decision.jar validate rules')
ws['A5'] = 'RuleTable Levers'
ws['C8'] = 'lever'; ws['D8'] = 'improves'; ws['E8'] = 'source'
ws['A9'] = 'Rule'; ws['B9'] = 'Why'
ws['C9'] = 'Input [one of]'; ws['D9'] = 'Improves with [one of]'; ws['E9'] = 'Source [text]'
rows = [
  ('MoreBudgetIsALever', 'An upfront budget is a decision: more money can be put in',
   'upfrontBudgetUsd', 'MORE',
   'A budget is allocated, not found: the article prices self-hosting at $500K+ upfront, which a board can decide to spend; a smaller budget never helps an option reach the answer'),
  ('MoreMlEngineersIsALever', 'ML engineers can be hired or assigned',
   'mlEngineers', 'MORE',
   'The article asks for ML expertise to fine-tune and an ML + infra team of 5+ to self-host: a team is built by hiring or assigning people; fewer engineers is never what an option needs'),
  ('MoreInfraEngineersIsALever', 'Infrastructure engineers can be hired or assigned',
   'infraEngineers', 'MORE',
   'As for ML engineers: the self-hosting team of 5+ the article asks for is hired or assigned'),
  ('MoreTimeIsALever', 'A later date to production is a decision: weeks instead of days, months instead of weeks',
   'timeToProduction', 'MORE',
   'The article: the API is live in days, fine-tuning takes weeks, self-hosting months; a project can be given the time an option takes'),
  ('MoreLabeledExamplesIsALever', 'Examples can be labeled',
   'labeledExamples', 'MORE',
   'The article: fine-tuning needs hundreds to thousands of labeled examples; labeling them is work a team can commission'),
  ('ALooserLatencyBudgetIsALever', 'A latency budget is a product decision: it can be loosened',
   'latencyBudgetMs', 'MORE',
   'A latency budget is set by the product, and a looser one (more milliseconds) is a choice the product can make; a tighter budget never helps an option reach the answer'),
  ('ALongerHorizonIsALever', 'Committing for longer is a decision: upfront costs are spread over more months',
   'horizonMonths', 'MORE',
   'The horizon is how long the organisation plans to run the system: an option with an upfront cost and a lower monthly bill pays back only over enough months (the totals compared, cost/OptionCosts.drl.xlsx)'),
  ('AskingLessAdaptationIsALever', 'A requirement can be relaxed (prompt only instead of domain adaptation), not raised to reach an option',
   'customization', 'LESS',
   'Customization is what the product needs: a team can decide it needs less (the article: start with prompts and retrieval), but needing more only to justify an option is no reason to choose it'),
  ('RetrievalAtTheBarIsAFinding', 'Whether retrieval meets the quality bar is measured on the task, not chosen',
   'ragMeetsQualityBar', 'NOT_A_LEVER',
   'The article: try retrieval first and measure it against the quality bar; the outcome is a finding about the task, so it is not proposed as a change'),
  ('DataSensitivityIsACircumstance', 'What the data is: the law and the contracts decide it, not the team',
   'dataSensitivity', 'NOT_A_LEVER',
   'Regulated data must stay in house (the article); making data more sensitive, or calling it less sensitive than it is, is no change an organisation can make to reach an option'),
  ('VolumeIsACircumstance', 'The volume is the demand the business has',
   'monthlyTokens', 'NOT_A_LEVER',
   'Tokens a month follow from the users and the use: demand, not a choice; the volume flips say where the answer changes with it'),
]
# the constants' rows 10..17 give the style; the table has 11 rows now (10..20)
style_row = 10
for i, (name, why, field, improves, source) in enumerate(rows):
    r = 10 + i
    for col, value in zip('ABCDE', (name, why, field, improves, source)):
        cell = ws[f'{col}{r}']
        if r > 17:
            cell._style = copy.copy(ws[f'{col}{style_row}']._style)
        cell.value = value
for r in range(10 + len(rows), ws.max_row + 1):
    for col in 'ABCDE':
        ws[f'{col}{r}'].value = None
wb.save(out)
print('written', out)
