package org.llmstrategy.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The table {@code decision_record} (db/migration), in SQL that H2 and PostgreSQL both run as
 * written: no dialect, no ORM. Writes come only from {@link GroupCommit}'s one thread, in batches.
 */
final class DecisionStore {
  private static final String INSERT =
      "INSERT INTO decision_record (id, decided_at, rules_version, rules_commit, recommendation,"
          + " explain, request, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String COLUMNS =
      "id, decided_at, rules_version, rules_commit, recommendation, explain";

  /** The filter value of GET /decisions for the decisions where nothing was feasible. */
  static final String INFEASIBLE = "INFEASIBLE";

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;

  DecisionStore(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Writes the records in one transaction: all are committed when this returns, or none. */
  void insert(List<DecisionRecord> records) throws SQLException {
    Connection failed = null;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement(INSERT)) {
        for (DecisionRecord r : records) {
          s.setObject(1, r.id());
          s.setObject(2, OffsetDateTime.ofInstant(r.decidedAt(), ZoneOffset.UTC));
          s.setString(3, r.rulesVersion());
          s.setString(4, r.commit());
          s.setString(5, r.recommendation());
          s.setString(6, r.explain());
          s.setBytes(7, r.request());
          s.setBytes(8, r.answer());
          s.addBatch();
        }
        s.executeBatch();
        c.commit();
        c.setAutoCommit(true);
      } catch (SQLException | RuntimeException e) {
        // nothing more is asked of it (the pool resets it): a second error would hide this one
        rollbackQuietly(c, e);
        failed = c;
        throw e;
      }
    } finally {
      if (failed != null) {
        evict(failed); // once returned: evicting a borrowed one closes it under our feet
      }
    }
  }

  /**
   * A connection that failed a write leaves the pool at once, so the first write after the database
   * is back does not fail on it again. Whether it is dead cannot be asked: after its disk was full,
   * H2 closes the database and answers every statement on an old connection "The database has been
   * closed" while {@code isValid} still says true; a new connection opens the database afresh.
   */
  private void evict(Connection c) {
    try {
      if (dataSource.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)) {
        dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).evictConnection(c);
      }
    } catch (SQLException | RuntimeException ignored) {
      // the pool validates connections on its own too
    }
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException again) {
      cause.addSuppressed(again);
    }
  }

  Optional<DecisionRecord> find(UUID id) {
    return jdbc
        .query(
            "SELECT " + COLUMNS + ", request, answer FROM decision_record WHERE id = ?",
            (rs, n) ->
                new DecisionRecord(
                    rs.getObject("id", UUID.class),
                    instant(rs),
                    rs.getString("rules_version"),
                    rs.getString("rules_commit"),
                    rs.getString("recommendation"),
                    rs.getString("explain"),
                    rs.getBytes("request"),
                    rs.getBytes("answer")),
            id)
        .stream()
        .findFirst();
  }

  /** One page of the decisions within [from, to), newest first, and how many there are in all. */
  DecisionPage page(Instant from, Instant to, String recommendation, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (from != null) {
      where.append(" AND decided_at >= ?");
      args.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
    }
    if (to != null) {
      where.append(" AND decided_at < ?");
      args.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
    }
    if (INFEASIBLE.equals(recommendation)) {
      where.append(" AND recommendation IS NULL");
    } else if (recommendation != null) {
      where.append(" AND recommendation = ?");
      args.add(recommendation);
    }
    Long total =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM decision_record" + where, Long.class, args.toArray());
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(size);
    pageArgs.add((long) page * size);
    List<DecisionPage.Summary> decisions =
        jdbc.query(
            "SELECT "
                + COLUMNS
                + " FROM decision_record"
                + where
                + " ORDER BY decided_at DESC, id DESC LIMIT ? OFFSET ?",
            SUMMARY,
            pageArgs.toArray());
    return new DecisionPage(decisions, page, size, total == null ? 0 : total);
  }

  private static final RowMapper<DecisionPage.Summary> SUMMARY =
      (rs, n) ->
          new DecisionPage.Summary(
              rs.getObject("id", UUID.class).toString(),
              instant(rs),
              rs.getString("rules_version"),
              rs.getString("recommendation"));

  /** The requests of the last {@code n} decisions, oldest first. */
  List<byte[]> lastRequests(int n) {
    List<byte[]> newestFirst =
        jdbc.query(
            "SELECT request FROM decision_record ORDER BY decided_at DESC, id DESC LIMIT ?",
            (rs, i) -> rs.getBytes(1),
            n);
    List<byte[]> oldestFirst = new ArrayList<>(newestFirst);
    java.util.Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  /** Deletes the decisions made before {@code cutoff}; returns how many. */
  int deleteBefore(Instant cutoff) {
    return jdbc.update(
        "DELETE FROM decision_record WHERE decided_at < ?",
        OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
  }

  /** Whether the database answers at all (health, after a failed write). */
  boolean reachable() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static Instant instant(ResultSet rs) throws SQLException {
    return rs.getObject("decided_at", OffsetDateTime.class).toInstant();
  }
}
