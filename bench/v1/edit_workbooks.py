"""V1 (issue 24 items 1, 4): the workbook edits, re-appliable after a rebase onto main's workbooks.

Adds the DEFAULT_HORIZON_MONTHS row to settings/Constants.drl.xlsx and the worth columns to
deployment/DeploymentMatrix.drl.xlsx (and turns its cost row into a note on the horizon totals).
Idempotent. Afterwards: re-save through LibreOffice, then `tidy rules` (see COMMON8.md).
"""
import copy
import sys
import openpyxl

rules = sys.argv[1] if len(sys.argv) > 1 else "rules"


def copy_style(src, dst):
    dst._style = copy.copy(src._style)


# --- constants: the default horizon -------------------------------------------------------
p = f"{rules}/settings/Constants.drl.xlsx"
wb = openpyxl.load_workbook(p)
ws = wb.active
names = [ws.cell(r, 3).value for r in range(10, ws.max_row + 1)]
if "DEFAULT_HORIZON_MONTHS" not in names:
    r = ws.max_row + 1
    values = [
        "CompareOptionsOverThreeYears",
        "Options are compared on their totals over 36 months when the request sends no horizon",
        "DEFAULT_HORIZON_MONTHS",
        36,
        "36 months: the three years over which servers and GPUs are commonly depreciated and a TCO"
        " is usually compared; without a horizon an upfront cost ($500K+ to self-host, the"
        " article) would count for nothing against a monthly saving. Send horizonMonths for"
        " your own",
    ]
    for c, v in enumerate(values, start=1):
        cell = ws.cell(r, c, v)
        copy_style(ws.cell(r - 1, c), cell)
    for dv in ws.data_validations.dataValidation:
        if dv.formula1 and "CANDIDATES_LISTED" in dv.formula1 and "DEFAULT_HORIZON_MONTHS" not in dv.formula1:
            dv.formula1 = dv.formula1[:-1] + ',DEFAULT_HORIZON_MONTHS"'
    wb.save(p)

# --- the matrix: worth columns next to "Adds to score" and "Reason given" ------------------
p = f"{rules}/deployment/DeploymentMatrix.drl.xlsx"
wb = openpyxl.load_workbook(p)
ws = wb.active
labels = [ws.cell(9, c).value for c in range(1, ws.max_column + 1)]
AMOUNT = "Worth paying more for: an amount over the horizon (USD) [money]"
SHARE = "Worth paying more for: a share of the cheapest option's total [number]"
WHY = "Why it is worth that"
if AMOUNT not in labels:
    knowledge_col = labels.index("Knowledge verdict is one of [several of]") + 1  # S
    last = ws.max_row
    # move the knowledge column three to the right, keep its dropdown off (tidy lays it again)
    ws.move_range(f"{openpyxl.utils.get_column_letter(knowledge_col)}1:"
                  f"{openpyxl.utils.get_column_letter(knowledge_col)}{last}", cols=3)
    ws.column_dimensions[openpyxl.utils.get_column_letter(knowledge_col + 3)].width = 34
    reason_col = labels.index("Reason given [text]") + 1  # R
    cols = {"amount": knowledge_col, "share": knowledge_col + 1, "why": knowledge_col + 2}
    heads = {
        "amount": ("ACTION", "insert(PremiumWorth.amount($o.option(), new java.math.BigDecimal(\"$param\")));", AMOUNT),
        "share": ("ACTION", "insert(PremiumWorth.share($o.option(), new java.math.BigDecimal(\"$param\")));", SHARE),
        "why": ("DESCRIPTION", None, WHY),
    }
    for k, c in cols.items():
        kw, template, label = heads[k]
        for r in range(1, last + 1):
            copy_style(ws.cell(r, reason_col), ws.cell(r, c))
        ws.cell(6, c, kw)
        ws.cell(7, c, "")
        if template:
            ws.cell(8, c, template)
        ws.cell(9, c, label)
        ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width = 14 if k != "why" else 46
    ws.cell(6, cols["why"]).value = "DESCRIPTION"
    dvs = [dv for dv in ws.data_validations.dataValidation
           if not str(dv.sqref).startswith(openpyxl.utils.get_column_letter(knowledge_col))]
    ws.data_validations.dataValidation = dvs
    rows = {ws.cell(r, 1).value: r for r in range(10, last + 1)}
    worth = {
        "ApiFirstByDefault": (None, 0.25,
            "Only self-host when you have a clear cost or privacy justification (the article): a saving"
            " under a fifth of the API's total (the API within 1.25 times the cheapest) is no clear"
            " cost justification, so the API's simplicity is worth a quarter of the cheapest total"
            " (analysts' judgment)"),
        "DomainAdaptationFavoursFineTuning": (100000, 0.5,
            "Domain-specific quality is what fine-tuning is for (the article): worth its upfront"
            " ($50K, the article) twice over and the fine-tuned token price (1.5 times the base,"
            " cost/OptionCosts.drl.xlsx) on top of the cheapest total; not a team's salary"
            " (analysts' judgment)"),
        "FullControlFavoursSelfHosting": (None, 1.0,
            "Full control is only had by self-hosting (the article): worth paying up to twice the"
            " cheapest option's total (analysts' judgment)"),
        "ConfidentialDataFavoursSelfHosting": (None, 1.0,
            "A clear privacy justification (the article): keeping confidential data in house is"
            " worth paying up to twice the cheapest option's total, not ten times (analysts'"
            " judgment); regulated data is no price but a blocker (rows above)"),
        "ModerateLatencyFavoursSelfHosting": (None, 0.1,
            "Local answers (10-500 ms) fit the budget more reliably than the network (100-2000 ms,"
            " the article): a margin worth a tenth of the cheapest total (analysts' judgment)"),
    }
    for name, (amount, share, why) in worth.items():
        r = rows[name]
        if amount is not None:
            ws.cell(r, cols["amount"], amount)
        if share is not None:
            ws.cell(r, cols["share"], share)
        ws.cell(r, cols["why"], why)
    # the cost row: a note on the options' totals over the horizon, no longer +2 on the monthly bill
    cheaper_col = labels.index("Cheaper at the submitted volume [one of]") + 1  # M
    ws.cell(7, cheaper_col, "CheapestOverTheHorizon")
    ws.cell(8, cheaper_col, "option == Option.$param")
    ws.cell(9, cheaper_col, "Cheapest over the horizon, upfront included [one of]")
    score_col = labels.index("Adds to score [whole number]") + 1
    r = rows["CostJustifiesSelfHosting"]
    ws.cell(r, score_col).value = None
    ws.cell(r, reason_col, "Self-hosting costs the least of the options over the horizon, its upfront"
            " included (cost.options; labour only with engineerMonthlyUsd): a cost justification")
    ws["B3"].value = (
        "Build vs buy vs fine-tune decision matrix. One row per effect: a blocker excludes an option, a"
        " score prefers it, a worth says how much more the reason is worth paying (an amount over the"
        " horizon, a share of the cheapest option's total, or both). Every matching row applies (rows"
        " never depend on their order); an empty cell means no condition. The highest score among"
        " options nothing blocks wins, as long as what it costs above the cheapest option over the"
        " horizon stays within what its reasons are worth; beyond that the cheaper option wins"
        " (rules/decision).")
    wb.save(p)
print("edited")
