package org.llmstrategy.facts;

/** How far the model must be adapted. */
public enum Customization {
  PROMPT_ONLY,
  DOMAIN_ADAPTATION,
  FULL_CONTROL
}
