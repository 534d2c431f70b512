package org.llmstrategy.rules.run;

/**
 * A decision the rules did not bring to an end, stopped so that its request is answered (a 503) and
 * the service goes on answering others. Says which rule set, and the rule that was firing or fired
 * most, where it is written; a live one is also kept on its rule set ({@link
 * RuleSet#stoppedDecisions()}), for GET /rules and health.
 */
public abstract class DecisionStoppedException extends RuntimeException {
  private final String rulesVersion;
  private final FiredRule rule;

  DecisionStoppedException(String message, String rulesVersion, FiredRule rule) {
    super(message);
    this.rulesVersion = rulesVersion;
    this.rule = rule;
  }

  /** The rule set that could not decide. */
  public String rulesVersion() {
    return rulesVersion;
  }

  /** The rule to look at (the one firing when stopped, or that fired most); null when unknown. */
  public FiredRule rule() {
    return rule;
  }
}
