package org.llmstrategy.facts;

/**
 * How self-hosted GPUs are paid for: RENT pays every reserved GPU-hour whether busy or not; BUY
 * pays the GPUs upfront and then their electricity.
 */
public enum Hardware {
  RENT,
  BUY
}
