package org.llmstrategy.facts;

import java.util.List;
import java.util.Objects;

/**
 * One request field and whether an organisation can change it to reach an option, and which way
 * helps it (a row of settings/Levers.drl.xlsx, read as data): more budget, engineers, examples,
 * time, latency budget or horizon are levers; asking for less adaptation is one, asking for more is
 * not; the volume and the data's sensitivity are circumstances. What it would take
 * (deployment.whatItWouldTake) proposes only levers, each in the way that improves; a field without
 * a row is no lever.
 *
 * @param field the request field, one of {@link #FIELDS}
 * @param improves which way of the field an organisation can move it to its own good
 * @param source why, in words (the article, an issue, the analysts' reasoning)
 */
public record Lever(String field, Improves improves, String source) {
  /**
   * The request fields what it would take tries values of (the flips' candidates, and the months at
   * which one option's total overtakes another's for the horizon), in the order it tries them; the
   * levers workbook's rows each name one of them.
   */
  public static final List<String> FIELDS =
      List.of(
          "upfrontBudgetUsd",
          "mlEngineers",
          "infraEngineers",
          "timeToProduction",
          "labeledExamples",
          "latencyBudgetMs",
          "horizonMonths",
          "customization",
          "ragMeetsQualityBar",
          "dataSensitivity",
          "monthlyTokens");

  /**
   * Which way of a field an organisation can move it: towards larger values (a number; an enum's
   * later constants, as the contract lists them), towards smaller ones, or neither.
   */
  public enum Improves {
    MORE,
    LESS,
    NOT_A_LEVER
  }

  public Lever {
    Objects.requireNonNull(field);
    Objects.requireNonNull(improves);
  }

  /** How {@code field} improves among {@code levers}; NOT_A_LEVER when no row names it. */
  public static Improves of(List<Lever> levers, String field) {
    for (Lever l : levers) {
      if (l.field().equals(field)) {
        return l.improves();
      }
    }
    return Improves.NOT_A_LEVER;
  }
}
