package org.llmstrategy.rules.run;

/**
 * A decision still running at its deadline ({@code decision.deadline}): halted between two firings,
 * or, when one rule's consequence itself did not return, given up and its thread stopped.
 */
public class DeadlinePassedException extends DecisionStoppedException {
  DeadlinePassedException(
      String rulesVersion,
      long deadlineMillis,
      FiredRule rule,
      boolean stuck,
      long usedNanos,
      long clockNanos) {
    super(message(deadlineMillis, rule, stuck, usedNanos, clockNanos), rulesVersion, rule);
  }

  /**
   * Says which limit it passed: computing for the deadline, or waiting for a processor 25 times as
   * long by the clock (a loaded machine), so the log tells a faulty rule from a busy machine.
   */
  private static String message(
      long deadlineMillis, FiredRule rule, boolean stuck, long usedNanos, long clockNanos) {
    String what =
        String.format(
            "the rules did not decide within the deadline of %d ms (%d ms of computing, %d ms by"
                + " the clock)",
            deadlineMillis, usedNanos / 1_000_000, clockNanos / 1_000_000);
    if (rule == null) {
      return what;
    }
    return what
        + (stuck
            ? String.format(
                ": the consequence of '%s' (%s) did not return", rule.rule(), rule.source())
            : String.format(": '%s' (%s) fired last", rule.rule(), rule.source()));
  }
}
