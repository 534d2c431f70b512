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

  /**
   * A failure nobody foresaw, in the same words wherever the pipeline runs (start-up, reload,
   * {@code validate}); the exception itself goes to the log only.
   *
   * @param working what the pipeline was doing, e.g. "compiling the rule files"
   */
  public static RuleProblem unexpected(String working) {
    return inFile(
        ".",
        "the rules could not be checked: something went wrong while "
            + working
            + " that the service does not explain yet (the service log has the details)");
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
