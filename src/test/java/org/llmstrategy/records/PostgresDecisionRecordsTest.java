package org.llmstrategy.records;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same suite on PostgreSQL, the engine replicas share: against the server that {@value
 * RecordsDatabase#URL} (with {@value RecordsDatabase#USER} and {@value RecordsDatabase#PASSWORD})
 * names, each test in a schema of its own. .ci/run installs, starts and names one; elsewhere the
 * suite is skipped, saying so.
 */
class PostgresDecisionRecordsTest extends DecisionRecordsContract {
  @BeforeAll
  static void needsAServer() {
    assumeTrue(
        System.getenv(RecordsDatabase.URL) != null,
        "PostgreSQL tests skipped: no server configured. Set "
            + RecordsDatabase.URL
            + " (e.g. jdbc:postgresql://localhost:5432/decisions), "
            + RecordsDatabase.USER
            + " and "
            + RecordsDatabase.PASSWORD
            + "; .ci/run starts one and sets them.");
  }

  @Override
  RecordsDatabase database(Path dir) throws Exception {
    return new RecordsDatabase.Postgres(
        System.getenv(RecordsDatabase.URL),
        System.getenv(RecordsDatabase.USER),
        System.getenv(RecordsDatabase.PASSWORD));
  }
}
