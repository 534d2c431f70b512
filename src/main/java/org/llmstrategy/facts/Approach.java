package org.llmstrategy.facts;

/** The two ways to give a model knowledge it lacks: retrieval at query time, or training. */
public enum Approach {
  RAG,
  FINE_TUNING
}
