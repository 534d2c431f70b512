package org.llmstrategy.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** Reads what Drools does not tell: the name of the sheet a decision table was read from. */
final class WorkbookSheets {
  private WorkbookSheets() {}

  /** Drools reads only the first worksheet of a decision table. */
  static String firstSheetName(byte[] content) {
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(content))) {
      return wb.getSheetName(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
