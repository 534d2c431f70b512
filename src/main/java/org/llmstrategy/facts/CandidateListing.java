package org.llmstrategy.facts;

/**
 * How many candidate models an answer lists (CANDIDATES_LISTED in settings/Constants.drl.xlsx, read
 * as reference data); the rest are only counted.
 */
public record CandidateListing(int size) {
  public CandidateListing {
    if (size < 1) {
      throw new IllegalArgumentException("an answer lists at least one candidate, not " + size);
    }
  }
}
