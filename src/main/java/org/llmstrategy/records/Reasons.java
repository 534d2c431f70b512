package org.llmstrategy.records;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Why a write failed, in words a client may read (the full message goes to the log only: a
 * database's own message can name tables, users or paths).
 */
final class Reasons {
  private Reasons() {}

  static String of(Throwable e) {
    SQLException sql = sqlCause(e);
    String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
    String message = messages(e).toLowerCase(Locale.ROOT);
    if (state.startsWith("53")
        || message.contains("no space left")
        || message.contains("disk full")
        || message.contains("could not extend")) {
      return "the database is full";
    }
    if (state.startsWith("08")
        || state.startsWith("57P") // the server shut down, or ended the connection
        || state.equals("90013") // H2: database not found
        || state.equals("90146") // H2: not found, and IFEXISTS forbids creating it
        || message.contains("connection is not available")
        || message.contains("connection refused")
        || message.contains("not currently accepting connections")
        || message.contains("database not found")
        || message.contains("does not exist")
        || message.contains("database is already closed")) {
      return "the database cannot be reached";
    }
    if (state.startsWith("25") || message.contains("read-only") || message.contains("read only")) {
      return "the database is read-only";
    }
    return "the database refused the write" + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")");
  }

  private static SQLException sqlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        return s;
      }
    }
    return null;
  }

  private static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(' ').append(t.getMessage());
    }
    return all.toString();
  }
}
