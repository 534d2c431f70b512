package org.llmstrategy.rules.table;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A table that only describes things (models, self-host setups, option terms, constants), declared
 * in Java: its columns by a stable key, which the workbook's machinery row names above each label
 * ({@code provider}), each with the type its label must declare ({@code [money]}, {@code [one of]},
 * …) and the range a number must fall in; and how a read row becomes its immutable record. Read by
 * {@link ReferenceSheet}. The first field is the one that names a row (the model, the setup, the
 * option) and says which table a workbook holds.
 */
public record ReferenceTable<T>(
    String name, List<ReferenceTable.Field> fields, Function<ReferenceRow, T> record) {
  public ReferenceTable {
    fields = List.copyOf(fields);
  }

  /** A column the table may have; a required one must be there and filled on every row. */
  public record Field(String key, ColumnType type, Range range, boolean required) {
    public static Field text(String key) {
      return new Field(key, ColumnType.of(ColumnType.Kind.TEXT), Range.ANY, false);
    }

    /** An amount in US dollars: 0 or more (the type refuses a negative amount itself). */
    public static Field money(String key) {
      return new Field(key, ColumnType.of(ColumnType.Kind.MONEY), Range.atLeast(0), false);
    }

    public static Field number(String key, Range range) {
      return new Field(key, ColumnType.of(ColumnType.Kind.NUMBER), range, false);
    }

    /** A whole number, 0 or more by its type; {@code range} may ask for more (at least 1). */
    public static Field count(String key, Range range) {
      return new Field(key, ColumnType.of(ColumnType.Kind.COUNT), range, false);
    }

    public static Field date(String key) {
      return new Field(key, ColumnType.of(ColumnType.Kind.DATE), Range.ANY, false);
    }

    public static Field yesNo(String key) {
      return new Field(key, ColumnType.of(ColumnType.Kind.YES_NO), Range.ANY, false);
    }

    /** One value of a list: the names of {@code values}' constants. */
    public static <E extends Enum<E>> Field oneOf(String key, Class<E> values) {
      return new Field(
          key,
          ColumnType.oneOf(Arrays.stream(values.getEnumConstants()).map(Enum::name).toList()),
          Range.ANY,
          false);
    }

    public Field asRequired() {
      return new Field(key, type, range, true);
    }
  }

  /** Where a number must lie, both ends included; a null end is open. */
  public record Range(BigDecimal min, BigDecimal max) {
    public static final Range ANY = new Range(null, null);

    public static Range atLeast(long min) {
      return new Range(BigDecimal.valueOf(min), null);
    }

    public static Range between(String min, String max) {
      return new Range(new BigDecimal(min), new BigDecimal(max));
    }

    /** Why {@code n} is out of the range, in plain words; null when it is in. */
    public String refusal(BigDecimal n) {
      if (min != null && n.compareTo(min) < 0) {
        return "is below " + min.toPlainString() + ": " + allowed();
      }
      if (max != null && n.compareTo(max) > 0) {
        return "is above " + max.toPlainString() + ": " + allowed();
      }
      return null;
    }

    private String allowed() {
      return max == null
          ? "type " + min.toPlainString() + " or more"
          : "type a value from " + min.toPlainString() + " to " + max.toPlainString();
    }
  }

  /** The field of this key, or null when the table has no such column. */
  public Field field(String key) {
    return fields.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
  }

  /** The key that names a row and says which table a workbook holds. */
  public String firstKey() {
    return fields.get(0).key();
  }

  /** The keys, for a message: "model, provider, …". */
  String keys() {
    return fields.stream().map(Field::key).collect(Collectors.joining(", "));
  }
}
