package org.llmstrategy.rules.run;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The numbers a rule set compares each request property with ({@code latencyBudgetMs < $param} with
 * 100 in its cell gives 100 for latencyBudgetMs): the typed cells of the decision tables' condition
 * columns on the criteria, taken when the tables are read, so flips probe each side of every
 * threshold an analyst wrote without restating any of them.
 */
public final class RuleThresholds {
  /** A rule set with no table comparing a criteria property with a number. */
  public static final RuleThresholds NONE = new RuleThresholds(Map.of());

  private final Map<String, SortedSet<BigDecimal>> byProperty;

  private RuleThresholds(Map<String, SortedSet<BigDecimal>> byProperty) {
    this.byProperty = byProperty;
  }

  /** From property → numbers; copied. */
  public static RuleThresholds of(Map<String, ? extends java.util.Collection<BigDecimal>> found) {
    Map<String, SortedSet<BigDecimal>> copy = new TreeMap<>();
    found.forEach((k, v) -> copy.put(k, Collections.unmodifiableSortedSet(new TreeSet<>(v))));
    return copy.isEmpty() ? NONE : new RuleThresholds(Collections.unmodifiableMap(copy));
  }

  /** Every number the rule set compares {@code property} with, ascending; empty if none. */
  public static SortedSet<BigDecimal> of(RuleSet ruleSet, String property) {
    return ruleSet.thresholds().of(property);
  }

  /** Every number compared with {@code property}, ascending; empty if none. */
  public SortedSet<BigDecimal> of(String property) {
    return byProperty.getOrDefault(property, Collections.emptySortedSet());
  }

  /** Property → its numbers, ascending by property. */
  public Map<String, SortedSet<BigDecimal>> all() {
    return byProperty;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuleThresholds t && t.byProperty.equals(byProperty);
  }

  @Override
  public int hashCode() {
    return byProperty.hashCode();
  }

  @Override
  public String toString() {
    return "RuleThresholds" + byProperty;
  }
}
