package org.llmstrategy.facts;

/** The three deployment options of the article's decision matrix: buy, fine-tune, build. */
public enum Option {
  API,
  FINE_TUNE,
  SELF_HOST
}
