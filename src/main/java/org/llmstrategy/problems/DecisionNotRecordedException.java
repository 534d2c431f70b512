package org.llmstrategy.problems;

/**
 * A decision that was made but could not be kept on record (the database is down, full or refused
 * the write, or did not commit in time): the client gets a 503 naming the database, never an answer
 * without its record.
 */
public class DecisionNotRecordedException extends RuntimeException {
  private final String database;
  private final String reason;

  public DecisionNotRecordedException(String database, String reason) {
    super(database + ": " + reason, null, false, false); // an answer, not a failure of our code
    this.database = database;
    this.reason = reason;
  }

  /** The database, named without credentials (e.g. "PostgreSQL at db:5432/decisions"). */
  public String database() {
    return database;
  }

  /** What went wrong, in words (cannot be reached, is full, refused the write …). */
  public String reason() {
    return reason;
  }
}
