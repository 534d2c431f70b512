package org.llmstrategy.workbook;

import java.util.Arrays;
import java.util.List;

/**
 * What a column's cells may hold, as far as a dropdown can help: one value of a list, several
 * values of it separated by commas, or anything.
 */
record ColumnValues(Kind kind, List<String> allowed) {
  enum Kind {
    ONE_OF,
    SEVERAL_OF,
    FREE
  }

  static final ColumnValues FREE = new ColumnValues(Kind.FREE, List.of());

  static ColumnValues oneOf(Class<?> type, String... extra) {
    return of(Kind.ONE_OF, type, extra);
  }

  static ColumnValues severalOf(Class<?> type) {
    return of(Kind.SEVERAL_OF, type);
  }

  private static ColumnValues of(Kind kind, Class<?> type, String... extra) {
    if (type == null || !type.isEnum()) {
      return FREE;
    }
    List<String> names =
        java.util.stream.Stream.concat(
                Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()),
                Arrays.stream(extra))
            .toList();
    return new ColumnValues(kind, names);
  }

  /** The fact model's enum of that simple name, or null. */
  static Class<?> factEnum(String simpleName) {
    try {
      Class<?> type = Class.forName("org.llmstrategy.facts." + simpleName);
      return type.isEnum() ? type : null;
    } catch (ClassNotFoundException e) {
      return null;
    }
  }
}
