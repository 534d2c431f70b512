package org.llmstrategy.rules.table;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Spreadsheets saved in a format the rules never read (LibreOffice, Numbers, macro-enabled or
 * binary Excel, templates): without this check they would sit beside the workbooks, silently
 * ignored, while the analyst believes their edit is live.
 */
public final class WorkbookFormats {
  private static final Map<String, String> UNREAD =
      Map.ofEntries(
          Map.entry("ods", "a LibreOffice (OpenDocument) spreadsheet"),
          Map.entry("fods", "a LibreOffice (flat OpenDocument) spreadsheet"),
          Map.entry("ots", "a LibreOffice spreadsheet template"),
          Map.entry("sxc", "an old OpenOffice spreadsheet"),
          Map.entry("numbers", "an Apple Numbers spreadsheet"),
          Map.entry("gnumeric", "a Gnumeric spreadsheet"),
          Map.entry("xlsm", "a macro-enabled Excel workbook"),
          Map.entry("xlsb", "a binary Excel workbook"),
          Map.entry("xltx", "an Excel template"),
          Map.entry("xltm", "a macro-enabled Excel template"),
          Map.entry("xlt", "an old Excel template"),
          Map.entry("xlam", "an Excel add-in"),
          Map.entry("tsv", "a tab-separated table"));

  private WorkbookFormats() {}

  /** Why a file of the rules folder is a spreadsheet that is never read, if it is one. */
  public static Optional<String> unread(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String what = UNREAD.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    if (what == null) {
      return Optional.empty();
    }
    String base = name.substring(0, dot).replaceFirst("(?i)\\.drl$", "");
    return Optional.of(
        "is "
            + what
            + ", which the rules never read: save it as an Excel workbook (.xlsx) named "
            + base
            + ".drl.xlsx to make it a decision table, or remove it");
  }
}
