package org.llmstrategy.facts;

/** What the data may do; REGULATED data may not leave the organisation's infrastructure. */
public enum DataSensitivity {
  PUBLIC,
  INTERNAL,
  CONFIDENTIAL,
  REGULATED
}
