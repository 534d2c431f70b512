package org.llmstrategy.rules.run;

import java.util.ArrayList;
import java.util.List;

/**
 * What one run of the rules produced: the facts the rules inserted, each with the rule that
 * inserted it, in insertion order, and the rules that fired, in firing order.
 */
public record Evaluation(String rulesVersion, List<Inserted> inserted, List<FiredRule> firedRules) {
  /** A fact, and the rule whose consequence inserted it. */
  public record Inserted(String rule, RuleSource source, Object fact) {}

  public Evaluation {
    inserted = List.copyOf(inserted);
    firedRules = List.copyOf(firedRules);
  }

  /**
   * Every inserted fact of the given type, in insertion order. A loop, not a stream: the answer is
   * read from some 60 facts with several of these per request.
   */
  public <T> List<T> facts(Class<T> type) {
    List<T> found = new ArrayList<>();
    for (Inserted i : inserted) {
      if (type.isInstance(i.fact())) {
        found.add(type.cast(i.fact()));
      }
    }
    return found;
  }

  /** The first inserted fact of the given type, or null. */
  public <T> T first(Class<T> type) {
    for (Inserted i : inserted) {
      if (type.isInstance(i.fact())) {
        return type.cast(i.fact());
      }
    }
    return null;
  }
}
