package org.llmstrategy.rules.run;

import java.util.List;

/**
 * Where a rule is written: the file under the rules folder and, for a workbook, the sheet and the
 * 1-based row of the spreadsheet that generated it. {@code criteriaFields} names the submitted
 * criteria the rule's conditions test, so an answer can say which constraints excluded an option.
 */
public record RuleSource(String file, String sheet, Integer row, List<String> criteriaFields) {
  public RuleSource {
    criteriaFields = List.copyOf(criteriaFields);
  }

  public static RuleSource ofDrl(String file) {
    return new RuleSource(file, null, null, List.of());
  }

  @Override
  public String toString() {
    return sheet == null ? file : file + "!" + sheet + "!" + row;
  }
}
