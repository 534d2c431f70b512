package org.llmstrategy.records;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the decisions on record ({@code decisionRecords} under /actuator/health): DOWN from a
 * failed write (the database down, full, read-only or too slow) until a write succeeds again, or,
 * with no traffic to show it, until the database answers again; the details name the database and
 * why. DOWN is meant: a replica that cannot keep records answers every decision with a 503.
 */
final class RecordsHealth implements HealthIndicator {
  private final String database;
  private final Clock clock;
  private final AtomicLong committed = new AtomicLong();
  private volatile DecisionStore store;
  private volatile Failure failure;

  private record Failure(String reason, Instant since) {}

  RecordsHealth(String database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  String database() {
    return database;
  }

  void watch(DecisionStore store) {
    this.store = store;
  }

  void committed(int records) {
    committed.addAndGet(records);
    failure = null;
  }

  void failed(String reason) {
    Failure f = failure;
    failure = new Failure(reason, f == null ? clock.instant() : f.since());
  }

  @Override
  public Health health() {
    Failure f = failure;
    if (f != null
        && f.reason().contains("cannot be reached")
        && store != null
        && store.reachable()) {
      failure = null; // back: the next write will tell whether it also takes records
      f = null;
    }
    Health.Builder h = f == null ? Health.up() : Health.down();
    h.withDetail("database", database).withDetail("recordsWritten", committed.get());
    if (f != null) {
      h.withDetail("error", "decisions cannot be recorded: " + f.reason())
          .withDetail("since", f.since());
    }
    return h.build();
  }
}
