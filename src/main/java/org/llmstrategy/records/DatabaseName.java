package org.llmstrategy.records;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The records' database in words for a 503, the health and the log: its engine and where it is,
 * never its credentials ({@code PostgreSQL at db.example:5432/decisions}, {@code the embedded
 * database ./data/decisions}).
 */
final class DatabaseName {
  private static final Pattern POSTGRES =
      Pattern.compile("jdbc:postgresql://([^/?;]*)/?([^?;]*).*", Pattern.CASE_INSENSITIVE);
  private static final Pattern H2_FILE =
      // after H2's file-system prefixes (file:, nio:, split: …), not a drive letter (C:/data)
      Pattern.compile("jdbc:h2:(?:[a-z]{2,}:)*([^;:][^;]*).*", Pattern.CASE_INSENSITIVE);
  private static final Pattern H2_MEM = Pattern.compile("jdbc:h2:mem:.*", Pattern.CASE_INSENSITIVE);

  private DatabaseName() {}

  static String of(String url) {
    if (url == null || url.isBlank()) {
      return "the records' database";
    }
    Matcher m = POSTGRES.matcher(url);
    if (m.matches()) {
      String host = withoutCredentials(m.group(1));
      return "PostgreSQL at " + host + (m.group(2).isEmpty() ? "" : "/" + m.group(2));
    }
    if (H2_MEM.matcher(url).matches()) {
      return "the embedded in-memory database";
    }
    m = H2_FILE.matcher(url);
    if (m.matches()) {
      return "the embedded database " + m.group(1);
    }
    int colon = url.indexOf(':', "jdbc:".length());
    return "the database "
        + (url.startsWith("jdbc:") && colon > 0 ? url.substring(5, colon) : "configured");
  }

  private static String withoutCredentials(String authority) {
    int at = authority.lastIndexOf('@');
    return at < 0 ? authority : authority.substring(at + 1);
  }
}
