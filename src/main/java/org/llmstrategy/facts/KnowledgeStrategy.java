package org.llmstrategy.facts;

/** The knowledge strategy the rules recommend (the article's RAG vs fine-tuning table). */
public enum KnowledgeStrategy {
  RAG,
  FINE_TUNING,
  RAG_AND_FINE_TUNING
}
