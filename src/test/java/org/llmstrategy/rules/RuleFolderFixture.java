package org.llmstrategy.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.llmstrategy.rules.compile.RuleFolder;
import org.llmstrategy.rules.compile.RuleSetBuilder;
import org.llmstrategy.rules.run.RuleSet;

/** A copy of the shipped rules folder that a test may break, one cell at a time. */
public final class RuleFolderFixture {
  private final Path dir;

  private RuleFolderFixture(Path dir) {
    this.dir = dir;
  }

  public static RuleFolderFixture copyOfShippedRules(Path target) throws IOException {
    Path source = Path.of("rules");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : files.toList()) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return new RuleFolderFixture(target);
  }

  public Path dir() {
    return dir;
  }

  /**
   * Writes {@code value} into a cell of the first sheet, e.g. {@code setCell(file, "F12", "x")}.
   */
  public RuleFolderFixture setCell(String workbook, String ref, String value) throws IOException {
    Path file = dir.resolve(workbook);
    Workbook wb;
    try (InputStream in = Files.newInputStream(file)) {
      wb = WorkbookFactory.create(in);
    }
    try (wb) {
      Sheet sheet = wb.getSheetAt(0);
      CellReference at = new CellReference(ref);
      Row row =
          sheet.getRow(at.getRow()) == null
              ? sheet.createRow(at.getRow())
              : sheet.getRow(at.getRow());
      Cell cell =
          row.getCell(at.getCol()) == null ? row.createCell(at.getCol()) : row.getCell(at.getCol());
      cell.setCellValue(value);
      saveLikeAnEditor(wb, file);
    }
    return this;
  }

  /**
   * Edits a workbook's first sheet as an analyst would: {@code copyRow} inserts a copy of a row
   * (styles and values) and {@code set} types a value (a number when it reads as one, else text;
   * {@code ""} clears the cell). Saved with POI, as {@link #setCell} does.
   */
  public Edit edit(String workbook) {
    return new Edit(dir.resolve(workbook));
  }

  /** Edits of one workbook, saved together. */
  public static final class Edit {
    private final Path file;
    private final java.util.List<java.util.function.Consumer<Sheet>> steps =
        new java.util.ArrayList<>();

    Edit(Path file) {
      this.file = file;
    }

    /** Inserts a copy of row {@code from} (1-based) as row {@code to}, moving later rows down. */
    public Edit copyRow(int from, int to) {
      steps.add(sheet -> copy(sheet, from - 1, to - 1));
      return this;
    }

    public Edit set(String ref, Object value) {
      steps.add(sheet -> type(sheet, new CellReference(ref), value));
      return this;
    }

    public void save() throws IOException {
      together(this);
    }

    /**
     * Saves several workbooks as one change: each is written to its temp file first, then all are
     * renamed into place at once, so the watcher never sees one without the others (a rule row and
     * the scenario that shows it).
     */
    public static void together(Edit... edits) throws IOException {
      List<Path> temps = new java.util.ArrayList<>();
      for (Edit e : edits) {
        Workbook wb;
        try (InputStream in = Files.newInputStream(e.file)) {
          wb = WorkbookFactory.create(in);
        }
        try (wb) {
          e.steps.forEach(step -> step.accept(wb.getSheetAt(0)));
          Path temp = e.file.resolveSibling(e.file.getFileName() + ".tmp");
          try (OutputStream out = Files.newOutputStream(temp)) {
            wb.write(out);
          }
          temps.add(temp);
        }
      }
      for (int i = 0; i < edits.length; i++) {
        Files.move(
            temps.get(i),
            edits[i].file,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }

    private static void copy(Sheet sheet, int from, int to) {
      if (to <= sheet.getLastRowNum()) {
        sheet.shiftRows(to, sheet.getLastRowNum(), 1);
      }
      Row source = sheet.getRow(from < to ? from : from + 1);
      Row target = sheet.createRow(to);
      target.setHeight(source.getHeight());
      for (Cell c : source) {
        Cell n = target.createCell(c.getColumnIndex());
        n.setCellStyle(c.getCellStyle());
        switch (c.getCellType()) {
          case NUMERIC -> n.setCellValue(c.getNumericCellValue());
          case BOOLEAN -> n.setCellValue(c.getBooleanCellValue());
          case STRING -> n.setCellValue(c.getStringCellValue());
          default -> {}
        }
      }
    }

    private static void type(Sheet sheet, CellReference at, Object value) {
      Row row =
          sheet.getRow(at.getRow()) == null
              ? sheet.createRow(at.getRow())
              : sheet.getRow(at.getRow());
      Cell cell =
          row.getCell(at.getCol()) == null ? row.createCell(at.getCol()) : row.getCell(at.getCol());
      if (value instanceof Number n) {
        cell.setCellValue(n.doubleValue());
      } else if ("".equals(value)) {
        cell.setBlank();
      } else {
        cell.setCellValue(value.toString());
      }
    }
  }

  /** As spreadsheet programs save: a temp file beside it, then an atomic rename. */
  public static void saveLikeAnEditor(Workbook wb, Path file) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(temp)) {
      wb.write(out);
    }
    Files.move(
        temp,
        file,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  public RuleFolderFixture write(String path, String content) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return this;
  }

  public RuleSet build() {
    return new RuleSetBuilder().build(dir.toString(), RuleFolder.read(dir));
  }
}
