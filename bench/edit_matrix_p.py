"""Issue 24 (session 9, helper P): the matrix's "What would have to change" cells in words, not
the request's constants (a board reads the conflicts). Re-save through LibreOffice afterwards."""
import openpyxl

PATH = 'rules/deployment/DeploymentMatrix.drl.xlsx'
wb = openpyxl.load_workbook(PATH)
ws = wb.worksheets[0]
CELLS = {'P15': 'Allow weeks or months to reach production',
         'P16': 'Allow months to reach production'}
for cell, text in CELLS.items():
    ws[cell] = text
wb.save(PATH)
print('edited', CELLS)
