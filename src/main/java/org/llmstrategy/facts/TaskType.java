package org.llmstrategy.facts;

/** What the model mostly does. */
public enum TaskType {
  FACTUAL_QA,
  STYLE_FORMAT,
  DOMAIN_EXPERT
}
