package org.llmstrategy.rules.compile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * What Drools does not tell about a decision table: the name of the sheet it read (the first one)
 * and the text of each cell, so a compiler message can be pointed at the cell that caused it.
 */
record WorkbookSheets(String firstSheetName, Map<Integer, List<CellText>> rows) {
  /** A non-empty cell: its reference ({@code D12}) and its text as Drools sees it. */
  record CellText(String ref, String text) {}

  static WorkbookSheets read(byte[] content) {
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(content))) {
      return of(wb);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first sheet's cells as they are now (after the typed cells were made canonical). */
  static WorkbookSheets of(Workbook wb) {
    Sheet sheet = wb.getSheetAt(0);
    DataFormatter formatter = new DataFormatter();
    Map<Integer, List<CellText>> rows = new HashMap<>();
    for (Row row : sheet) {
      List<CellText> cells = new ArrayList<>();
      for (Cell cell : row) {
        String text = formatter.formatCellValue(cell).strip();
        if (!text.isEmpty()) {
          cells.add(new CellText(cell.getAddress().formatAsString(), text));
        }
      }
      rows.put(row.getRowNum() + 1, List.copyOf(cells));
    }
    return new WorkbookSheets(wb.getSheetName(0), Map.copyOf(rows));
  }

  /** How far the template row lies below the RuleTable cell: keyword, object type, template. */
  private static final int TEMPLATE_OFFSET = 3;

  private static final Pattern FOUND_TOKEN = Pattern.compile("Found\\s+\"([^\"]+)\"");

  /**
   * The cell of a rule's row that a compiler message is about: the token a parser says it found,
   * else the cell whose text the message or the generated DRL line quotes. When nothing tells, the
   * row's first cell.
   */
  String cellIn(int row, String message, String drlLine) {
    List<CellText> cells = dataCells(row);
    Matcher found = FOUND_TOKEN.matcher(message);
    if (found.find()) {
      List<CellText> hit =
          cells.stream().filter(c -> containsWord(c.text(), found.group(1))).toList();
      if (hit.size() == 1) {
        return hit.get(0).ref();
      }
    }
    for (String evidence : List.of(message, drlLine)) {
      CellText quoted = uniqueLongestQuoted(cells, evidence);
      if (quoted != null) {
        return quoted.ref();
      }
    }
    return "A" + row;
  }

  /**
   * For a message that names neither line nor rule: the data cell it quotes, if exactly one does,
   * else the column template (header) it matches; null when nothing fits.
   */
  String cellQuotedBy(String message, List<Integer> ruleRows, int ruleTableRow) {
    List<CellText> data = ruleRows.stream().flatMap(r -> dataCells(r).stream()).toList();
    CellText quoted = uniqueLongestQuoted(data, message);
    if (quoted != null) {
      return quoted.ref();
    }
    for (CellText template : rows.getOrDefault(ruleTableRow + TEMPLATE_OFFSET, List.of())) {
      if (template.text().contains("$param")
          && Pattern.compile(templateRegex(template.text())).matcher(message).find()) {
        return template.ref();
      }
    }
    return null;
  }

  /** The template cell (below the RuleTable cell) that calls {@code method}, or null. */
  String templateCalling(String method, int ruleTableRow) {
    Pattern call = Pattern.compile("\\." + Pattern.quote(method) + "\\s*\\(");
    for (CellText template : rows.getOrDefault(ruleTableRow + TEMPLATE_OFFSET, List.of())) {
      if (call.matcher(template.text()).find()) {
        return template.ref();
      }
    }
    return null;
  }

  /** Cells a rule row's columns hold, without the rule name in the first column. */
  private List<CellText> dataCells(int row) {
    List<CellText> cells = rows.getOrDefault(row, List.of());
    return cells.isEmpty() ? cells : cells.subList(1, cells.size());
  }

  private static CellText uniqueLongestQuoted(List<CellText> cells, String evidence) {
    List<CellText> quoted =
        cells.stream()
            .filter(c -> containsWord(evidence, c.text()))
            .sorted(Comparator.comparingInt((CellText c) -> c.text().length()).reversed())
            .toList();
    if (quoted.isEmpty()) {
      return null;
    }
    int longest = quoted.get(0).text().length();
    List<CellText> best = quoted.stream().filter(c -> c.text().length() == longest).toList();
    return best.size() == 1 ? best.get(0) : null;
  }

  private static boolean containsWord(String haystack, String word) {
    return Pattern.compile("(?<![\\w])" + Pattern.quote(word) + "(?![\\w])")
        .matcher(haystack)
        .find();
  }

  private static String templateRegex(String template) {
    StringBuilder regex = new StringBuilder();
    for (String part : template.split("\\$param", -1)) {
      if (regex.length() > 0) {
        regex.append(".+?");
      }
      regex.append(Pattern.quote(part.strip()));
    }
    return regex.toString().replace("\\Q\\E", "");
  }
}
