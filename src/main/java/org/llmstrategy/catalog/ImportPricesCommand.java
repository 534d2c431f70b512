package org.llmstrategy.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.table.DecisionTableCheck;
import org.llmstrategy.workbook.WorkbookLayout;

/**
 * {@code java -jar <jar> import-prices FILE [--into rules/models/<Name>.drl.xlsx]}: reads a
 * LiteLLM-format price file into the catalog workbook, prints a summary and what changed (added,
 * removed, repriced, newly deprecated), and replaces the workbook in one step, laid out like the
 * others. A file or a target it cannot take is refused whole and nothing is written. The result is
 * checked cell by cell as {@code validate} checks it before it replaces the workbook. Exit 0 done
 * (or nothing to change), 1 refused, 2 a usage mistake.
 */
public final class ImportPricesCommand {
  public static final String NAME = "import-prices";
  static final String INTO = "--into";
  static final Path DEFAULT_TARGET = Path.of("rules", "models", "ModelCatalog.drl.xlsx");
  private static final String USAGE =
      "usage: import-prices FILE [" + INTO + " rules/models/<Name>.drl.xlsx]";

  private ImportPricesCommand() {}

  public static int run(List<String> args, PrintStream out) {
    return run(args, out, Clock.systemDefaultZone());
  }

  static int run(List<String> args, PrintStream out, Clock clock) {
    Path file = null;
    Path target = DEFAULT_TARGET;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals(INTO) && i + 1 < args.size()) {
        target = Path.of(args.get(++i));
      } else if (a.startsWith("-") || file != null) {
        out.println(
            NAME
                + ": "
                + (a.equals(INTO)
                    ? INTO + " needs a workbook"
                    : "unexpected \"" + VisibleText.of(a) + "\""));
        out.println(USAGE);
        return 2;
      } else {
        file = Path.of(a);
      }
    }
    if (file == null) {
      out.println(USAGE);
      return 2;
    }
    try {
      return importInto(file, target, LocalDate.now(clock), out);
    } catch (PriceFileRefused e) {
      // each line shown as text, whatever a message quotes from the file or the workbook
      for (String line : e.getMessage().split("\n", -1)) {
        out.println(VisibleText.of(line));
      }
      out.println("REFUSED: nothing written to " + VisibleText.of(target.toString()));
      return 1;
    }
  }

  private static int importInto(Path file, Path target, LocalDate today, PrintStream out) {
    if (!Files.isRegularFile(file)) {
      throw new PriceFileRefused(VisibleText.of(file.toString()) + ": no such file");
    }
    String targetName = target.getFileName().toString();
    if (!Files.isRegularFile(target) || !targetName.endsWith(".drl.xlsx")) {
      throw new PriceFileRefused(
          VisibleText.of(target.toString())
              + ": is not a catalog workbook (an existing rules/models/<Name>.drl.xlsx)");
    }
    PriceFile.Read read = PriceFile.read(file);
    try (XSSFWorkbook wb = open(target)) {
      CatalogSheet sheet = CatalogSheet.of(targetName, wb.getSheetAt(0));
      List<CatalogColumn> added = sheet.addMissingColumns();
      CatalogDiff diff =
          new CatalogImport(sheet, file.getFileName().toString(), today).apply(read.models());
      summary(out, file, target, read, diff, added);
      if (diff.changesNothing() && added.isEmpty()) {
        out.println(
            "Nothing to change: "
                + VisibleText.of(target.toString())
                + " already holds these prices");
        return 0;
      }
      WorkbookLayout.layOut(wb);
      byte[] bytes = bytes(wb);
      refuseUnlessItChecks(targetName, bytes);
      replace(target, bytes);
      out.println(
          "Wrote "
              + VisibleText.of(target.toString())
              + ": review the diff above, run validate, then commit");
      return 0;
    } catch (IOException e) {
      throw new PriceFileRefused(
          target + ": cannot be read or written (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static void summary(
      PrintStream out,
      Path file,
      Path target,
      PriceFile.Read read,
      CatalogDiff diff,
      List<CatalogColumn> added) {
    out.printf(
        "Read %s: %d chat models, %d entries skipped%n",
        VisibleText.of(file.getFileName().toString()), read.models().size(), read.skippedCount());
    for (Map.Entry<String, Integer> s : new java.util.TreeMap<>(read.skipped()).entrySet()) {
      out.printf("  skipped %d: %s%n", s.getValue(), s.getKey());
    }
    for (CatalogColumn c : added) {
      out.println(
          "Added the column \""
              + c.label
              + "\" to "
              + VisibleText.of(target.getFileName().toString()));
    }
    out.printf(
        "Catalog %s: %d added, %d updated, %d removed, %d repriced, %d newly deprecated%n",
        VisibleText.of(target.getFileName().toString()),
        diff.added.size(),
        diff.updated,
        diff.removed.size(),
        diff.repriced.size(),
        diff.deprecated.size());
    diff.print(out);
  }

  /** The workbook as written, checked as validate checks it: a bad cell refuses the import. */
  private static void refuseUnlessItChecks(String name, byte[] bytes) throws IOException {
    try (XSSFWorkbook copy = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      List<RuleProblem> problems = DecisionTableCheck.check(name, copy).problems();
      if (!problems.isEmpty()) {
        throw new PriceFileRefused(
            String.join("\n", problems.stream().map(p -> VisibleText.of(p.toString())).toList()));
      }
    }
  }

  /**
   * Written beside the target under a hidden name (which the rules folder never reads), then moved
   * over it in one step: a service watching the folder sees the old workbook or the new one.
   */
  static void replace(Path target, byte[] bytes) throws IOException {
    Path temp = target.resolveSibling("." + target.getFileName() + ".import");
    try {
      Files.write(temp, bytes);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static byte[] bytes(XSSFWorkbook wb) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream o = b) {
      wb.write(o);
    }
    return b.toByteArray();
  }

  private static XSSFWorkbook open(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new XSSFWorkbook(in);
    } catch (RuntimeException e) { // POI's way of saying "not a workbook"
      throw new PriceFileRefused(file.getFileName() + ": is not a readable workbook");
    }
  }
}
