package org.llmstrategy.scenarios;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.llmstrategy.recommend.request.RequestFields;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.table.CellReading;
import org.llmstrategy.rules.table.ColumnType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a scenario workbook (format in the contract): the first sheet, a header row with {@code
 * name}, one column per request field (header = JSON field name, empty cell = not sent), {@code
 * expect <response path>} columns and an optional {@code decided on} date (empty: the service's
 * day); one scenario per following row.
 */
final class ScenarioWorkbook {
  static final String NAME = "name";
  static final String EXPECT = "expect ";

  /** The column of the day a scenario is decided on (not a request field): empty is today. */
  static final String DECIDED_ON = "decided on";

  private static final ColumnType DATE = ColumnType.of(ColumnType.Kind.DATE);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ScenarioWorkbook() {}

  /** The scenarios, or the problems that make the workbook unreadable, each located. */
  static List<Scenario> read(RuleFile file, List<RuleProblem> problems) {
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
      Sheet sheet = wb.getSheetAt(0);
      String sheetName = sheet.getSheetName();
      Row header = sheet.getRow(sheet.getFirstRowNum());
      if (header == null) {
        problems.add(new RuleProblem(file.path(), sheetName, "A1", "has no header row"));
        return List.of();
      }
      DataFormatter fmt = new DataFormatter(Locale.ROOT);
      Map<Integer, String> columns = new HashMap<>();
      int nameColumn = -1;
      for (Cell c : header) {
        String title = fmt.formatCellValue(c).strip();
        if (!title.isEmpty()) {
          columns.put(c.getColumnIndex(), title);
          if (title.equals(NAME)) {
            nameColumn = c.getColumnIndex();
          }
        }
      }
      if (nameColumn < 0) {
        problems.add(
            new RuleProblem(
                file.path(), sheetName, header.getRowNum() + 1 + "", "needs a 'name' column"));
        return List.of();
      }
      List<Scenario> scenarios = new ArrayList<>();
      for (Row row : sheet) {
        if (row.getRowNum() <= header.getRowNum()) {
          continue;
        }
        Cell nameCell = row.getCell(nameColumn);
        String name = nameCell == null ? "" : fmt.formatCellValue(nameCell).strip();
        if (name.isEmpty()) {
          if (holdsValues(row)) {
            problems.add(
                new RuleProblem(
                    file.path(),
                    sheetName,
                    new CellReference(row.getRowNum(), nameColumn).formatAsString(),
                    "row "
                        + (row.getRowNum() + 1)
                        + " has values but no scenario name, so it is not run: give it a name"));
          }
          continue;
        }
        boolean unreadable = false;
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        List<Scenario.Expectation> expectations = new ArrayList<>();
        java.time.LocalDate decidedOn = null;
        for (Map.Entry<Integer, String> col : columns.entrySet()) {
          Cell cell = row.getCell(col.getKey());
          if (col.getKey() == nameColumn || cell == null || cell.getCellType() == CellType.BLANK) {
            continue;
          }
          String ref = cell.getAddress().formatAsString();
          String title = col.getValue();
          if (title.equals(DECIDED_ON)) {
            CellReading day = DATE.read(cell);
            if (day.refused()) {
              problems.add(
                  new RuleProblem(
                      file.path(),
                      sheetName,
                      ref,
                      "scenario '" + name + "': " + DECIDED_ON + ": " + day.problem()));
              unreadable = true;
            } else if (day.value() != null) {
              decidedOn = java.time.LocalDate.parse(day.value());
            }
          } else if (title.startsWith(EXPECT)) {
            // what the cell holds, not how it is displayed: 27.5 shown as "28" is 27.5
            String expected = TEXT.read(cell).value();
            if (expected != null) {
              expectations.add(
                  new Scenario.Expectation(
                      title.substring(EXPECT.length()).strip(), expected, ref));
            }
          } else {
            try {
              JsonNode value = input(title, cell, fmt);
              if (value != null) {
                request.set(title, value);
              }
            } catch (UnreadableCell e) {
              problems.add(
                  new RuleProblem(
                      file.path(), sheetName, ref, "scenario '" + name + "': " + e.getMessage()));
              unreadable = true;
            }
          }
        }
        if (!unreadable) {
          scenarios.add(
              new Scenario(
                  file.path(),
                  sheetName,
                  row.getRowNum() + 1,
                  name,
                  request,
                  expectations,
                  decidedOn));
        }
      }
      return scenarios;
    } catch (IOException | RuntimeException e) {
      problems.add(
          RuleProblem.inFile(
              file.path(), "is not a readable scenario workbook (" + e.getMessage() + ")"));
      return List.of();
    }
  }

  private static final ColumnType TEXT = ColumnType.of(ColumnType.Kind.TEXT);

  /** A cell that does not hold what its request field takes; the message says what to type. */
  private static final class UnreadableCell extends RuntimeException {
    UnreadableCell(String message) {
      super(message, null, false, false);
    }
  }

  private static boolean holdsValues(Row row) {
    for (Cell c : row) {
      if (TEXT.read(c).value() != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * An input cell read as its request field's type, from the cell's raw value: a whole number for
   * an integer field, a number for a decimal one, true or false for a boolean (a TRUE cell, or the
   * text true/yes), one of the values for an enum. Other columns (a JSON object, an unknown field
   * the request reader then names) are read as before.
   */
  private static JsonNode input(String field, Cell cell, DataFormatter fmt) {
    Class<?> type = RequestFields.typeOf(field);
    ColumnType column;
    if (type == Long.class || type == Integer.class) {
      column = ColumnType.of(ColumnType.Kind.WHOLE_NUMBER);
    } else if (type == java.math.BigDecimal.class) {
      column = ColumnType.of(ColumnType.Kind.NUMBER);
    } else if (type == Boolean.class) {
      column = ColumnType.of(ColumnType.Kind.YES_NO);
    } else if (type != null && type.isEnum()) {
      column =
          ColumnType.oneOf(
              java.util.Arrays.stream(type.getEnumConstants())
                  .map(v -> ((Enum<?>) v).name())
                  .toList());
    } else if (type == String.class) {
      column = TEXT;
    } else {
      return value(cell, fmt);
    }
    CellReading reading = column.read(cell);
    if (reading.refused()) {
      throw new UnreadableCell(field + ": " + reading.problem());
    }
    if (reading.value() == null) {
      return null;
    }
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (column.kind()) {
      case WHOLE_NUMBER -> nodes.numberNode(new java.math.BigInteger(reading.value()));
      case NUMBER -> nodes.numberNode(new java.math.BigDecimal(reading.value()));
      case YES_NO -> nodes.booleanNode(Boolean.parseBoolean(reading.value()));
      default -> nodes.stringNode(reading.value());
    };
  }

  /**
   * A cell as a JSON value: numbers stay numbers, text that is JSON (objects, numbers) is parsed.
   */
  private static JsonNode value(Cell cell, DataFormatter fmt) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (cell.getCellType()) {
      case NUMERIC -> {
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(cell.getNumericCellValue());
        yield d.stripTrailingZeros().scale() <= 0
            ? nodes.numberNode(d.longValue())
            : nodes.numberNode(d);
      }
      case BOOLEAN -> nodes.booleanNode(cell.getBooleanCellValue());
      default -> {
        String text = fmt.formatCellValue(cell).strip();
        if (text.isEmpty()) {
          yield null;
        }
        if (text.startsWith("{")
            || text.startsWith("[")
            || text.matches("-?\\d+(\\.\\d+)?")
            || text.equals("true")
            || text.equals("false")) {
          try {
            yield JSON.readTree(text);
          } catch (JacksonException e) {
            yield nodes.stringNode(text);
          }
        }
        yield nodes.stringNode(text);
      }
    };
  }
}
