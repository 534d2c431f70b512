package org.llmstrategy.rules;

/**
 * One reason a rule set was refused, located as precisely as can be known: the file, and for a
 * workbook the sheet and the cell (e.g. {@code A12}). Printed as {@code FILE!SHEET!CELL: message},
 * the way a spreadsheet names a cell.
 */
public record RuleProblem(String file, String sheet, String cell, String message) {
  public static RuleProblem inFile(String file, String message) {
    return new RuleProblem(file, null, null, message);
  }

  public String location() {
    StringBuilder at = new StringBuilder(file);
    if (sheet != null) {
      at.append('!').append(sheet);
    }
    if (cell != null) {
      at.append('!').append(cell);
    }
    return at.toString();
  }

  @Override
  public String toString() {
    return location() + ": " + message;
  }
}
