package org.llmstrategy;

/** Rules an analyst might date, for tests of the day a decision is made on. */
public final class DatedRules {
  /** A DRL file for {@code decision/}: the API contract ends at the end of 2026. */
  public static final String API_CONTRACT_ENDS_IN_2027 =
      """
      package decision;
      import org.llmstrategy.facts.*;
      rule "TheApiContractEndsAtTheEndOf2026"
      when
          Today(date.getYear() >= 2027)
      then
          insert(new Blocker(Option.API, "The API contract ends on 2027-01-01"));
      end
      """;

  private DatedRules() {}
}
