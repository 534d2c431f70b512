package org.llmstrategy.rules.table;

/**
 * What a cell means for its column: the canonical text Drools is given ({@code null} for an empty
 * cell), or why it cannot be read, in words for the analyst who typed it.
 */
public record CellReading(String value, String problem) {
  static final CellReading EMPTY = new CellReading(null, null);

  static CellReading of(String value) {
    return new CellReading(value, null);
  }

  static CellReading refused(String problem) {
    return new CellReading(null, problem);
  }

  public boolean refused() {
    return problem != null;
  }
}
