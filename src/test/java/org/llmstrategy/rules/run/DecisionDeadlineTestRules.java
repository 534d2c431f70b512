package org.llmstrategy.rules.run;

/** Rules that do not end, shared by the engine's tests and the end-to-end one. */
public final class DecisionDeadlineTestRules {
  private DecisionDeadlineTestRules() {}

  /**
   * A consequence that does not return for any practical purpose, for one volume only, and that the
   * sandbox lets through: one call of exact arithmetic (3 to the power of 500 million), no loop, no
   * recursion.
   */
  public static final String SPIN =
      """
      package decision;

      import org.llmstrategy.facts.*;
      import java.math.BigDecimal;

      rule "SpinsOnOneVolume"
      when
          Criteria(monthlyTokens == 123456789L)
      then
          BigDecimal.valueOf(3).pow(500000000).signum();
      end
      """;
}
