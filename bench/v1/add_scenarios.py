"""V1 (issue 24 items 1, 4): scenario rows, re-appliable after a rebase onto main's workbook.

Updates the rows whose answers the cost premium and the feasibility agreement change (found by
name) and appends one scenario per case of the issue's Why that V1 owns. Idempotent: a row is
appended only when its name is not there yet. Afterwards: re-save through LibreOffice, `tidy`.
"""
import copy
import sys
import openpyxl

path = (sys.argv[1] if len(sys.argv) > 1 else "rules") + "/scenarios/Scenarios.xlsx"
wb = openpyxl.load_workbook(path)
ws = wb.active
header = [c.value for c in ws[1]]


def col(name):
    if name not in header:
        header.append(name)
        c = ws.cell(1, len(header), name)
        c._style = copy.copy(ws.cell(1, 2 if name[:6] != "expect" else header.index("expect deployment.recommendation") + 1)._style)
    return header.index(name) + 1


def rows_by_name():
    return {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value}


def put(r, values):
    for k, v in values.items():
        ws.cell(r, col(k)).value = v


BASE = {"timeToProduction": "MONTHS", "upfrontBudgetUsd": 1000000, "mlEngineers": 3, "infraEngineers": 3}

# --- rows whose answers change (by their old or new name) ---------------------------------
changes = [
    ("A 50 ms latency budget rules out the network: self-host",
     "A 50 ms budget for a style task rules out the network: self-host",
     {"taskType": "STYLE_FORMAT"}),
    ("Full control favours self-hosting",
     "Full control favours self-hosting: at 5B tokens within what it is worth",
     {"monthlyTokens": 5000000000}),
    ("Full control self-hosts: no API-first advice", None, {"monthlyTokens": 5000000000}),
    ("Confidential data favours self-hosting",
     "Confidential data at 1M tokens: privacy is not worth $571,910 more over 36 months: API",
     {"expect deployment.recommendation": "API"}),
    ("Cheaper self-hosting at 1B tokens: self-host",
     "Self-hosting $500 a month cheaper at 1B tokens, not with its upfront over 36 months: API",
     {"expect deployment.recommendation": "API"}),
    ("Cheaper self-hosting at 1B tokens: no cost premium",
     "API at 1B tokens is the cheapest over 36 months: no cost premium",
     {"expect deployment.recommendation": "API"}),
    ("A 1M-token context with confidential data: no model, and which filter excluded which",
     "A 1M-token context with regulated data: no model, and which filter excluded which",
     {"dataSensitivity": "REGULATED"}),
    ("Full control at 2B tokens: self-hosting costs $3,000 a month more than the API",
     "Full control at 5B tokens: self-hosting costs $338,000 more than the API over 36 months, within what full control is worth",
     {"monthlyTokens": 5000000000, "expect deployment.costPremium.monthlyUsd": 9388.89,
      "expect deployment.costPremium.horizonUsd": 338000, "expect deployment.costPremium.allowedUsd": 450000,
      "expect deployment.costPremium.justifiedBy.rule": "FullControlFavoursSelfHosting"}),
    ("Domain adaptation, examples not sent: fine-tuning says how many it needs", None,
     {"expect deployment.options[1].effects.rule":
      "DomainAdaptationFavoursFineTuning, FineTuneSaysHowManyLabeledExamplesItNeeds, CostlierWinnerIsWithinWhatItsReasonsAreWorth"}),
    ("Full TCO over 24 months: fine-tuning priced and compared",
     "Full TCO over 24 months: self-hosting $1,789,860 above fine-tuning, beyond what privacy is worth: fine-tune",
     {"expect deployment.recommendation": "FINE_TUNE", "expect deployment.costPremium.comparedTo": None,
      "expect deployment.costPremium.monthlyUsd": None, "expect deployment.costPremium": "null",
      "expect deployment.options[2].effects.rule":
      "ConfidentialDataFavoursSelfHosting, OptionBeyondWhatItsReasonsAreWorthLosesOnCost"}),
]
names = rows_by_name()
for old, new, values in changes:
    r = names.get(old) or (names.get(new) if new else None)
    if r is None:
        print("not found:", old)
        continue
    if new:
        ws.cell(r, 1).value = new
    put(r, values)

# --- one scenario per case of the issue's Why (V1's) ---------------------------------------
new_rows = [
    ("Confidential data, 5B tokens, 3 months: self-hosting's $486,500 premium is beyond what privacy is worth: API",
     {**BASE, "dataSensitivity": "CONFIDENTIAL", "monthlyTokens": 5000000000, "horizonMonths": 3,
      "expect deployment.recommendation": "API", "expect deployment.costPremium": "null",
      "expect deployment.options[2].effects.rule": "ConfidentialDataFavoursSelfHosting, OptionBeyondWhatItsReasonsAreWorthLosesOnCost"}),
    ("Confidential data, 5B tokens, 29 months: $369,500 above the API, beyond the $362,500 privacy is worth: API",
     {**BASE, "dataSensitivity": "CONFIDENTIAL", "monthlyTokens": 5000000000, "horizonMonths": 29,
      "expect deployment.recommendation": "API", "expect deployment.costPremium": "null"}),
    ("Confidential data, 5B tokens, 30 months: $365,000 above the API, within the $375,000 privacy is worth: self-host",
     {**BASE, "dataSensitivity": "CONFIDENTIAL", "monthlyTokens": 5000000000, "horizonMonths": 30,
      "expect deployment.recommendation": "SELF_HOST", "expect deployment.costPremium.comparedTo": "API",
      "expect deployment.costPremium.horizonUsd": 365000, "expect deployment.costPremium.allowedUsd": 375000,
      "expect deployment.costPremium.monthlyUsd": 12166.67,
      "expect deployment.costPremium.justifiedBy.rule": "ConfidentialDataFavoursSelfHosting"}),
    ("Confidential data, 5B tokens, 120 months, a team at $15,000 a month: self-hosting never pays: API",
     {**BASE, "dataSensitivity": "CONFIDENTIAL", "monthlyTokens": 5000000000, "horizonMonths": 120,
      "engineerMonthlyUsd": 15000, "expect deployment.recommendation": "API"}),
    ("The README's TCO case at 1M tokens: self-hosting $2,348,000 against fine-tuning's $414,643.82: fine-tune",
     {**BASE, "upfrontBudgetUsd": 750000, "dataSensitivity": "CONFIDENTIAL", "monthlyTokens": 1000000,
      "latencyBudgetMs": 300, "customization": "DOMAIN_ADAPTATION", "taskType": "DOMAIN_EXPERT",
      "labeledExamples": 5000, "outputTokenShare": 0.3, "cachedInputShare": 0.4, "batchShare": 0.2,
      "engineerMonthlyUsd": 15000, "horizonMonths": 24,
      "expect deployment.recommendation": "FINE_TUNE", "expect cost.options[1].horizonUsd": 414643.82}),
    ("Internal data at 900M tokens, no horizon: $250 a month saved is no match for $500,000 upfront over 36 months: API",
     {**BASE, "dataSensitivity": "INTERNAL", "monthlyTokens": 900000000,
      "expect deployment.recommendation": "API", "expect deployment.costPremium": "null",
      "expect deployment.options[2].score": 0, "expect deployment.options[2].effects.rule": None}),
    ("Internal data at 9B tokens: self-hosting 3 % cheaper over 36 months is no clear cost justification: API",
     {**BASE, "dataSensitivity": "INTERNAL", "monthlyTokens": 9000000000,
      "expect deployment.recommendation": "API", "expect deployment.costPremium.comparedTo": "SELF_HOST",
      "expect deployment.costPremium.justifiedBy.rule": "ApiFirstByDefault",
      "expect deployment.options[2].effects.rule": "CostJustifiesSelfHosting"}),
    ("Internal data at 20B tokens: the API within a quarter above self-hosting: API",
     {**BASE, "dataSensitivity": "INTERNAL", "monthlyTokens": 20000000000,
      "expect deployment.recommendation": "API"}),
    ("Internal data at 30B tokens: self-hosting costs less over 36 months, beyond the API's worth: self-host",
     {**BASE, "dataSensitivity": "INTERNAL", "monthlyTokens": 30000000000,
      "expect deployment.recommendation": "SELF_HOST", "expect deployment.costPremium": "null"}),
    ("A 20 ms budget for factual Q&A: nothing can serve the task, so no deployment is feasible",
     {**BASE, "dataSensitivity": "INTERNAL", "monthlyTokens": 1000000000, "latencyBudgetMs": 20,
      "expect deployment.recommendation": None, "expect deployment.feasible": False,
      "expect knowledge.feasible": False,
      "expect deployment.options[2].eligible": None,
      "expect deployment.conflicts[2].excludedBy.constraints": "latencyBudgetMs",
      "expect deployment.conflicts[2].excludedBy.rule": "RetrievalCannotFitTheLatencyBudget"}),
]
names = rows_by_name()
template = ws.max_row
for name, values in new_rows:
    if name in names:
        r = names[name]
    else:
        r = ws.max_row + 1
        for c in range(1, ws.max_column + 1):
            ws.cell(r, c)._style = copy.copy(ws.cell(template, c)._style)
        ws.cell(r, 1).value = name
    for k, v in values.items():
        if v is None and k == "expect deployment.recommendation":
            v = "null"
        if v is None:
            continue
        ws.cell(r, col(k)).value = v
wb.save(path)
print("scenarios:", ws.max_row - 1)
