package org.llmstrategy.rules.live;

import java.time.Instant;

/**
 * The commit a rule set was read from, when its source is a Git repository: what GET /rules, the
 * history and the metrics name, so that replicas can be compared at a glance.
 *
 * @param id the full commit id
 * @param authorTime when its author made it
 * @param author the author's name
 * @param message its first line
 */
public record RulesCommit(String id, Instant authorTime, String author, String message) {
  /** The first 12 digits, as {@code git log --abbrev=12} shows it. */
  public String shortId() {
    return id.substring(0, Math.min(12, id.length()));
  }
}
