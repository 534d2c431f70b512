package org.llmstrategy.rules.table;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.llmstrategy.rules.RuleProblem;

/**
 * A decision table whose rows only describe things: no condition column, a first action that makes
 * a row object ({@code CatalogRow $model = new CatalogRow("$param"); insert($model)}) and further
 * actions that each set one of its properties ({@code $model.provider("$param");}). Such a table
 * means the same read as data as compiled into one rule per row, and costs nothing per row at build
 * or decision time; the catalog of thousands of models is read this way. Read after {@link
 * DecisionTableCheck}, so every cell is already checked and in canonical form.
 */
public final class DataTable {
  /** One built row object and the cell that names it (for a later duplicate). */
  public record Row(Object built, String file, String sheet, String cell, String name) {}

  /** The rows, or the problems that kept a row from being built. */
  public record Result(List<Row> rows, List<RuleProblem> problems) {}

  private static final Pattern CREATE =
      Pattern.compile(
          "^\\s*(\\w+)\\s+\\$(\\w+)\\s*=\\s*new\\s+\\1\\s*\\(\\s*\"\\$param\"\\s*\\)\\s*;"
              + "\\s*insert\\s*\\(\\s*\\$\\2\\s*\\)\\s*;?\\s*$");
  private static final Pattern SET =
      Pattern.compile(
          "^\\s*\\$(\\w+)\\.(\\w+)\\s*\\(\\s*(\"\\$param\"|\\$paramL?|\\w+\\.\\$param)\\s*\\)\\s*;?\\s*$");

  private static final int KEYWORDS = DecisionTableCheck.KEYWORDS;
  private static final int TEMPLATES = DecisionTableCheck.TEMPLATES;
  private static final int LABELS = DecisionTableCheck.LABELS;

  private DataTable() {}

  /** What a data table's header says: where it is, its templates, the row type it makes. */
  private record Header(
      int table, Map<Integer, String> templates, int first, Matcher create, Class<?> type) {}

  /**
   * Whether the first sheet's table is a table of one of the {@code builders} types: read from its
   * header rows only, so a caller can tell before checking every cell.
   */
  public static boolean describes(Workbook wb, Set<Class<?>> builders) {
    return header(wb.getSheetAt(0), builders) != null;
  }

  /**
   * The first sheet's table read as data when it is a table of one of the {@code builders} types
   * (classes with a constructor taking the first column's text); empty when it is not one.
   */
  public static Optional<Result> read(String file, Workbook wb, Set<Class<?>> builders) {
    Sheet sheet = wb.getSheetAt(0);
    Header h = header(sheet, builders);
    if (h == null) {
      return Optional.empty();
    }
    int table = h.table();
    Map<Integer, String> templates = h.templates();
    int first = h.first();
    Matcher create = h.create();
    Class<?> type = h.type();
    Map<Integer, Method> setters = new LinkedHashMap<>();
    List<RuleProblem> templateProblems = new ArrayList<>();
    for (var t : templates.entrySet()) {
      if (t.getKey() == first) {
        continue;
      }
      Matcher set = SET.matcher(t.getValue());
      Method m = set.matches() && set.group(1).equals(create.group(2)) ? setter(type, set) : null;
      if (m != null) {
        setters.put(t.getKey(), m);
      } else { // the table is data: a column that sets no property would be lost, so refuse it
        String cell = new CellReference(table + TEMPLATES, t.getKey()).formatAsString();
        templateProblems.add(
            new RuleProblem(
                file,
                sheet.getSheetName(),
                cell,
                set.matches()
                    ? "\""
                        + set.group(2)
                        + "\" is not something a "
                        + type.getSimpleName()
                        + " can be told: check the spelling of the column's template"
                    : "\""
                        + t.getValue()
                        + "\" does not set one property of the row: a column of this table reads"
                        + " like $"
                        + create.group(2)
                        + ".provider(\"$param\");"));
      }
    }
    if (!templateProblems.isEmpty()) {
      return Optional.of(new Result(List.of(), templateProblems));
    }
    return Optional.of(
        new Reader(file, sheet, type, first, setters, text(sheet, table + LABELS, first))
            .rows(table + LABELS + 1));
  }

  private static Header header(Sheet sheet, Set<Class<?>> builders) {
    Integer table = firstTable(sheet);
    if (table == null || sheet.getRow(table + KEYWORDS) == null) {
      return null;
    }
    Map<Integer, String> templates = new LinkedHashMap<>();
    for (Cell c : sheet.getRow(table + KEYWORDS)) {
      String keyword = RawCell.of(c).text().toUpperCase(Locale.ROOT);
      if (keyword.startsWith("CONDITION")) {
        return null;
      }
      if (keyword.startsWith("ACTION")) {
        templates.put(c.getColumnIndex(), text(sheet, table + TEMPLATES, c.getColumnIndex()));
      }
    }
    if (templates.isEmpty()) {
      return null;
    }
    int first = templates.keySet().iterator().next();
    Matcher create = CREATE.matcher(templates.get(first));
    if (!create.matches()) {
      return null;
    }
    return builders.stream()
        .filter(b -> b.getSimpleName().equals(create.group(1)))
        .findFirst()
        .map(type -> new Header(table, templates, first, create, type))
        .orElse(null);
  }

  private static Integer firstTable(Sheet sheet) {
    for (org.apache.poi.ss.usermodel.Row row : sheet) {
      if (DecisionTableCheck.ruleTableCell(row) != null) {
        return row.getRowNum();
      }
    }
    return null;
  }

  /** The one-argument method the template calls, if its argument can be made from a cell. */
  private static Method setter(Class<?> type, Matcher set) {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(set.group(2)) && m.getParameterCount() == 1) {
        Class<?> p = m.getParameterTypes()[0];
        boolean enumArgument = set.group(3).contains(".");
        if (enumArgument ? p.isEnum() : !p.isEnum()) {
          return m;
        }
      }
    }
    return null;
  }

  private static String text(Sheet sheet, int row, int column) {
    org.apache.poi.ss.usermodel.Row r = sheet.getRow(row);
    return r == null ? "" : RawCell.of(r.getCell(column)).text();
  }

  /** Builds the rows of one table. */
  private static final class Reader {
    private final String file;
    private final Sheet sheet;
    private final Class<?> type;
    private final int first;
    private final Map<Integer, Method> setters;
    private final String firstLabel;
    private final List<Row> rows = new ArrayList<>();
    private final List<RuleProblem> problems = new ArrayList<>();

    Reader(
        String file,
        Sheet sheet,
        Class<?> type,
        int first,
        Map<Integer, Method> setters,
        String firstLabel) {
      this.file = file;
      this.sheet = sheet;
      this.type = type;
      this.first = first;
      this.setters = setters;
      this.firstLabel = firstLabel.replaceAll("\\s*\\[.*$", "");
    }

    Result rows(int from) {
      for (int r = from; r <= sheet.getLastRowNum(); r++) {
        org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
        if (DecisionTableCheck.blank(row)) {
          break; // the check refuses anything below a gap
        }
        row(row);
      }
      return new Result(List.copyOf(rows), List.copyOf(problems));
    }

    private void row(org.apache.poi.ss.usermodel.Row row) {
      String name = RawCell.of(row.getCell(first)).text();
      if (name.isEmpty()) {
        problems.add(
            problem(
                row.getRowNum(),
                first,
                "row "
                    + (row.getRowNum() + 1)
                    + " has no "
                    + firstLabel
                    + ": every row needs one, or delete the row"));
        return;
      }
      Object built;
      try {
        built = type.getConstructor(String.class).newInstance(name);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(type.getSimpleName() + " cannot be made from a name", e);
      }
      for (var s : setters.entrySet()) {
        String value = RawCell.of(row.getCell(s.getKey())).text();
        if (!value.isEmpty()) {
          set(built, s.getValue(), value, row.getRowNum(), s.getKey());
        }
      }
      rows.add(
          new Row(
              built,
              file,
              sheet.getSheetName(),
              new CellReference(row.getRowNum(), first).formatAsString(),
              name));
    }

    private void set(Object built, Method m, String value, int row, int column) {
      try {
        m.invoke(built, argument(m.getParameterTypes()[0], value));
      } catch (InvocationTargetException | RuntimeException e) { // a value its setter refuses
        problems.add(problem(row, column, "\"" + value + "\" cannot be read here: retype it"));
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object argument(Class<?> p, String value) {
      if (p == String.class) {
        return value;
      }
      if (p == long.class || p == Long.class) {
        return new BigDecimal(value).longValueExact();
      }
      if (p == int.class || p == Integer.class) {
        return new BigDecimal(value).intValueExact();
      }
      if (p == BigDecimal.class) {
        return new BigDecimal(value);
      }
      if (p == LocalDate.class) {
        return LocalDate.parse(value);
      }
      if (p == boolean.class || p == Boolean.class) {
        return Boolean.parseBoolean(value);
      }
      if (p.isEnum()) {
        return Enum.valueOf((Class) p, value);
      }
      throw new IllegalArgumentException("no cell reads as " + p.getSimpleName());
    }

    private RuleProblem problem(int row, int column, String message) {
      return new RuleProblem(
          file, sheet.getSheetName(), new CellReference(row, column).formatAsString(), message);
    }
  }
}
