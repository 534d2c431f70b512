package org.llmstrategy.problems;

/**
 * A request the rules did not bring to a decision in time (a rule that never settles, or a
 * consequence that does not return): stopped, and answered with a 503 naming the rule set, while
 * every other request goes on being answered. Not the client's fault, and not a failure of the
 * service's code: the rule set is faulty, and says so on GET /rules until it is replaced.
 */
public class DecisionNotMadeException extends RuntimeException {
  private final String rulesVersion;

  public DecisionNotMadeException(String rulesVersion) {
    super(null, null, false, false); // no stack trace: this is an answer, not a failure
    this.rulesVersion = rulesVersion;
  }

  /** The rule set that could not decide. */
  public String rulesVersion() {
    return rulesVersion;
  }
}
