package org.llmstrategy.records;

import java.nio.file.Path;

/** The decisions on record on the default engine: an H2 file. */
class EmbeddedDecisionRecordsTest extends DecisionRecordsContract {
  @Override
  RecordsDatabase database(Path dir) throws Exception {
    return new RecordsDatabase.H2File(dir);
  }

  @Override
  RecordsDatabase fillableDatabase(Path dir) throws Exception {
    return new RecordsDatabase.H2File(dir, true);
  }
}
