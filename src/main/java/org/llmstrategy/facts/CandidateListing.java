package org.llmstrategy.facts;

/** How many candidate models an answer lists (the rules say; the rest are only counted). */
public record CandidateListing(int size) {
  public CandidateListing {
    if (size < 1) {
      throw new IllegalArgumentException("an answer lists at least one candidate, not " + size);
    }
  }
}
