package org.llmstrategy.facts;

/** Relative model quality, in ascending order (the catalog's scale). */
public enum Quality {
  MEDIUM,
  MEDIUM_HIGH,
  HIGH,
  VERY_HIGH
}
