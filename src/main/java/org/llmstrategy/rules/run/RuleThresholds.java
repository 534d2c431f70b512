package org.llmstrategy.rules.run;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The numbers a rule set compares each request property with ({@code latencyBudgetMs < $param} with
 * 100 in its cell gives 100 for latencyBudgetMs): the typed cells of the decision tables' condition
 * columns on the criteria, taken when the tables are read, so flips probe each side of every
 * threshold an analyst wrote without restating any of them.
 *
 * <p>Each number carries the side on which its comparisons change: {@link #BELOW} ({@code >=},
 * {@code <}: between the number less one step and the number), {@link #ABOVE} ({@code <=}, {@code
 * >}: between the number and one step more), or both ({@code ==}, {@code !=}, or comparisons of
 * both kinds with the same number). A number compared on one side only answers as one of its two
 * neighbours, so flips need not try the number itself ({@link #onTheirOwn}).
 */
public final class RuleThresholds {
  /** A rule set with no table comparing a criteria property with a number. */
  public static final RuleThresholds NONE = new RuleThresholds(Map.of());

  /** Comparisons that change between the number less one step and the number. */
  public static final int BELOW = 1;

  /** Comparisons that change between the number and the number plus one step. */
  public static final int ABOVE = 2;

  private static final int BOTH = BELOW | ABOVE;

  private final Map<String, SortedMap<BigDecimal, Integer>> byProperty;

  private RuleThresholds(Map<String, SortedMap<BigDecimal, Integer>> byProperty) {
    this.byProperty = byProperty;
  }

  /** From property → number → side ({@link #BELOW}, {@link #ABOVE} or both); copied. */
  public static RuleThresholds withSides(Map<String, ? extends Map<BigDecimal, Integer>> found) {
    Map<String, SortedMap<BigDecimal, Integer>> copy = new TreeMap<>();
    found.forEach((k, v) -> copy.put(k, Collections.unmodifiableSortedMap(new TreeMap<>(v))));
    return copy.isEmpty() ? NONE : new RuleThresholds(Collections.unmodifiableMap(copy));
  }

  /** Every number the rule set compares {@code property} with, ascending; empty if none. */
  public static SortedSet<BigDecimal> of(RuleSet ruleSet, String property) {
    return ruleSet.thresholds().of(property);
  }

  /** Every number compared with {@code property}, ascending; empty if none. */
  public SortedSet<BigDecimal> of(String property) {
    SortedMap<BigDecimal, Integer> sides = byProperty.get(property);
    return sides == null
        ? Collections.emptySortedSet()
        : Collections.unmodifiableSortedSet(new TreeSet<>(sides.keySet()));
  }

  /**
   * The numbers compared with {@code property} at which a value may answer unlike both of its
   * neighbours one step away: compared with {@code ==} or {@code !=}, or on both sides.
   */
  public SortedSet<BigDecimal> onTheirOwn(String property) {
    SortedSet<BigDecimal> alone = new TreeSet<>();
    byProperty
        .getOrDefault(property, Collections.emptySortedMap())
        .forEach(
            (n, side) -> {
              if (side == BOTH) {
                alone.add(n);
              }
            });
    return alone;
  }

  /** Property → its numbers, ascending by property. */
  public Map<String, SortedSet<BigDecimal>> all() {
    Map<String, SortedSet<BigDecimal>> all = new TreeMap<>();
    byProperty.keySet().forEach(p -> all.put(p, of(p)));
    return Collections.unmodifiableMap(all);
  }

  /** Property → number → side, ascending. */
  public Map<String, SortedMap<BigDecimal, Integer>> sides() {
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
