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
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.RuleProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a scenario workbook (format in the contract): the first sheet, a header row with {@code
 * name}, one column per request field (header = JSON field name, empty cell = not sent) and {@code
 * expect <response path>} columns; one scenario per following row.
 */
final class ScenarioWorkbook {
  static final String NAME = "name";
  static final String EXPECT = "expect ";
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
          continue;
        }
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        List<Scenario.Expectation> expectations = new ArrayList<>();
        for (Map.Entry<Integer, String> col : columns.entrySet()) {
          Cell cell = row.getCell(col.getKey());
          if (col.getKey() == nameColumn || cell == null || cell.getCellType() == CellType.BLANK) {
            continue;
          }
          String ref = cell.getAddress().formatAsString();
          String title = col.getValue();
          if (title.startsWith(EXPECT)) {
            expectations.add(
                new Scenario.Expectation(
                    title.substring(EXPECT.length()).strip(),
                    fmt.formatCellValue(cell).strip(),
                    ref));
          } else {
            JsonNode value = value(cell, fmt);
            if (value != null) {
              request.set(title, value);
            }
          }
        }
        scenarios.add(
            new Scenario(file.path(), sheetName, row.getRowNum() + 1, name, request, expectations));
      }
      return scenarios;
    } catch (IOException | RuntimeException e) {
      problems.add(
          RuleProblem.inFile(
              file.path(), "is not a readable scenario workbook (" + e.getMessage() + ")"));
      return List.of();
    }
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
