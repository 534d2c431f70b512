package org.llmstrategy.records;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code decision.records.*}: operational limits of the decisions on record, with documented
 * defaults (README, "Decisions on record").
 *
 * @param enabled false keeps nothing: no database is opened, no id is given, /decisions answers 404
 * @param retention how long a record is kept (90 days): the sweeper deletes older ones
 * @param sweepEvery how often the sweeper runs (hourly; also once just after start-up)
 * @param writeTimeout how long a request waits for the commit of its record before it is answered
 *     503 (the database did not answer in time)
 * @param maxBatch the most records one commit holds; a commit holds whatever arrived while the
 *     previous one was being written (and, with a commit delay, during that delay)
 * @param commitDelay how long the writer waits for more records before a commit, only when the last
 *     commit held several (see GroupCommit); 0 never waits
 */
@ConfigurationProperties("decision.records")
public record RecordsProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("90d") Duration retention,
    @DefaultValue("1h") Duration sweepEvery,
    @DefaultValue("10s") Duration writeTimeout,
    @DefaultValue("256") int maxBatch,
    @DefaultValue("3ms") Duration commitDelay) {
  public RecordsProperties {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("decision.records.retention must be more than 0");
    }
    if (sweepEvery.isNegative() || sweepEvery.isZero()) {
      throw new IllegalArgumentException("decision.records.sweep-every must be more than 0");
    }
    if (commitDelay.isNegative()) {
      throw new IllegalArgumentException("decision.records.commit-delay must be 0 or more");
    }
    if (maxBatch < 1) {
      throw new IllegalArgumentException("decision.records.max-batch must be 1 or more");
    }
  }
}
