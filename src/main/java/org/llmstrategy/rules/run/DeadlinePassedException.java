package org.llmstrategy.rules.run;

/**
 * A decision still running at its deadline ({@code decision.deadline}): halted between two firings,
 * or, when one rule's consequence itself did not return, given up and its thread stopped.
 */
public class DeadlinePassedException extends DecisionStoppedException {
  DeadlinePassedException(String rulesVersion, long deadlineMillis, FiredRule rule, boolean stuck) {
    super(message(deadlineMillis, rule, stuck), rulesVersion, rule);
  }

  private static String message(long deadlineMillis, FiredRule rule, boolean stuck) {
    String what = "the rules did not decide within the deadline of " + deadlineMillis + " ms";
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
