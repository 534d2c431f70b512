package org.llmstrategy.records;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.llmstrategy.problems.DecisionNotRecordedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: request threads hand their record to one writer thread and wait; the writer takes
 * every record that has arrived (up to {@code maxBatch}), writes them in one transaction, commits,
 * and only then releases their requests. A record that arrives while a commit is being written goes
 * into the next one, which starts as soon as that commit ends. Under load a commit holds several
 * records (one disk write for all); alone, a record is committed at once.
 *
 * <p>The commit delay: when the last commit held more than one record (requests are arriving
 * together), the writer waits up to {@code delay} for more before it commits, as PostgreSQL's
 * {@code commit_delay} with {@code commit_siblings}. A commit's cost is mostly per commit, not per
 * record (H2 rewrites the touched B-tree paths and its chunk metadata each time, PostgreSQL flushes
 * its WAL): on this 2-core machine the store's CPU per record falls from about 260 µs alone to 160
 * µs in twos, 80 µs in fours and eights (BENCHMARKS.md, "Decisions on record"). Under load the
 * commits come to about 2 records without a delay and 4 with 3 ms; a lone client never waits.
 *
 * <p>The queue is not bounded here: each waiting record holds a request thread, so the web server's
 * thread limit bounds it.
 */
final class GroupCommit implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  private final DecisionStore store;
  private final String database;
  private final int maxBatch;
  private final long delayNanos;
  private final Duration timeout;
  private final RecordsHealth health;
  private final io.micrometer.core.instrument.DistributionSummary batches;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closing;
  private int lastCommitSize; // the writer thread's own

  private record Pending(DecisionRecord record, CompletableFuture<Void> committed) {}

  GroupCommit(
      DecisionStore store,
      String database,
      int maxBatch,
      Duration delay,
      Duration timeout,
      RecordsHealth health,
      io.micrometer.core.instrument.MeterRegistry meters) {
    this.batches =
        io.micrometer.core.instrument.DistributionSummary.builder("decision.records.commit.size")
            .description("Decisions on record written by one commit (group commit)")
            .register(meters);
    this.store = store;
    this.database = database;
    this.maxBatch = maxBatch;
    this.delayNanos = delay.toNanos();
    this.timeout = timeout;
    this.health = health;
    this.writer = new Thread(this::writeLoop, "decision-records-writer");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  /**
   * Returns once the record is committed.
   *
   * @throws DecisionNotRecordedException when the database refused it, or did not commit it within
   *     the timeout, naming the database
   */
  void write(DecisionRecord record) {
    if (closing) {
      throw new DecisionNotRecordedException(database, "the service is stopping");
    }
    Pending p = new Pending(record, new CompletableFuture<>());
    queue.add(p);
    try {
      p.committed().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof DecisionNotRecordedException n
          ? n
          : new DecisionNotRecordedException(database, "the write failed");
    } catch (TimeoutException e) {
      health.failed(database + " did not commit within " + timeout.toMillis() + " ms");
      throw new DecisionNotRecordedException(
          database, "it did not commit within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DecisionNotRecordedException(database, "the request was interrupted");
    }
  }

  /** Records handed over and not yet taken into a commit. */
  int queued() {
    return queue.size();
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    List<DecisionRecord> records = new ArrayList<>(maxBatch);
    while (!(closing && queue.isEmpty())) {
      try {
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        // company is likely only when the last commit had some: a lone client never waits
        long wait = lastCommitSize > 1 ? delayNanos : 0;
        long deadline = System.nanoTime() + wait;
        for (long left = wait; batch.size() < maxBatch && left > 0; ) {
          Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
          if (next == null) {
            break;
          }
          batch.add(next);
          queue.drainTo(batch, maxBatch - batch.size());
          left = deadline - System.nanoTime();
        }
        for (Pending p : batch) {
          records.add(p.record());
        }
        commit(batch, records);
        lastCommitSize = records.size();
      } catch (InterruptedException e) {
        closing = true;
      } finally {
        batch.clear();
        records.clear();
      }
    }
  }

  private void commit(List<Pending> batch, List<DecisionRecord> records) {
    try {
      store.insert(records);
      batches.record(records.size());
      health.committed(records.size());
      for (Pending p : batch) {
        p.committed().complete(null);
      }
    } catch (SQLException | RuntimeException e) {
      String reason = Reasons.of(e);
      log.warn(
          "{} decision(s) not recorded in {}: {} ({})",
          records.size(),
          database,
          reason,
          e.toString());
      health.failed(reason);
      DecisionNotRecordedException failure = new DecisionNotRecordedException(database, reason);
      for (Pending p : batch) {
        p.committed().completeExceptionally(failure);
      }
    }
  }

  /** Stops taking records, writes those already handed over, and ends the writer. */
  @Override
  public void close() {
    closing = true;
    try {
      writer.join(timeout.toMillis() + 1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
