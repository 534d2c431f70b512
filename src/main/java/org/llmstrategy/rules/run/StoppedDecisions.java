package org.llmstrategy.rules.run;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The live decisions one rule set did not bring to an end ({@link DecisionStoppedException}): how
 * many, and the last few with the rule each names. A rule set with any is faulty: GET /rules and
 * health say so until another rule set replaces it. Owned by its rule set, so a replacement starts
 * with none.
 */
public final class StoppedDecisions {
  /** How many of the last stopped decisions are kept to show. */
  static final int KEPT = 10;

  private final Deque<Stopped> last = new ArrayDeque<>();
  private long count;

  /** One stopped decision: when, the rule to look at (null when unknown), and why, in words. */
  public record Stopped(Instant at, FiredRule rule, String reason) {}

  /** What GET /rules and health show: the count and the last ones, newest first. */
  public record Summary(long count, List<Stopped> last) {
    public Summary {
      last = List.copyOf(last);
    }
  }

  synchronized void add(DecisionStoppedException e) {
    count++;
    last.addFirst(new Stopped(Instant.now(), e.rule(), e.getMessage()));
    while (last.size() > KEPT) {
      last.removeLast();
    }
  }

  public synchronized Summary summary() {
    return new Summary(count, List.copyOf(last));
  }

  /** True once any live decision of the rule set had to be stopped. */
  public synchronized boolean any() {
    return count > 0;
  }
}
