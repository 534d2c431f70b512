package org.llmstrategy.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The group commit's batching, on a real (in-memory) H2 database with the migrations: the commit
 * delay makes commits bigger only when records arrive together, and never holds a lone one.
 */
class GroupCommitTest {
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final GatedDataSource dataSource = new GatedDataSource();
  private GroupCommit writer;

  @AfterEach
  void close() {
    dataSource.open.countDown();
    if (writer != null) {
      writer.close();
    }
  }

  private GroupCommit writer(int maxBatch, Duration delay, Duration timeout) {
    Flyway.configure().dataSource(dataSource.h2).load().migrate();
    writer =
        new GroupCommit(
            new DecisionStore(dataSource),
            "the test database",
            maxBatch,
            delay,
            timeout,
            new RecordsHealth("the test database", Clock.systemUTC()),
            meters);
    return writer;
  }

  private DistributionSummary commits() {
    return meters.get("decision.records.commit.size").summary();
  }

  private static DecisionRecord record() {
    return new DecisionRecord(
        UUID.randomUUID(),
        Instant.now(),
        "v1",
        null,
        "API",
        null,
        "{}".getBytes(),
        "{\"answer\":1}".getBytes());
  }

  private CompletableFuture<Void> writeAsync(GroupCommit w) {
    return CompletableFuture.runAsync(() -> w.write(record()));
  }

  @Test
  void aLoneClientNeverWaitsForCompany() {
    // a delay far beyond the write timeout: a lone record that waited for company would time out
    GroupCommit w = writer(256, Duration.ofSeconds(60), Duration.ofSeconds(5));
    dataSource.open.countDown();
    for (int i = 0; i < 3; i++) {
      w.write(record());
    }
    assertThat(commits().count()).isEqualTo(3);
  }

  @Test
  void recordsArrivingTogetherWaitForMoreAndShareACommit() throws Exception {
    GroupCommit w = writer(2, Duration.ofSeconds(60), Duration.ofSeconds(120));
    // the first commit is held at the database while two more records queue behind it
    CompletableFuture<Void> first = writeAsync(w);
    assertThat(dataSource.asked.await(30, TimeUnit.SECONDS)).isTrue();
    List<CompletableFuture<Void>> queued = List.of(writeAsync(w), writeAsync(w));
    awaitQueued(w, 2);
    dataSource.open.countDown();
    first.get(30, TimeUnit.SECONDS);
    CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    assertThat(commits().count()).as("one commit, then the two that queued, together").isEqualTo(2);

    // the last commit held two: the next record waits for company instead of committing alone
    CompletableFuture<Void> fourth = writeAsync(w);
    Thread.sleep(500);
    assertThat(fourth).as("held for company").isNotDone();
    CompletableFuture<Void> fifth = writeAsync(w);
    CompletableFuture.allOf(fourth, fifth).get(30, TimeUnit.SECONDS);
    assertThat(commits().count()).isEqualTo(3);
    assertThat(commits().totalAmount()).isEqualTo(5);
  }

  private static void awaitQueued(GroupCommit w, int n) throws InterruptedException {
    while (w.queued() < n) {
      Thread.sleep(10);
    }
  }

  /** H2 in memory; the writer's first connection is held until {@link #open} opens. */
  static final class GatedDataSource implements DataSource {
    final JdbcDataSource h2 = new JdbcDataSource();
    final CountDownLatch asked = new CountDownLatch(1);
    final CountDownLatch open = new CountDownLatch(1);

    GatedDataSource() {
      h2.setURL("jdbc:h2:mem:group-commit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Override
    public Connection getConnection() throws SQLException {
      asked.countDown();
      try {
        if (!open.await(60, TimeUnit.SECONDS)) {
          throw new SQLException("the test never opened the gate");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException(e);
      }
      return h2.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
