package org.llmstrategy.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.llmstrategy.rules.RuleFolderFixture;

/**
 * A copy of the shipped rules folder whose decision tables hold {@code scale} times the shipped
 * table rows, for the growth benchmarks. The added rows copy shipped rows (same columns, same
 * actions, new names) with one extra condition that no valid request meets, each with its own
 * constant so Drools cannot share it between rows; catalog rows become models without an API price
 * and with a closed license, which no rule makes a candidate. So every answer, and every scenario,
 * stays exactly what the shipped rules give; only the rule base grows.
 *
 * <ul>
 *   <li>matrix: upfront budget below a negative amount (budgets are at least 0);
 *   <li>knowledge: latency budget below a negative number of ms (latency budgets are positive);
 *   <li>tiers: monthly tokens above 10^15 (the contract's largest volume);
 *   <li>catalog: unpriced, closed models (never API candidates, never self-hostable).
 * </ul>
 *
 * The advice and self-host setup tables (8 rows) are not grown: no column of theirs can be made
 * unsatisfiable without changing answers. The other tables grow so that the folder as a whole holds
 * {@code scale} times the shipped rows.
 */
public final class SyntheticRules {
  private static final int FIRST_DATA_ROW = 9; // 0-based: spreadsheet row 10

  /** Workbook → the 0-based column made unsatisfiable (-1: catalog rows, see above). */
  private static final Map<String, Integer> GROWN = new LinkedHashMap<>();

  static {
    GROWN.put("deployment/DeploymentMatrix.drl.xlsx", 8); // I: upfront budget below (USD)
    GROWN.put("knowledge/KnowledgeStrategy.drl.xlsx", 5); // F: latency budget below (ms)
    GROWN.put("cost/UsageTiers.drl.xlsx", 2); // C: monthly tokens above
    GROWN.put("models/ModelCatalog.drl.xlsx", -1);
  }

  private static final long BEYOND_CONTRACT = 1_000_000_000_000_000L;

  private SyntheticRules() {}

  /**
   * The shipped rules for scale 1, else a generated folder under target/growth (kept once made).
   */
  public static Path folder(int scale) {
    if (scale == 0) { // a folder made elsewhere, e.g. bench/catalog-scale.sh's 3,000-model catalog
      String given = System.getenv("BENCH_RULES");
      if (given == null || given.isBlank()) {
        throw new IllegalStateException("scale 0 reads the folder in BENCH_RULES, which is unset");
      }
      return Path.of(given);
    }
    if (scale <= 1) {
      return Path.of("rules");
    }
    Path dir = Path.of("target", "growth", "x" + scale);
    if (!Files.isDirectory(dir)) {
      try {
        generate(dir, scale);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir;
  }

  public static void main(String[] args) throws IOException {
    for (String a : args) {
      int scale = Integer.parseInt(a);
      Path dir = Path.of("target", "growth", "x" + scale);
      generate(dir, scale);
      System.out.println(dir + ": " + tableRows(dir) + " table rows");
    }
  }

  /** A copy of the shipped rules (see {@link RuleFolderFixture}) grown {@code scale} times. */
  static void generate(Path target, int scale) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    deleteTree(tmp);
    RuleFolderFixture.copyOfShippedRules(tmp);
    int shipped = tableRows(Path.of("rules"));
    Map<String, Integer> rows = new LinkedHashMap<>();
    for (String wb : GROWN.keySet()) {
      rows.put(wb, dataRows(tmp.resolve(wb)));
    }
    int growable = rows.values().stream().mapToInt(Integer::intValue).sum();
    int extra = shipped * (scale - 1);
    int added = 0;
    int i = 0;
    for (var e : rows.entrySet()) {
      int n =
          ++i == rows.size()
              ? extra - added
              : (int) Math.round((double) extra * e.getValue() / growable);
      grow(tmp.resolve(e.getKey()), GROWN.get(e.getKey()), n);
      added += n;
    }
    deleteTree(target);
    Files.move(tmp, target);
  }

  /**
   * Appends {@code n} copies of the table's rows, cycling, each made unable to match. A workbook
   * holds at most {@link #ROWS_PER_WORKBOOK} data rows (the service refuses sheets of more than
   * 2,000 rows); the rest go into copies of the workbook named {@code <Name>Synthetic<i>.drl.xlsx}
   * that hold only added rows.
   */
  private static void grow(Path file, int impossibleColumn, int n) throws IOException {
    byte[] original = Files.readAllBytes(file);
    try (Workbook source = WorkbookFactory.create(new java.io.ByteArrayInputStream(original))) {
      Sheet template = source.getSheetAt(0);
      int shipped = dataRows(template);
      int k = 0;
      for (int part = 0; k < n; part++) {
        Path target =
            part == 0
                ? file
                : file.resolveSibling(
                    file.getFileName()
                        .toString()
                        .replace(".drl.xlsx", "Synthetic" + part + ".drl.xlsx"));
        try (Workbook wb = WorkbookFactory.create(new java.io.ByteArrayInputStream(original))) {
          Sheet sheet = wb.getSheetAt(0);
          int kept = part == 0 ? shipped : 0;
          for (int r = sheet.getLastRowNum(); r >= FIRST_DATA_ROW + kept; r--) {
            if (sheet.getRow(r) != null) {
              sheet.removeRow(sheet.getRow(r));
            }
          }
          for (int i = kept; i < ROWS_PER_WORKBOOK && k < n; i++) {
            k++;
            addRow(
                template.getRow(FIRST_DATA_ROW + (k - 1) % shipped),
                sheet.createRow(FIRST_DATA_ROW + i),
                k,
                impossibleColumn);
          }
          try (OutputStream out = Files.newOutputStream(target)) {
            wb.write(out);
          }
        }
      }
    }
  }

  private static final int ROWS_PER_WORKBOOK = 1000;

  private static void addRow(Row from, Row to, int k, int impossibleColumn) {
    for (Cell c : from) {
      Cell copy = to.createCell(c.getColumnIndex());
      copy.setCellStyle(to.getSheet().getWorkbook().getCellStyleAt(c.getCellStyle().getIndex()));
      if (c.getCellType() == CellType.NUMERIC) {
        copy.setCellValue(c.getNumericCellValue());
      } else if (c.getCellType() == CellType.BOOLEAN) {
        copy.setCellValue(c.getBooleanCellValue());
      } else {
        copy.setCellValue(c.getStringCellValue());
      }
    }
    to.getCell(0).setCellValue(to.getCell(0).getStringCellValue() + "Synthetic" + k);
    if (impossibleColumn == 2) { // tiers: above the largest volume, no upper bound
      text(to, 2, Long.toString(BEYOND_CONTRACT + k));
      text(to, 3, "");
    } else if (impossibleColumn > 0) {
      text(to, impossibleColumn, Long.toString(-k));
    } else { // catalog: C model, H price, I license, J retirement date
      text(to, 2, to.getCell(2).getStringCellValue() + " synthetic " + k);
      text(to, 7, "");
      text(to, 8, "CLOSED");
      text(to, 9, "");
    }
  }

  private static void text(Row row, int column, String value) {
    Cell c = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
    if (value.isEmpty()) {
      row.removeCell(c);
    } else {
      c.setCellValue(value);
    }
  }

  /** Data rows of every decision table in a folder (every workbook holds one table). */
  static int tableRows(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      int rows = 0;
      for (Path f : files.filter(p -> p.toString().endsWith(".drl.xlsx")).toList()) {
        rows += dataRows(f);
      }
      return rows;
    }
  }

  private static int dataRows(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        Workbook wb = WorkbookFactory.create(in)) {
      return dataRows(wb.getSheetAt(0));
    }
  }

  /** Rows below the label row up to the first row without a rule name. */
  private static int dataRows(Sheet sheet) {
    DataFormatter f = new DataFormatter();
    int n = 0;
    while (sheet.getRow(FIRST_DATA_ROW + n) != null
        && !f.formatCellValue(sheet.getRow(FIRST_DATA_ROW + n).getCell(0)).isBlank()) {
      n++;
    }
    return n;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
