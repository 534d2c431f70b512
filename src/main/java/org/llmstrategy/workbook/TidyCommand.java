package org.llmstrategy.workbook;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code java -jar <jar> tidy [DIR]}: lays out every {@code *.xlsx} workbook of a rules folder
 * (decision tables and scenarios) so it reads well in Excel and LibreOffice. Cell values are never
 * changed, so the rules version stays the same; run it after adding rows, so the new rows get the
 * dropdowns and the heights of the others.
 */
public final class TidyCommand {
  public static final String NAME = "tidy";

  private TidyCommand() {}

  public static int run(List<String> args, PrintStream out) {
    Path dir = Path.of(args.isEmpty() ? "rules" : args.get(0));
    if (!Files.isDirectory(dir)) {
      out.println(dir + ": is not a folder");
      return 1;
    }
    int tidied = 0;
    for (Path file : workbooks(dir)) {
      String name = dir.relativize(file).toString().replace('\\', '/');
      if (Files.isSymbolicLink(file)) {
        // never written through: it may point anywhere (the rules folder refuses it anyway)
        out.println(name + ": left as it was, it is a symbolic link");
        continue;
      }
      try {
        out.println(name + ": " + WorkbookLayout.tidy(file));
        tidied++;
      } catch (RuntimeException e) {
        out.println(name + ": left as it was, it could not be laid out (" + e.getMessage() + ")");
      }
    }
    out.printf("Tidied %d workbook%s in %s%n", tidied, tidied == 1 ? "" : "s", dir);
    return 0;
  }

  private static List<Path> workbooks(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".xlsx"))
          .filter(p -> !p.getFileName().toString().startsWith("~$"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
