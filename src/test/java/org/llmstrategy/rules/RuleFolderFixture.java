package org.llmstrategy.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

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
      // as spreadsheet programs save: a temp file beside it, then an atomic rename
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
    return this;
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
