package org.llmstrategy.catalog;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** What an import changed in the catalog, as the command prints it for review. */
final class CatalogDiff {
  final List<String> added = new ArrayList<>();
  final List<String> removed = new ArrayList<>();
  final List<String> repriced = new ArrayList<>();
  final List<String> deprecated = new ArrayList<>();
  final List<String> duplicates = new ArrayList<>();
  int updated;

  boolean changesNothing() {
    return added.isEmpty() && removed.isEmpty() && updated == 0;
  }

  void print(PrintStream out) {
    section(out, "Added", added);
    section(out, "Removed (imported earlier, no longer in the file)", removed);
    section(out, "Repriced (per 1M tokens, old → new)", repriced);
    section(out, "Newly deprecated", deprecated);
    section(out, "Left out (a second entry for a model already imported)", duplicates);
  }

  private static void section(PrintStream out, String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    out.printf("%s: %d%n", title, lines.size());
    lines.forEach(l -> out.println("  " + VisibleText.of(l)));
  }
}
