package org.llmstrategy.rules.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.llmstrategy.rules.RuleProblem;

/**
 * Merged cells in a table's label row or rows, hidden rows and hidden deciding columns, each
 * refused by its cell: Drools reads a merged cell's value into every cell it covers (a value the
 * analyst no longer sees in the other cells), and reads hidden rows and columns as any other. The
 * machinery rows above the labels stay free: they are grouped and folded on purpose, and a merged
 * object-type cell makes several columns constrain the same pattern. For any reader of a table
 * whose rows run from below its labels to the first empty row.
 */
public final class HiddenOrMergedCells {
  /**
   * The problems found, and the columns whose label a merged cell to their left covers (a reader
   * refuses those as merged, not also as unlabelled).
   */
  public record Found(List<RuleProblem> problems, Set<Integer> underMergedLabel) {
    public Found {
      problems = List.copyOf(problems);
      underMergedLabel = Set.copyOf(underMergedLabel);
    }
  }

  private HiddenOrMergedCells() {}

  /**
   * @param labels the 0-based row of the table's column labels; its rows follow
   * @param firstColumn the table's first column, 0-based
   * @param lastColumn the table's last column, 0-based
   * @param deciding the columns whose values decide: refused when hidden
   */
  public static Found in(
      String file,
      Sheet sheet,
      int labels,
      int firstColumn,
      int lastColumn,
      Set<Integer> deciding) {
    List<RuleProblem> problems = new ArrayList<>();
    Set<Integer> underMergedLabel = new HashSet<>();
    int last = labels;
    while (last < sheet.getLastRowNum() && !DecisionTableCheck.blank(sheet.getRow(last + 1))) {
      last++;
    }
    List<CellRangeAddress> merged = new ArrayList<>(sheet.getMergedRegions());
    merged.sort(
        Comparator.comparingInt(CellRangeAddress::getFirstRow)
            .thenComparingInt(CellRangeAddress::getFirstColumn));
    for (CellRangeAddress m : merged) {
      if (m.getLastRow() < labels
          || m.getFirstRow() > last
          || m.getLastColumn() < firstColumn
          || m.getFirstColumn() > lastColumn) {
        continue;
      }
      boolean header = m.getFirstRow() <= labels;
      if (header) {
        for (int c = m.getFirstColumn() + 1; c <= m.getLastColumn(); c++) {
          underMergedLabel.add(c);
        }
      }
      problems.add(
          problem(
              file,
              sheet,
              Math.max(m.getFirstRow(), labels),
              m.getFirstColumn(),
              "cells "
                  + m.formatAsString()
                  + " are merged "
                  + (header
                      ? "in the table's header: unmerge them, each column needs its own label"
                      : "inside the table: unmerge them, every rule row needs its own value in"
                          + " each column")));
    }
    for (int r = labels + 1; r <= last; r++) {
      if (sheet.getRow(r).getZeroHeight()) {
        problems.add(
            problem(
                file,
                sheet,
                r,
                firstColumn,
                "row "
                    + (r + 1)
                    + " is hidden inside the table: unhide it (a hidden row still decides) or"
                    + " delete it"));
      }
    }
    deciding.stream()
        .sorted()
        .filter(sheet::isColumnHidden)
        .forEach(
            column ->
                problems.add(
                    problem(
                        file,
                        sheet,
                        labels,
                        column,
                        "column "
                            + CellReference.convertNumToColString(column)
                            + " is hidden inside the table: unhide it (a hidden column still"
                            + " decides) or delete it")));
    return new Found(problems, underMergedLabel);
  }

  private static RuleProblem problem(String file, Sheet sheet, int row, int column, String text) {
    return new RuleProblem(
        file, sheet.getSheetName(), new CellReference(row, column).formatAsString(), text);
  }
}
