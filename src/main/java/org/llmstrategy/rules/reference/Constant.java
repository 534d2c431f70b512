package org.llmstrategy.rules.reference;

import org.llmstrategy.rules.table.ReferenceTable.Range;

/**
 * A number the rules use that an analyst may change, one row of the constants workbook each: its
 * name there (what the {@code Constant} column's dropdown offers), the range its value must lie in,
 * and whether it counts (a whole number) or measures (a decimal).
 */
enum Constant {
  /** How many candidate models an answer lists, cheapest first; the rest are only counted. */
  CANDIDATES_LISTED(Range.atLeast(1), true),
  /** How many months ahead the deprecation rules look for candidates that retire. */
  DEPRECATION_HORIZON_MONTHS(Range.atLeast(1), true),
  /** Hours a month self-hosted GPUs are reserved and serve when the request does not say. */
  SERVING_HOURS_PER_MONTH(Range.between("1", "744"), false),
  /** Share of the serving hours self-hosted GPUs are busy when the request does not say. */
  UTILISATION(Range.between("0.01", "1"), false),
  /** Electricity for bought GPUs, USD per kWh, when the request does not say. */
  ELECTRICITY_USD_PER_KWH(Range.between("0", "10"), false),
  /** GPUs one engineer runs: a fleet beyond the minimum team's share needs more engineers. */
  GPUS_PER_ENGINEER(Range.atLeast(1), true),
  /** Share a rented setup's bill runs above its GPU rent (egress, storage, networking). */
  RENTED_BILL_ABOVE_GPU_RENT(Range.between("0", "10"), false),
  /**
   * Months over which the options' totals are compared when the request sends no horizon: upfront
   * and labour count against a monthly saving in every answer.
   */
  DEFAULT_HORIZON_MONTHS(Range.between("1", "120"), true);

  final Range range;
  final boolean whole;

  Constant(Range range, boolean whole) {
    this.range = range;
    this.whole = whole;
  }
}
