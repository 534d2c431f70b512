package org.llmstrategy.rules;

import java.util.List;
import java.util.stream.Stream;

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

  /** Every inserted fact of the given type, in insertion order. */
  public <T> Stream<T> facts(Class<T> type) {
    return inserted.stream().map(Inserted::fact).filter(type::isInstance).map(type::cast);
  }

  public <T> Stream<Inserted> insertedOf(Class<T> type) {
    return inserted.stream().filter(i -> type.isInstance(i.fact()));
  }
}
