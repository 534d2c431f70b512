package org.llmstrategy.facts;

/** How often the underlying knowledge changes. */
public enum KnowledgeUpdates {
  STATIC,
  PERIODIC,
  REAL_TIME
}
