package org.llmstrategy.rules.compile;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.llmstrategy.rules.RuleFile;

/**
 * The version of a rule set: a hash of what the pipeline reads, not of the bytes on disk. For a
 * workbook that is its cells, sheet by sheet (each cell's reference, type and raw value, and
 * whether a number is a date, the merged regions the table's header uses, the rows and columns
 * hidden outside a group); for a DRL or CSV file its text. A spreadsheet program writes different
 * zip bytes at every save, so a re-save of the same values keeps the version; editor lock and temp
 * files and documentation are never read, so they do not count either ({@link RuleFolder}).
 * Start-up, live reload, {@code validate} and the precompiled rules all take the version from here.
 */
public final class RulesVersion {
  private static final String SHA_256 = "SHA-256";

  /** Past this many files the digests start over: a folder has some tens of files. */
  private static final int MAX_CACHED = 256;

  /**
   * Each file's digest by the hash of its bytes, for as long as its owner keeps this object (the
   * {@link RuleSetBuilder} a reloader keeps): a reload re-reads the whole folder, and most of its
   * workbooks did not change.
   */
  private final Map<String, byte[]> digests = new ConcurrentHashMap<>();

  /** A version reader that remembers each file's digest; see {@link #of} for a one-off. */
  public RulesVersion() {}

  /** The version of these files, read once: 12 hex digits. */
  public static String of(List<RuleFile> files) {
    return new RulesVersion().versionOf(files);
  }

  /** The version of these files: 12 hex digits. */
  public String versionOf(List<RuleFile> files) {
    MessageDigest sha = sha256();
    for (RuleFile f : files) {
      sha.update(f.path().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(digest(f));
      sha.update((byte) 0);
    }
    return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
  }

  private byte[] digest(RuleFile f) {
    String key =
        (isWorkbook(f) ? "cells:" : "text:")
            + HexFormat.of().formatHex(sha256().digest(f.content()));
    byte[] known = digests.get(key);
    if (known != null) {
      return known;
    }
    byte[] digest = sha256().digest(loadedContent(f));
    if (digests.size() >= MAX_CACHED) {
      digests.clear();
    }
    digests.put(key, digest);
    return digest;
  }

  /** What the pipeline reads of a file; a workbook it cannot open counts by its bytes. */
  static byte[] loadedContent(RuleFile f) {
    if (!isWorkbook(f)) {
      return f.content();
    }
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(f.content()))) {
      StringBuilder cells = new StringBuilder();
      for (Sheet sheet : wb) {
        cells.append("sheet\u0000").append(sheet.getSheetName()).append('\n');
        List<String> merged = new ArrayList<>();
        for (CellRangeAddress r : sheet.getMergedRegions()) {
          merged.add(r.formatAsString());
        }
        merged.sort(null);
        cells.append("merged\u0000").append(String.join(",", merged)).append('\n');
        hidden(sheet, cells);
        for (Row row : sheet) {
          for (Cell cell : row) {
            appendCell(cells, cell);
          }
        }
      }
      return cells.toString().getBytes(StandardCharsets.UTF_8);
    } catch (java.io.IOException | RuntimeException e) {
      return f.content(); // refused by the build as unreadable; its bytes are what it is
    }
  }

  /**
   * Rows and columns hidden outside an outline group: the check refuses them inside a table, so
   * hiding one is a change to check. Folding a group (the tables' machinery rows) is not: opening
   * it to look makes no new version. Written only when there are some.
   */
  private static void hidden(Sheet sheet, StringBuilder cells) {
    List<String> hidden = new ArrayList<>();
    int width = 0;
    for (Row row : sheet) {
      width = Math.max(width, row.getLastCellNum());
      if (row.getZeroHeight() && row.getOutlineLevel() == 0) {
        hidden.add(Integer.toString(row.getRowNum() + 1));
      }
    }
    for (int c = 0; c < width; c++) {
      if (sheet.isColumnHidden(c) && sheet.getColumnOutlineLevel(c) == 0) {
        hidden.add(org.apache.poi.ss.util.CellReference.convertNumToColString(c));
      }
    }
    if (!hidden.isEmpty()) {
      cells.append("hidden\u0000").append(String.join(",", hidden)).append('\n');
    }
  }

  private static boolean isWorkbook(RuleFile f) {
    String name = f.lowerCaseName();
    return name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".xlsm");
  }

  private static void appendCell(StringBuilder out, Cell cell) {
    // a formula counts by the value it shows, which is what the build reads: LibreOffice saves a
    // typed TRUE as the formula TRUE(), and that must not make a new rules version
    Boolean typed = org.llmstrategy.rules.table.RawCell.typedBoolean(cell);
    CellType type =
        typed != null
            ? CellType.BOOLEAN // =TRUE() cached as the number 1 still says TRUE
            : cell.getCellType() == CellType.FORMULA
                ? cell.getCachedFormulaResultType()
                : cell.getCellType();
    String value =
        typed != null
            ? typed.toString()
            : switch (type) {
              case BLANK, _NONE, FORMULA -> null; // an empty cell a program may or may not write
              case NUMERIC -> number(cell);
              case STRING -> cell.getStringCellValue();
              case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
              case ERROR -> Byte.toString(cell.getErrorCellValue());
            };
    if (value == null || (type == CellType.STRING && value.isEmpty())) {
      return;
    }
    out.append(cell.getAddress().formatAsString())
        .append('\u0000')
        .append(type.name().charAt(0))
        .append('\u0000')
        .append(value)
        .append('\n');
  }

  /**
   * A number as stored; whether it is a date, since the typed cells read a date cell as a date. Its
   * display format is left out: cells are read as stored, so a program that saves the same numbers
   * with other formats (LibreOffice does) leaves the rules as they were.
   */
  private static String number(Cell cell) {
    return BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString()
        + (org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell) ? "\u0000date" : "");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance(SHA_256);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
