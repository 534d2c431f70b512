package org.llmstrategy.workbook;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.llmstrategy.recommend.Recommendation;
import org.llmstrategy.recommend.request.CriteriaRequest;

/**
 * A scenario sheet laid out for people: the header row (request fields by their JSON names, then
 * {@code expect <response path>} columns) frozen with the name column, wrapped, and a dropdown on
 * every column whose request field or expected answer is an enum.
 */
final class ScenarioSheet {
  private static final String EXPECT = "expect ";
  private static final String NO_VALUE = "null";

  static final String HOW_TO_EDIT_TEXT =
      "How to edit: one row is one scenario, checked before any rule set goes live. Name it in"
          + " this column; fill the request fields it sends (an empty cell is not sent) and the"
          + " answers it expects in the 'expect' columns (null: no value). Dropdowns offer the"
          + " allowed values. Then run: java -jar llm-strategy-decision.jar validate rules";

  private final XSSFSheet sheet;
  private final SheetLook look;

  ScenarioSheet(XSSFSheet sheet) {
    this.sheet = sheet;
    this.look = new SheetLook(sheet);
  }

  String layOut() {
    Row header = sheet.getRow(0);
    int lastCol = header.getLastCellNum() - 1;
    int last = 0;
    while (last + 1 <= sheet.getLastRowNum() && !look.cellText(last + 1, 0).isBlank()) {
      last++;
    }
    look.fitColumns(0, 1, last, 0, lastCol);
    look.wrapRow(0, lastCol, true);
    for (int r = 1; r <= last; r++) {
      look.wrapRow(r, lastCol, false);
    }
    look.clearDropdowns();
    int dropdowns = 0;
    for (int col = 0; col <= lastCol; col++) {
      String heading = look.cellText(0, col).strip();
      ColumnValues values = valuesOf(heading);
      look.dropdown(col, 1, last + SheetLook.ROWS_FOR_NEW_ENTRIES, values, heading);
      dropdowns += values.kind() == ColumnValues.Kind.FREE ? 0 : 1;
    }
    noteOn(header.getCell(0));
    look.printOnePageWide(0);
    sheet.createFreezePane(1, 1);
    return String.format(
        "scenarios, %d rows, %d columns, %d dropdowns", last, lastCol + 1, dropdowns);
  }

  /** A request field's enum, or the enum an expected answer path ends in (which may be null). */
  static ColumnValues valuesOf(String heading) {
    if (heading.startsWith(EXPECT)) {
      Class<?> type = typeAt(Recommendation.class, heading.substring(EXPECT.length()).strip());
      return ColumnValues.oneOf(type, NO_VALUE);
    }
    return ColumnValues.oneOf(typeAt(CriteriaRequest.class, heading));
  }

  /** The type a dotted path ({@code deployment.options[2].score}) reaches in the records. */
  private static Class<?> typeAt(Class<?> root, String path) {
    Class<?> type = root;
    for (String part : path.split("\\.")) {
      String name = part.replaceAll("\\[.*]$", "");
      Type found = null;
      for (RecordComponent c :
          type.isRecord() ? type.getRecordComponents() : new RecordComponent[0]) {
        if (c.getName().equals(name)) {
          found = c.getGenericType();
        }
      }
      if (found instanceof ParameterizedType list && part.endsWith("]")) {
        found = list.getActualTypeArguments()[0];
      }
      if (!(found instanceof Class<?> next)) {
        return null;
      }
      type = next;
    }
    return type;
  }

  private void noteOn(Cell cell) {
    if (cell == null || cell.getCellComment() != null) {
      return;
    }
    var factory = sheet.getWorkbook().getCreationHelper();
    var anchor = factory.createClientAnchor();
    anchor.setCol1(1);
    anchor.setCol2(5);
    anchor.setRow1(1);
    anchor.setRow2(7);
    Comment comment = sheet.createDrawingPatriarch().createCellComment(anchor);
    comment.setString(factory.createRichTextString(HOW_TO_EDIT_TEXT));
    comment.setAuthor("llm-strategy-decision");
    cell.setCellComment(comment);
  }
}
