package org.llmstrategy.rules.run;

/** Rules that do not end, shared by the engine's tests and the end-to-end one. */
public final class DecisionDeadlineTestRules {
  private DecisionDeadlineTestRules() {}

  /**
   * A consequence that does not return for any practical purpose, for one volume only: some 2^62
   * calls and no loop (the bytecode check of issue 22 refuses loops in consequences; recursion it
   * cannot tell from ordinary calls).
   */
  public static final String SPIN =
      """
      package decision;

      import org.llmstrategy.facts.*;

      function long calls(long depth) {
          return depth == 0 ? 1 : calls(depth - 1) + calls(depth - 1);
      }

      rule "SpinsOnOneVolume"
      when
          Criteria(monthlyTokens == 123456789L)
      then
          Math.max(0L, calls(62));
      end
      """;
}
