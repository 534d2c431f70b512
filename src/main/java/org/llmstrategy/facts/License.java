package org.llmstrategy.facts;

/** How a model may be used: open source, open weights, or only through its provider. */
public enum License {
  OPEN,
  OPEN_WEIGHT,
  CLOSED
}
