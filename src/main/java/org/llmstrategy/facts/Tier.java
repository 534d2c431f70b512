package org.llmstrategy.facts;

/** Usage tiers of the article's cost estimation framework, by monthly token volume. */
public enum Tier {
  LIGHT,
  MEDIUM,
  HEAVY,
  VERY_HEAVY,
  ENTERPRISE
}
