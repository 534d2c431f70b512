package org.llmstrategy.rules.table;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.util.CellReference;
import org.llmstrategy.rules.RuleProblem;

/**
 * The bands a pair of columns declared {@code band start} and {@code band end} cut: each row covers
 * the values above its start up to its end (an empty start is open below, an empty end open above),
 * and together the rows must cover every value exactly once. A gap would leave a value with no row
 * (no tier: no cost); an overlap would let two rows apply at once.
 */
final class Bands {
  private record Band(int row, BigDecimal start, BigDecimal end) {}

  private final String file;
  private final String sheet;
  private final Column start;
  private final Column end;
  private final List<RuleProblem> problems = new ArrayList<>();
  private final Map<Integer, BigDecimal[]> rows = new LinkedHashMap<>();

  Bands(String file, String sheet, Collection<Column> columns) {
    this.file = file;
    this.sheet = sheet;
    this.start = only(columns, Column.Band.START);
    this.end = only(columns, Column.Band.END);
  }

  private Column only(Collection<Column> columns, Column.Band band) {
    List<Column> marked = columns.stream().filter(c -> c.band() == band).toList();
    if (marked.size() > 1) {
      problems.add(
          at(
              -1,
              marked.get(1),
              "a table has one band start and one band end column, and this is a second one"));
    }
    return marked.isEmpty() ? null : marked.get(0);
  }

  void add(Column column, int row, String value) {
    if (column.band() != null) {
      BigDecimal[] band = rows.computeIfAbsent(row, r -> new BigDecimal[2]);
      band[column.band() == Column.Band.START ? 0 : 1] =
          value == null ? null : new BigDecimal(value);
    }
  }

  List<RuleProblem> problems() {
    if (start == null && end == null) {
      return problems;
    }
    if (start == null || end == null) {
      Column one = start != null ? start : end;
      problems.add(
          at(-1, one, "a band needs both a band start and a band end column; this table has one"));
      return problems;
    }
    List<Band> bands = new ArrayList<>();
    rows.forEach((row, b) -> bands.add(new Band(row, b[0], b[1])));
    for (Band b : bands) {
      if (b.start() != null && b.end() != null && b.start().compareTo(b.end()) >= 0) {
        problems.add(
            at(
                b.row(),
                start,
                "row "
                    + (b.row() + 1)
                    + "'s band is empty: nothing is above "
                    + number(b.start())
                    + " and up to "
                    + number(b.end())
                    + "; the start must be below the end"));
        return problems;
      }
    }
    bands.sort(
        Comparator.comparing(Band::start, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Band::end, Comparator.nullsLast(Comparator.naturalOrder())));
    if (bands.isEmpty()) {
      return problems;
    }
    Band lowest = bands.get(0);
    if (lowest.start() != null) {
      problems.add(
          at(
              lowest.row(),
              start,
              "no row covers the values up to "
                  + number(lowest.start())
                  + ": the lowest band (row "
                  + (lowest.row() + 1)
                  + ") starts above it; leave "
                  + ref(lowest.row(), start)
                  + " empty so the lowest band is open below"));
    }
    for (int i = 1; i < bands.size(); i++) {
      neighbours(bands.get(i - 1), bands.get(i));
    }
    Band highest = bands.get(bands.size() - 1);
    if (highest.end() != null) {
      problems.add(
          at(
              highest.row(),
              end,
              "no row covers the values above "
                  + number(highest.end())
                  + ": the highest band (row "
                  + (highest.row() + 1)
                  + ") ends there; leave "
                  + ref(highest.row(), end)
                  + " empty so the highest band is open above"));
    }
    return problems;
  }

  private void neighbours(Band a, Band b) {
    String rows = "rows " + (a.row() + 1) + " and " + (b.row() + 1);
    if (a.end() == null || b.start() == null || b.start().compareTo(a.end()) < 0) {
      String from = b.start() == null ? "the lowest values" : "above " + number(b.start());
      BigDecimal upTo =
          a.end() == null ? b.end() : b.end() == null ? a.end() : a.end().min(b.end());
      problems.add(
          at(
              b.row(),
              b.start() == null ? end : start,
              rows
                  + " overlap: both cover the values "
                  + from
                  + (upTo == null ? " and up" : " up to " + number(upTo))
                  + " (row "
                  + (a.row() + 1)
                  + (a.end() == null ? " is open above" : " ends at " + number(a.end()))
                  + ", row "
                  + (b.row() + 1)
                  + (b.start() == null ? " is open below" : " starts above " + number(b.start()))
                  + "); each value must fall in one band only"));
    } else if (b.start().compareTo(a.end()) > 0) {
      problems.add(
          at(
              b.row(),
              start,
              rows
                  + " leave a gap: no row covers the values above "
                  + number(a.end())
                  + " up to "
                  + number(b.start())
                  + " (row "
                  + (a.row() + 1)
                  + " ends at "
                  + number(a.end())
                  + " in "
                  + ref(a.row(), end)
                  + ", row "
                  + (b.row() + 1)
                  + " starts above "
                  + number(b.start())
                  + "); make "
                  + ref(b.row(), start)
                  + " the same as "
                  + ref(a.row(), end)));
    }
  }

  private static String number(BigDecimal n) {
    return new DecimalFormat("#,##0.########", DecimalFormatSymbols.getInstance(Locale.ROOT))
        .format(n);
  }

  private static String ref(int row, Column column) {
    return new CellReference(row, column.index()).formatAsString();
  }

  /** At the column's cell in the row, or at its label when no row is meant. */
  private RuleProblem at(int row, Column column, String message) {
    return new RuleProblem(file, sheet, row < 0 ? null : ref(row, column), message);
  }
}
