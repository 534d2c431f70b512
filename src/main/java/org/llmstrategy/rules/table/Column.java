package org.llmstrategy.rules.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition or action column of a decision table, as its label declares it: "Relative quality
 * [one of]", "Model [text, unique]", "Monthly tokens above [count, band start]". The type comes
 * first or last among the words in brackets; {@code unique} and {@code band start}/{@code band end}
 * add a check over the whole column.
 */
record Column(int index, String name, ColumnType type, boolean unique, Band band) {
  enum Band {
    START,
    END
  }

  private static final Pattern DECLARED = Pattern.compile("(?s)^(.*?)\\s*\\[([^\\[\\]]*)\\]\\s*$");
  private static final Pattern ENUM_IN_TEMPLATE = Pattern.compile("\\b([A-Z][A-Za-z0-9_]*)\\.\\$");

  /** The facts package: the only one whose lists of values a table may name. */
  private static final String FACTS = "org.llmstrategy.facts";

  static final String TYPES =
      "end its label with what it holds in square brackets: [number], [whole number], [count],"
          + " [money], [date], [yes/no], [one of], [several of] or [text]";

  /** The column, or throws {@link Refused} saying what is wrong with its label. */
  static Column declared(int index, String label, String template) {
    Column c = labelled(index, label);
    ColumnType.Kind kind = c.type().kind();
    if (kind == ColumnType.Kind.ONE_OF || kind == ColumnType.Kind.SEVERAL_OF) {
      return new Column(
          index,
          c.name(),
          new ColumnType(kind, valuesNamedBy(template, kind)),
          c.unique(),
          c.band());
    }
    return c;
  }

  /**
   * The column as its label alone declares it: name, type (a list type without its values yet),
   * unique and band; or throws {@link Refused}. A reference table takes a list's values from its
   * own declaration instead of a template.
   */
  static Column labelled(int index, String label) {
    Matcher m = DECLARED.matcher(label);
    if (label.isBlank()) {
      throw new Refused("this column has no label: give it one and " + TYPES);
    }
    if (!m.matches()) {
      throw new Refused(
          "the column \""
              + label
              + "\" does not say what it holds: "
              + TYPES
              + ", e.g. \""
              + label
              + " [text]\"");
    }
    ColumnType.Kind kind = null;
    boolean unique = false;
    Band band = null;
    for (String part : m.group(2).split(",")) {
      String word = part.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      ColumnType.Kind k = ColumnType.Kind.byWord(word);
      if (k != null && kind == null) {
        kind = k;
      } else if (word.equals("unique")) {
        unique = true;
      } else if (word.equals("band start") || word.equals("band end")) {
        band = word.endsWith("start") ? Band.START : Band.END;
      } else {
        throw new Refused(
            "\"["
                + m.group(2).strip()
                + "]\" is not a column type that can be read: "
                + TYPES
                + ", optionally with \", unique\" or \", band start\" / \", band end\"");
      }
    }
    if (kind == null) {
      throw new Refused("\"[" + m.group(2).strip() + "]\" names no type: " + TYPES);
    }
    return new Column(index, m.group(1).strip(), ColumnType.of(kind), unique, band);
  }

  /**
   * The constants of the list of values the column's template names, e.g. {@code Quality.$param}.
   */
  private static List<String> valuesNamedBy(String template, ColumnType.Kind kind) {
    Matcher m = ENUM_IN_TEMPLATE.matcher(template);
    if (m.find()) {
      try {
        Class<?> c = Class.forName(FACTS + "." + m.group(1), false, Column.class.getClassLoader());
        if (c.isEnum()) {
          List<String> values = new ArrayList<>();
          Arrays.stream(c.getEnumConstants()).forEach(v -> values.add(((Enum<?>) v).name()));
          return List.copyOf(values);
        }
      } catch (ClassNotFoundException e) {
        // falls through to the refusal below
      }
    }
    throw new Refused(
        "the column is declared ["
            + kind.word
            + "], but the template above it names no list of values (such as Quality.$param):"
            + " declare it [text], or fix the template");
  }

  /** A label that cannot be read, in the words the analyst sees. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }
}
