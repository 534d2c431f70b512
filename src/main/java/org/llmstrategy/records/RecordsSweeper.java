package org.llmstrategy.records;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the records within {@code decision.records.retention}: deletes older decisions once just
 * after start-up and then every {@code decision.records.sweep-every}, on a thread of its own (never
 * on a request). Every replica sweeps; deleting what another already deleted deletes nothing.
 */
final class RecordsSweeper implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RecordsSweeper.class);

  private final DecisionStore store;
  private final Duration retention;
  private final Clock clock;
  private final ScheduledExecutorService timer;

  RecordsSweeper(DecisionStore store, Duration retention, Duration every, Clock clock) {
    this.store = store;
    this.retention = retention;
    this.clock = clock;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "decision-records-sweeper");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        this::sweepQuietly,
        Math.min(60_000, every.toMillis()),
        every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Deletes the decisions older than the retention; returns how many. */
  int sweep() {
    int deleted = store.deleteBefore(clock.instant().minus(retention));
    if (deleted > 0) {
      log.info("Deleted {} decision(s) on record older than {}", deleted, retention);
    }
    return deleted;
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      log.warn("Could not delete old decisions on record; will try again: {}", e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
