package org.llmstrategy.rules.run;

/**
 * A run of the rules that went on firing past {@link RuleEngine#MAX_FIRINGS}: a rule that keeps
 * re-activating itself, typically by changing or re-inserting what its own conditions match. The
 * run is stopped instead of holding a request (and one of the engine's turns) forever; the message
 * names the rule that fired most and where it is written.
 */
public class RulesDidNotSettleException extends DecisionStoppedException {
  RulesDidNotSettleException(String rulesVersion, int firings, FiredRule rule, long ruleFirings) {
    super(
        String.format(
            "the rules did not settle after %,d firings: '%s' (%s) fired %,d times; a rule that"
                + " changes or re-inserts what its own conditions match fires again and again",
            firings, rule.rule(), rule.source(), ruleFirings),
        rulesVersion,
        rule);
  }

  /** The rule that fired most often in the stopped run. */
  @Override
  public FiredRule rule() {
    return super.rule();
  }
}
