package org.llmstrategy.rules.table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One row of a reference table, its cells read and checked against their columns: typed values by
 * column key, for the function that makes the table's record. An optional column the workbook does
 * not have reads as empty (null) on every row; a value the record refuses is the analyst's mistake,
 * named at its cell through {@link #refuse}.
 */
public final class ReferenceRow {
  private final Map<String, Object> values;
  private final Map<String, String> cells;

  ReferenceRow(Map<String, Object> values, Map<String, String> cells) {
    this.values = values;
    this.cells = cells;
  }

  public String text(String key) {
    return (String) value(key);
  }

  public BigDecimal decimal(String key) {
    return (BigDecimal) value(key);
  }

  /** A whole number or count; null when the cell is empty. */
  public Long count(String key) {
    return (Long) value(key);
  }

  public LocalDate date(String key) {
    return (LocalDate) value(key);
  }

  public Boolean yesNo(String key) {
    return (Boolean) value(key);
  }

  /** One value of a list, as the list's constant; null when the cell is empty. */
  public <E extends Enum<E>> E oneOf(String key, Class<E> values) {
    String name = text(key);
    return name == null ? null : Enum.valueOf(values, name);
  }

  /** Refuses the row at the cell of {@code key}: throw what this returns. */
  public RuntimeException refuse(String key, String why) {
    return new Refused(cells.getOrDefault(key, cells.values().iterator().next()), why);
  }

  private Object value(String key) {
    return values.get(key); // null: an empty cell, or a column the workbook does not have
  }

  /** A row its record refuses, at the cell that is wrong. */
  static final class Refused extends RuntimeException {
    final String cell;

    Refused(String cell, String message) {
      super(message, null, false, false);
      this.cell = cell;
    }
  }
}
