package org.llmstrategy.rules.reference;

import org.llmstrategy.rules.table.ReferenceTable.Range;

/**
 * A number the rules use that an analyst may change, one row of the constants workbook each: its
 * name there (what the {@code Constant} column's dropdown offers) and the range its value must lie
 * in. Every one is a whole number of at least 1 today.
 */
enum Constant {
  /** How many candidate models an answer lists, cheapest first; the rest are only counted. */
  CANDIDATES_LISTED(Range.atLeast(1)),
  /** How many months ahead the deprecation rules look for candidates that retire. */
  DEPRECATION_HORIZON_MONTHS(Range.atLeast(1));

  final Range range;

  Constant(Range range) {
    this.range = range;
  }
}
