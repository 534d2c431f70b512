package org.llmstrategy.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.llmstrategy.facts.Criteria;

/**
 * The last requests the service answered, kept in memory only (never written anywhere) so a
 * candidate rule set can be replayed over real traffic before it goes live. A fixed ring: recording
 * is one atomic increment and one store, so the request path does not notice it; a size of 0 keeps
 * nothing.
 */
public final class RecentRequests implements RecentTraffic {
  private final AtomicReferenceArray<Criteria> ring;
  private final AtomicLong written = new AtomicLong();

  public RecentRequests(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("decision.recent-requests must be 0 or more");
    }
    this.ring = new AtomicReferenceArray<>(size);
  }

  /** Keeps the criteria of an answered request; the rules only read criteria, so no copy. */
  void record(Criteria criteria) {
    if (ring.length() > 0) {
      ring.set((int) (written.getAndIncrement() % ring.length()), criteria);
    }
  }

  @Override
  public List<Criteria> recent() {
    return snapshot();
  }

  /** What is kept now, oldest first. */
  public List<Criteria> snapshot() {
    long end = written.get();
    long start = Math.max(0, end - ring.length());
    List<Criteria> kept = new ArrayList<>();
    for (long i = start; i < end; i++) {
      Criteria c = ring.get((int) (i % ring.length()));
      if (c != null) {
        kept.add(c);
      }
    }
    return kept;
  }

  public int capacity() {
    return ring.length();
  }
}
